/**
 * Re-anchoring on realistic edits (part of `npm run bench`): annotations on every entity mention
 * of real articles, then one edit made outside the editor (as another tool or a `git pull`
 * would): a typo fixed, a sentence inserted, a paragraph moved, a sentence deleted. Each
 * annotation is then placed from its stored selectors and compared with where its text really went.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, describe, place } from '../core';

type Span = { start: number; end: number };
interface Edit {
  text: string;
  /** Where an original span is after the edit; null when its text was deleted. */
  map(s: Span): Span | null;
}

const root = path.resolve(__dirname, '..');
const evalDir = process.env.NEWSMARK_EVAL_DIR ?? path.resolve(root, '../shared/eval');

// A small deterministic generator, so runs are comparable.
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];

function shiftMap(at: number, removed: number, inserted: number) {
  return (s: Span): Span | null => {
    if (s.end <= at) return s;
    if (s.start >= at + removed)
      return { start: s.start - removed + inserted, end: s.end - removed + inserted };
    return null;
  };
}

function typo(t: string, spans: Span[]): Edit {
  // Fix a "typo" inside an annotated name half the time, elsewhere otherwise.
  const inName = rand() < 0.5 && spans.length;
  const s = inName ? pick(spans) : null;
  let at = s ? s.start + Math.floor(rand() * (s.end - s.start)) : Math.floor(rand() * t.length);
  while (at < t.length && !/\p{L}/u.test(t[at])) at++;
  if (at >= t.length) at = 0;
  const ch = t[at] === 'а' ? 'о' : t[at] === 'a' ? 'e' : 'а';
  return {
    text: t.slice(0, at) + ch + t.slice(at + 1),
    map: (sp) => sp, // a one-character replacement moves nothing
  };
}

function sentenceBounds(t: string): number[] {
  const out: number[] = [];
  const re = /[.!?…]["»”]?\s+/g;
  for (let m = re.exec(t); m; m = re.exec(t)) out.push(m.index + m[0].length);
  return out.length ? out : [0];
}

function insertSentence(t: string): Edit {
  const at = pick(sentenceBounds(t));
  const ins = t.includes('і')
    ? 'Ця вставлена фраза додана редактором пізніше. '
    : 'This sentence was added by an editor later. ';
  return { text: t.slice(0, at) + ins + t.slice(at), map: shiftMap(at, 0, ins.length) };
}

function deleteSentence(t: string): Edit {
  const b = sentenceBounds(t);
  const i = Math.floor(rand() * b.length);
  const start = i === 0 ? 0 : b[i - 1];
  const end = b[i];
  if (end <= start) return { text: t, map: (s) => s };
  return { text: t.slice(0, start) + t.slice(end), map: shiftMap(start, end - start, 0) };
}

function moveParagraph(t: string): Edit {
  const paras: Span[] = [];
  const re = /[^\n]+\n*/g;
  for (let m = re.exec(t); m; m = re.exec(t)) paras.push({ start: m.index, end: m.index + m[0].length });
  if (paras.length < 3) return insertSentence(t);
  const i = 1 + Math.floor(rand() * (paras.length - 1));
  const p = paras[i];
  const moved = t.slice(p.start, p.end);
  const rest = t.slice(0, p.start) + t.slice(p.end);
  const to = paras[0].end; // to the top, after the headline
  const text = rest.slice(0, to) + moved + rest.slice(to);
  return {
    text,
    map: (s) => {
      if (s.start >= p.start && s.end <= p.end)
        return { start: s.start - p.start + to, end: s.end - p.start + to };
      if (s.start >= p.end) return s; // after the paragraph: unchanged (removed before, inserted before)
      if (s.end <= to) return s;
      if (s.start >= to && s.end <= p.start)
        return { start: s.start + moved.length, end: s.end + moved.length };
      return null;
    },
  };
}

function texts(file: string, n: number): string[] {
  const p = path.join(evalDir, file);
  if (!fs.existsSync(p)) return [];
  return fs
    .readFileSync(p, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, n)
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

export function benchAnchoring(): void {
  let articles = [...texts('uk-attribution-dev.jsonl', 10), ...texts('polnear-dev.jsonl', 30)];
  if (!articles.length)
    articles = fs
      .readdirSync(path.join(root, 'seeds'))
      .map((f) => fs.readFileSync(path.join(root, 'seeds', f), 'utf8'));
  const kinds: [string, (t: string, spans: Span[]) => Edit][] = [
    ['typo fixed', typo],
    ['sentence inserted', insertSentence],
    ['paragraph moved', moveParagraph],
    ['sentence deleted', deleteSentence],
  ];
  console.log('\nre-anchoring after an edit made outside the editor (annotations on every entity mention):');
  console.log('  edit                 annotations  re-anchored  orphaned(gone)  lost  wrong');
  for (const [name, make] of kinds) {
    let total = 0;
    let ok = 0;
    let orphanGone = 0;
    let lost = 0;
    let wrong = 0;
    for (const t of articles) {
      const spans = analyze(t).entities.flatMap((e) =>
        e.mentions.map((m) => ({ start: m.start, end: m.end })),
      );
      if (!spans.length) continue;
      const edit = make(t, spans);
      for (const s of spans) {
        total++;
        const anchor = describe(t, s.start, s.end);
        const expected = edit.map(s);
        const got = place(edit.text, anchor);
        if (!expected) {
          if (!got) orphanGone++;
          else if (edit.text.slice(got.start, got.end) === anchor.quote.exact)
            orphanGone++; // same words elsewhere: acceptable
          else wrong++;
        } else if (!got) lost++;
        else if (got.start === expected.start && got.end === expected.end) ok++;
        else if (Math.abs(got.start - expected.start) <= 1 && Math.abs(got.end - expected.end) <= 1) ok++;
        else if (edit.text.slice(got.start, got.end) === anchor.quote.exact)
          ok++; // an identical mention
        else wrong++;
      }
    }
    const pct = (n: number) => `${((100 * n) / Math.max(total, 1)).toFixed(1)}%`.padStart(6);
    console.log(
      `  ${name.padEnd(20)} ${String(total).padStart(11)}  ${pct(ok)}       ${pct(orphanGone)}        ${pct(lost)} ${pct(wrong)}`,
    );
  }
}

if (require.main === module) benchAnchoring();
