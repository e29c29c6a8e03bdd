/**
 * Content finding for cues that are not English verbs: a quotation before or after the cue, a
 * clause after що/that or a content word, the clause around a credit ("За словами X, P"), the
 * clause before an inverted cue, the previous sentence after "Про це …".
 */
import type { QuoteSpan } from '../quotes';
import { span, trimSpan } from '../text';
import type { Span } from '../types';
import { verbClass } from './compiled';
import { firstWordIndex, isWordTok } from './context';
import type { CueSite } from './rules';
import { isPostposedSubject } from './source';

/** How the cue stands in its sentence. */
export interface Shape {
  /** The quotation right before the cue ('"…," said Smith', «…», – сказав він). */
  quoteBefore: QuoteSpan | undefined;
  /** "Про це … повідомляє X": the content is the previous sentence. */
  aboutThis: boolean;
  /** "Про це він заявив": the subject stands before the cue. */
  aboutThisSubject: boolean;
  commaBefore: boolean;
}

/** What the rules have found so far for one cue. */
export interface Found {
  source: Span[];
  content: Span[];
  direct: boolean;
  /** The last token of a source that follows the cue (else the cue's last token). */
  sourceEnd: number;
  inverted: boolean;
  /** The source's kind as its place says, for a word the other rules cannot place. */
  kindHint?: 'organisation';
}

/** Commas before a say-verb with a postposed subject: trailing credits ("…, передає Укрінформ"). */
function trailingCredits(site: CueSite, fromTok: number): number[] {
  const { toks, cue, c } = site;
  const out: number[] = [];
  for (let k = fromTok; k < toks.length; k++) {
    if (toks[k].text === ',' && isWordTok(toks[k + 1]) && k + 1 !== cue.a) {
      const v = verbClass(c, toks[k + 1].text);
      if (v === 'say' && isPostposedSubject(toks, k + 1, c, true)) out.push(k);
    }
  }
  return out;
}

/** The sentence from a token on, before any trailing credit. */
function restOfSentence(site: CueSite, fromTok: number, stopAtTrailingCue = true): Span | null {
  const { toks, text, s } = site;
  if (fromTok >= toks.length) return null;
  let end = s.end;
  if (stopAtTrailingCue)
    for (const other of trailingCredits(site, fromTok)) end = Math.min(end, toks[other].start);
  return trimSpan(text, toks[fromTok].start, end, ' \t\r\n,;:—–-.') ?? null;
}

/** Index of "що" after a comma within a few words of the cue, with no other verb in between; else -1. */
function delayedThat(site: CueSite, from: number): number {
  const { toks, c } = site;
  for (let x = from; x < toks.length && x - from <= 10; x++) {
    const t = toks[x];
    if (t.text === ',' && toks[x + 1] && c.complementizers.has(toks[x + 1].norm)) return x + 1;
    if (t.kind === 'quote' || (t.kind === 'punct' && t.text !== '-' && t.text !== "'")) return -1;
    if (isWordTok(t) && verbClass(c, t.text)) return -1;
  }
  return -1;
}

const quoteSpan = (text: string, q: QuoteSpan) => trimSpan(text, q.open + 1, q.close, ' \t\r\n');

function isFullyQuoted(text: string, r: Span, quotes: QuoteSpan[]): boolean {
  return quotes.some(
    (q) =>
      q.open <= r.start &&
      q.close >= r.end - 1 &&
      trimSpan(text, q.open + 1, q.close)?.text === trimSpan(text, r.start, r.end, ' "«»“”„')?.text,
  );
}

/** Where the content may start: after the cue (or an inverted cue's source), past an addressee. */
function contentStart(site: CueSite, found: Found): number {
  const { toks, cue, c, lw, rules } = site;
  let k = found.inverted ? cue.b + 1 : Math.max(cue.b, found.sourceEnd) + 1;
  if (found.inverted && found.source.length && found.sourceEnd > cue.b) k = found.sourceEnd + 1;
  // Skip the addressee of "told reporters that …".
  if (rules.addresseeVerbs.has(lw(cue.a))) {
    let x = k;
    while (x < toks.length && x - k < 5 && isWordTok(toks[x]) && !c.complementizers.has(lw(x))) x++;
    if (c.complementizers.has(lw(x)) || toks[x]?.kind === 'quote' || toks[x]?.text === ',') k = x;
  }
  while (k < toks.length && /^[,:\-–—]$/.test(toks[k].text)) k++;
  return k;
}

