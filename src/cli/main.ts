/**
 * The `newsmark` command line, on the same engine as the extension.
 *   newsmark analyze [--json] [--lang uk|ru|en] <file|dir>...
 *   newsmark eval --task ner|attribution <jsonl>
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../core/analyze';
import { type AttributionGold, AttributionScorer, type NerGold, NerScorer, type PRF } from '../core/evaluate';
import { chainOf } from '../core/sources';
import { stripBom } from '../core/text';
import type { Analysis, Language } from '../core/types';
import { ANNOTATIONS_USAGE, CliError, cmdAnnotations } from './annotationsCmd';
import { cmdExport, cmdImport, EXPORT_USAGE } from './exportCmd';

const USAGE = `Usage:
  newsmark analyze [--json] [--lang uk|ru|en] <file|dir>...   entities, attributions and sources
  newsmark eval --task ner|attribution <jsonl>                score the engine on gold data
${ANNOTATIONS_USAGE}
${EXPORT_USAGE}
  newsmark --help | --version`;

class UsageError extends Error {}

/** Reads an article as the editor shows it: UTF-8, BOM removed. Throws a one-line reason. */
export function readArticle(file: string): string {
  let buf: Buffer;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new Error('not a regular file');
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message,
    );
  }
  if (buf.length === 0) throw new Error('empty file');
  if (buf.includes(0)) throw new Error('binary file (contains NUL bytes)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new Error('not valid UTF-8');
  }
  text = stripBom(text);
  if (!text.trim()) throw new Error('empty file (whitespace only)');
  return text;
}

function expand(inputs: string[]): string[] {
  const out: string[] = [];
  for (const p of inputs) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(p);
    } catch {
      out.push(p); // reported as missing when read
      continue;
    }
    if (st.isDirectory()) {
      const files = fs
        .readdirSync(p, { recursive: true })
        .map((f) => path.join(p, String(f)))
        .filter((f) => /\.(txt|md)$/i.test(f) && fs.statSync(f).isFile())
        .sort();
      out.push(...files);
    } else out.push(p);
  }
  return out;
}

// ---- Terminal rendering -------------------------------------------------------------------

const useColor = () => !process.env.NO_COLOR && process.stdout.isTTY !== false && process.env.TERM !== 'dumb';
const SGR = {
  PER: '1;34',
  ORG: '1;35',
  LOC: '1;32',
  MISC: '1;36',
  source: '4;33',
  cue: '1;31',
  content: '3;37',
  dim: '2',
  bold: '1',
} as const;

function paint(s: string, code: string, color: boolean): string {
  return color ? `\x1b[${code}m${s}\x1b[0m` : s;
}