export function findContent(site: CueSite, shape: Shape, found: Found): void {
  const k = contentStart(site, found);
  contentAfterCue(site, shape, found, k) || creditContent(site, found, k) || verbContent(site, found, k);
  contentFallbacks(site, shape, found);
}

/** A quotation around the cue, a clause after що/that, an indirect question, a clause after "про". */
function contentAfterCue(site: CueSite, shape: Shape, found: Found, k: number): boolean {
  const { toks, cue, text, s, c, rules, quotes } = site;
  const next = toks[k];
  const set = (r: Span | null, direct = false) => {
    if (r) {
      found.content = [r];
      found.direct = direct;
    }
    return true;
  };
  if (shape.quoteBefore && (found.inverted || cue.sourceAt === 'auto')) {
    const qs = quoteSpan(text, shape.quoteBefore);
    return set(qs, true);
  }
  const qAt = next?.kind === 'quote' ? site.quoteAt.opening(next.start) : undefined;
  if (qAt) {
    const qs = quoteSpan(text, qAt);
    if (!qs) return true;
    // A quote that is only the start of the clause is partial.
    const after = trimSpan(text, qAt.close + 1, s.end, ' \t\r\n,;:—–-.');
    const direct = !after || trailingCredits(site, k).length > 0;
    return set(!direct && cue.kind !== 'directive' ? span(text, qs.start - 1, after!.end) : qs, direct);
  }
  if (next && c.complementizers.has(next.norm)) {
    const r = restOfSentence(site, rules.complementizerInContent ? k : k + 1);
    return set(r, !!r && isFullyQuoted(text, r, quotes));
  }
  // "США пояснили, скільки людей …": an indirect question is the content, its wh-word included.
  if (
    next &&
    toks[k - 1]?.text === ',' &&
    c.contentIntroducers.has(next.norm) &&
    (cue.kind === 'say' || cue.kind === 'belief')
  )
    return set(restOfSentence(site, k));
  const delayed =
    rules.delayedComplementizer && (cue.kind === 'say' || cue.kind === 'verb' || cue.kind === 'belief')
      ? delayedThat(site, k)
      : -1;
  if (delayed > 0) {
    // "заявила в інтерв'ю британській BBC, що …": a short circumstance between the cue and що.
    const r = restOfSentence(site, delayed + 1);
    return set(r, !!r && isFullyQuoted(text, r, quotes));
  }
  if (next && c.about.has(next.norm) && cue.kind !== 'according') return set(restOfSentence(site, k + 1));
  return false;
}

/** "За словами X, P" / "Як повідомляє X, P" / "…, з посиланням на X" / "P, according to X". */
function creditContent(site: CueSite, found: Found, k: number): boolean {
  const { toks, cue, text, s, cueTokens, siblings } = site;
  if (cue.kind === 'document' || cue.kind === 'impersonal') return documentContent(site, found, k);
  if (cue.kind !== 'according' && cue.kind !== 'citation' && cue.kind !== 'parenthetical') return false;
  let srcEndTok = Math.max(found.sourceEnd, cue.b);
  // "Як повідомляє X з посиланням на Y, P": the credit's comma comes after the citation it holds.
  if (cue.a === firstWordIndex(toks) && cueTokens.has(srcEndTok + 1)) {
    let y = srcEndTok + 1;
    while (y < toks.length && y - srcEndTok < 16 && toks[y].text !== ',' && !/^[.;:!?]$/.test(toks[y].text))
      y++;
    if (toks[y]?.text === ',') srcEndTok = y - 1;
  }
  let x = srcEndTok + 1;
  while (x < toks.length && /^[,:\-–—]$/.test(toks[x].text)) x++;
  const clauseAfter = x < toks.length && toks[srcEndTok + 1]?.text === ',' ? restOfSentence(site, x) : null;
  const before =
    cue.a > firstWordIndex(toks) ? trimSpan(text, s.start, toks[cue.a].start, ' \t\r\n,;:—–-') : null;
  // "Як повідомляє X з посиланням на Y, P": a citation inside a sentence-initial credit reports P.
  const insideCredit =
    cue.kind === 'citation' &&
    clauseAfter &&
    siblings.some(
      (y) =>
        (y.cue.kind === 'parenthetical' || y.cue.kind === 'according') &&
        y.cue.a < cue.a &&
        y.cue.a === firstWordIndex(toks),
    );
  if (insideCredit) found.content = [clauseAfter];
  else if (cue.kind === 'citation' || (!clauseAfter && before))
    found.content = before ? [stripAboutThis(text, before)] : clauseAfter ? [clauseAfter] : [];
  else if (clauseAfter) found.content = [clauseAfter];
  return true;
}

/** "У документі йдеться, що …", «…», – йдеться в доповіді. */
function documentContent(site: CueSite, found: Found, k: number): boolean {
  const { toks, cue, text, s, c } = site;
  const next = toks[k];
  if (next && c.complementizers.has(next.norm)) {
    const r = restOfSentence(site, k + 1);
    found.content = r ? [r] : [];
  } else if (cue.a > firstWordIndex(toks)) {
    const before = trimSpan(text, s.start, toks[cue.a].start, ' \t\r\n,;:—–-');
    // «…», – йдеться в доповіді: a whole quotation before the cue is direct speech.
    const opening = before && site.quoteAt.opening(before.start);
    const q = opening && opening.close === before.end - 1 ? opening : undefined;
    const inner = q && trimSpan(text, q.open + 1, q.close, ' \t');
    if (inner) {
      found.content = [inner];
      found.direct = true;
    } else if (before) found.content = [before];
  } else {
    const r = restOfSentence(site, Math.max(k, found.sourceEnd + 1));
    if (r) found.content = [r];
  }
  return true;
}

/** The clause after a belief, directive or bare say verb. */
function verbContent(site: CueSite, found: Found, k: number): boolean {
  const { toks, cue, c, lw, rules, siblings } = site;
  const next = toks[k];
  const rest = () => {
    const r = restOfSentence(site, k);
    if (r) found.content = [r];
    return true;
  };
  if (
    cue.kind === 'belief' &&
    rules.beliefSmallClause &&
    next &&
    isWordTok(next) &&
    !c.about.has(next.norm)
  ) {
    // "вважає кращим варіантом, якщо …": the small clause after a belief verb.
    rest();
    // "Вона зазначила, що вважає …": the embedded belief takes the matrix subject.
    if (!found.source.length && c.complementizers.has(lw(cue.a - 1))) {
      const sib = siblings.find((x) => x.att.source.length);
      if (sib) found.source = sib.att.source;
    }
    return true;
  }
  if (cue.kind === 'directive' && next && isWordTok(next)) return rest();
  if (!next || !isWordTok(next)) return false;
  if (
    cue.kind === 'say' &&
    !found.inverted &&
    rules.bareContentVerbs.say.has(lw(cue.a)) &&
    !rules.bareContentStops.has(next.norm)
  )
    return rest();
  if (cue.kind === 'belief' && rules.bareContentVerbs.belief.has(lw(cue.a))) return rest();
  return false;
}

/** A clause-final cue after its subject, an inverted cue's clause, and "Про це …". */
function contentFallbacks(site: CueSite, shape: Shape, found: Found): void {
  const { toks, cue, text, s, si, sents } = site;
  // '"…," he said.' / 'The deal is off, sources said.': a clause-final cue after its subject.
  if (!found.content.length && found.source.length && found.source[0].end <= toks[cue.a].start) {
    const srcTok = toks.findIndex((t) => t.start === found.source[0].start);
    const nextT = toks[cue.b + 1];
    const clauseFinal = !nextT || /^[.,;!?…]$/.test(nextT.text);
    if (srcTok > 0 && clauseFinal && /^[,—–-]$/.test(toks[srcTok - 1].text)) {
      const q = toks[srcTok - 2]?.kind === 'quote' ? site.quoteAt.closing(toks[srcTok - 2].start) : undefined;
      const qs = q && quoteSpan(text, q);
      if (qs) {
        found.content = [qs];
        found.direct = true;
      } else {
        const before = trimSpan(text, s.start, toks[srcTok - 1].start, ' \t\r\n,;:—–-"«»“”');
        if (before) found.content = [before];
      }
    }
  }
  if (shape.aboutThis) {
    // "Про це … повідомляє X": the content is the previous sentence.
    const prev = sents[si - 1];
    found.content = prev ? [span(text, prev.start, trimEndPunct(text, prev.start, prev.end))] : [];
    return;
  }
  // Inverted cue without a quote: content is the clause before it ("P, – повідомив X").
  if (!found.content.length && found.inverted && cue.a > firstWordIndex(toks)) {
    const before = trimSpan(text, s.start, toks[cue.a].start, ' \t\r\n,;:—–-');
    if (before) found.content = [stripAboutThis(text, before)];
  }
}

function stripAboutThis(text: string, s: Span): Span {
  const m = /^(Про це|Об этом)[\s,]+/i.exec(s.text);
  return m ? span(text, s.start + m[0].length, s.end) : s;
}

function trimEndPunct(text: string, start: number, end: number): number {
  while (end > start && /[\s.!?…]/.test(text[end - 1])) end--;
  return end;
}