export function renderHuman(file: string, text: string, a: Analysis, color: boolean): string {
  type Mark = { start: number; end: number; code: string; tag: string };
  const marks: Mark[] = [];
  for (const att of a.attributions) {
    for (const s of att.content) marks.push({ start: s.start, end: s.end, code: SGR.content, tag: '' });
    for (const s of att.source) marks.push({ start: s.start, end: s.end, code: SGR.source, tag: '' });
    for (const s of att.cue) marks.push({ start: s.start, end: s.end, code: SGR.cue, tag: '' });
  }
  for (const e of a.entities)
    for (const m of e.mentions) marks.push({ start: m.start, end: m.end, code: SGR[e.type], tag: e.type });
  // Innermost style wins: paint character by character with the shortest covering mark.
  let out = '';
  if (color) {
    const codes: (string | undefined)[] = new Array(text.length);
    const lens = new Array<number>(text.length).fill(Infinity);
    for (const m of marks) {
      for (let i = m.start; i < m.end; i++) {
        if (m.end - m.start <= lens[i]) {
          lens[i] = m.end - m.start;
          codes[i] = m.code;
        }
      }
    }
    let cur: string | undefined;
    for (let i = 0; i < text.length; i++) {
      if (codes[i] !== cur) {
        out += cur ? '\x1b[0m' : '';
        cur = codes[i];
        out += cur ? `\x1b[${cur}m` : '';
      }
      out += text[i];
    }
    if (cur) out += '\x1b[0m';
  } else {
    // Without colour: bracket entity mentions with their type, cues with ‹›.
    const ins: { at: number; s: string; order: number }[] = [];
    for (const e of a.entities)
      for (const m of e.mentions) {
        ins.push({ at: m.start, s: '[', order: 1 });
        ins.push({ at: m.end, s: `]${e.type}`, order: 0 });
      }
    for (const att of a.attributions)
      for (const c of att.cue) {
        ins.push({ at: c.start, s: '‹', order: 2 });
        ins.push({ at: c.end, s: '›', order: -1 });
      }
    ins.sort((x, y) => x.at - y.at || x.order - y.order);
    let pos = 0;
    for (const i of ins) {
      out += text.slice(pos, i.at) + i.s;
      pos = i.at;
    }
    out += text.slice(pos);
  }
  const lines: string[] = [];
  lines.push(paint(`── ${file} (${a.language}, ${a.stats.words} words) ──`, SGR.bold, color));
  lines.push(out.trimEnd());
  lines.push('');
  if (color) {
    lines.push(
      `${paint('PER', SGR.PER, true)} ${paint('ORG', SGR.ORG, true)} ${paint('LOC', SGR.LOC, true)}  ${paint('source', SGR.source, true)} ${paint('cue', SGR.cue, true)} ${paint('content', SGR.content, true)}`,
    );
  }
  lines.push(paint(`Entities (${a.entities.length}):`, SGR.bold, color));
  for (const t of ['PER', 'ORG', 'LOC', 'MISC'] as const) {
    const list = a.entities.filter((e) => e.type === t);
    if (!list.length) continue;
    const items = list.map(
      (e) =>
        `${e.name}${e.stateMedia ? ' [state media]' : e.kind === 'media' ? ' [media]' : ''} ×${e.mentions.length}`,
    );
    lines.push(`  ${paint(t, SGR[t], color)}: ${items.join(', ')}`);
  }
  lines.push(paint(`Sources (${a.sources.length}):`, SGR.bold, color));
  const byId = new Map(a.attributions.map((x) => [x.id, x]));
  const nameOf = (att: (typeof a.attributions)[number]) => {
    const s = a.sources.find((src) => src.attributions.includes(att.id));
    return s ? s.name : '(no source named)';
  };
  for (const s of a.sources) {
    const flag = s.anonymous ? paint(' ⚠ anonymous', '33', color) : '';
    const cites = s.cites.length ? ` ← cites ${s.cites.join(', ')}` : '';
    lines.push(
      `  • ${s.name} (${s.kind}, ${s.attributions.length} statement${s.attributions.length === 1 ? '' : 's'})${cites}${flag}`,
    );
  }
  const chains = new Set<string>();
  for (const att of a.attributions) {
    if (!att.via || a.attributions.some((x) => x.via === att.id)) continue; // start at outermost
    chains.add(chainOf(att, a.attributions, nameOf).join(' ← '));
  }
  if (chains.size) {
    lines.push(paint('Chains of reporting:', SGR.bold, color));
    for (const c of chains) lines.push(`  ${c}`);
  }
  lines.push(paint(`Attributions (${a.attributions.length}):`, SGR.bold, color));
  for (const att of a.attributions) {
    const src = att.source.map((s) => s.text).join(' … ') || '—';
    const cue = att.cue.map((s) => s.text).join(' … ');
    const content = att.content.map((s) => s.text).join(' … ');
    const short = content.length > 90 ? `${content.slice(0, 87)}…` : content;
    const via = att.via ? ` (via ${nameOf(byId.get(att.via)!)})` : '';
    lines.push(
      `  ${att.id} ${paint(src, SGR.source, color)} → ${paint(cue, SGR.cue, color)} → ${att.direct ? '“' : ''}${short}${att.direct ? '”' : ''}  [${att.direct ? 'direct' : 'indirect'}, ${att.sourceKind}${att.anonymous ? ', anonymous' : ''}]${via}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function toJson(file: string, a: Analysis) {
  return {
    file,
    language: a.language,
    entities: a.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      ...(e.kind ? { kind: e.kind } : {}),
      ...(e.stateMedia ? { stateMedia: true } : {}),
      mentions: e.mentions,
    })),
    attributions: a.attributions,
    sources: a.sources,
    boilerplate: a.boilerplate,
    stats: a.stats,
  };
}

// ---- Commands -----------------------------------------------------------------------------

function parseFlags(args: string[], spec: Record<string, 'bool' | 'value'>) {
  const flags: Record<string, string | boolean> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2);
      const kind = spec[name];
      if (!kind) throw new UsageError(`unknown option --${name}`);
      if (kind === 'bool') flags[name] = true;
      else {
        const v = inline ?? args[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        flags[name] = v;
      }
    } else rest.push(a);
  }
  return { flags, rest };
}

function cmdAnalyze(args: string[]): number {
  const { flags, rest } = parseFlags(args, { json: 'bool', lang: 'value' });
  const lang = flags.lang as string | undefined;
  if (lang && !['uk', 'ru', 'en'].includes(lang))
    throw new UsageError(`--lang must be uk, ru or en (got "${lang}")`);
  if (!rest.length) throw new UsageError('analyze needs at least one file or directory');
  let failed = 0;
  const files = expand(rest);
  if (!files.length) {
    process.stderr.write(`newsmark: no .txt or .md files found in ${rest.join(', ')}\n`);
    return 1;
  }
  for (const file of files) {
    let text: string;
    try {
      text = readArticle(file);
    } catch (e) {
      process.stderr.write(`newsmark: ${file}: ${(e as Error).message}\n`);
      failed++;
      continue;
    }
    const a = analyze(text, lang ? { language: lang as Language } : {});
    if (flags.json) process.stdout.write(`${JSON.stringify(toJson(file, a))}\n`);
    else process.stdout.write(`${renderHuman(file, text, a, useColor())}\n`);
  }
  return failed ? 1 : 0;
}

function fmt(s: PRF) {
  return `${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}  ${s.f1.toFixed(3)}`;
}

function cmdEval(args: string[]): number {
  const { flags, rest } = parseFlags(args, { task: 'value', lang: 'value', limit: 'value' });
  const task = flags.task;
  if (task !== 'ner' && task !== 'attribution') throw new UsageError('--task must be ner or attribution');
  if (rest.length !== 1) throw new UsageError('eval needs one JSONL file');
  const lines = fs
    .readFileSync(rest[0], 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const limit = flags.limit ? Number(flags.limit) : Infinity;
  const lang = flags.lang as Language | undefined;
  const t0 = performance.now();
  let chars = 0;
  if (task === 'ner') {
    const scorer = new NerScorer();
    for (const line of lines.slice(0, limit)) {
      const doc = JSON.parse(line) as NerGold;
      chars += doc.text.length;
      scorer.add(doc, analyze(doc.text, lang ? { language: lang } : {}));
    }
    console.log(
      `NER, exact match (${Math.min(lines.length, limit)} docs, ${(chars / 1e6).toFixed(2)} M chars)`,
    );
    console.log('group          type    P      R      F1     (tp/fp/fn)');
    for (const r of scorer.table()) {
      console.log(
        `${r.group.padEnd(14)} ${r.type.padEnd(6)}  ${fmt(r.score)}  (${r.score.tp}/${r.score.fp}/${r.score.fn})`,
      );
    }
  } else {
    const scorer = new AttributionScorer();
    for (const line of lines.slice(0, limit)) {
      const doc = JSON.parse(line) as AttributionGold;
      chars += doc.text.length;
      scorer.add(doc, analyze(doc.text, lang ? { language: lang } : {}));
    }
    const { rows, agreement } = scorer.table();
    console.log(`Attribution (${Math.min(lines.length, limit)} docs, ${(chars / 1e6).toFixed(2)} M chars)`);
    console.log('metric                    P      R      F1');
    for (const r of rows) console.log(`${r.metric.padEnd(24)}  ${fmt(r.score)}`);
    console.log(
      `field agreement on matched attributions: anonymous ${agreement.anonymous.toFixed(3)}, direct ${agreement.direct.toFixed(3)}, sourceKind ${agreement.sourceKind.toFixed(3)}`,
    );
  }
  console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  try {
    switch (cmd) {
      case 'analyze':
        return cmdAnalyze(args);
      case 'export': {
        const { flags, rest } = parseFlags(args, {
          format: 'value',
          out: 'value',
          include: 'value',
          bom: 'bool',
          report: 'value',
          'sidecar-folder': 'value',
        });
        return await cmdExport(expand(rest), flags, readArticle, (s) => process.stdout.write(s));
      }
      case 'import': {
        const { flags, rest } = parseFlags(args, {
          format: 'value',
          article: 'value',
          yes: 'bool',
          'sidecar-folder': 'value',
        });
        return await cmdImport(rest, flags, readArticle, (s) => process.stdout.write(s));
      }
      case 'annotations': {
        const { flags, rest } = parseFlags(args, {
          json: 'bool',
          label: 'value',
          start: 'value',
          end: 'value',
          quote: 'value',
          occurrence: 'value',
          note: 'value',
          author: 'value',
          'sidecar-folder': 'value',
        });
        return await cmdAnnotations(rest, flags, readArticle, (s) => process.stdout.write(s));
      }
      case 'eval':
        return cmdEval(args);
      case '--version':
      case '-v':
        console.log('newsmark 0.1.0');
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        console.log(USAGE);
        return cmd === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${cmd}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`newsmark: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof CliError) {
      process.stderr.write(`newsmark: ${e.message}\n`);
      return 1;
    }
    if (
      e instanceof Error &&
      /^(no such file|empty file|binary file|not valid UTF-8|permission denied|not a regular file)/.test(
        e.message,
      )
    ) {
      process.stderr.write(`newsmark: ${argv[2] ?? ''}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
