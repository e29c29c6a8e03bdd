/**
 * The CLI's human view of an analysis: the article with colours for entities and attribution
 * roles (or brackets without colour), then its entities, sources, chains and attributions.
 */

import type { Analysis, Attribution } from '../core';
import { chainsOf, sourceNames } from '../core';
import { charForTerminal, forTerminal } from './terminal';

/** Colour only on a terminal (never in a file or a pipe), unless NO_COLOR or a dumb terminal. */
/** "1 article", "2 articles": a count with its English noun. */
export const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const useColor = () =>
  !process.env.NO_COLOR && process.stdout.isTTY === true && process.env.TERM !== 'dumb';

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

/** The text with colours; where marks nest, the innermost (shortest) style wins. */
function colouredText(text: string, a: Analysis): string {
  type Mark = { start: number; end: number; code: string };
  const marks: Mark[] = [];
  for (const att of a.attributions) {
    for (const s of att.content) marks.push({ start: s.start, end: s.end, code: SGR.content });
    for (const s of att.source) marks.push({ start: s.start, end: s.end, code: SGR.source });
    for (const s of att.cue) marks.push({ start: s.start, end: s.end, code: SGR.cue });
  }
  for (const e of a.entities)
    for (const m of e.mentions) marks.push({ start: m.start, end: m.end, code: SGR[e.type] });
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
  let out = '';
  let cur: string | undefined;
  for (let i = 0; i < text.length; i++) {
    if (codes[i] !== cur) {
      out += cur ? '\x1b[0m' : '';
      cur = codes[i];
      out += cur ? `\x1b[${cur}m` : '';
    }
    out += charForTerminal(text[i]);
  }
  return cur ? `${out}\x1b[0m` : out;
}

/** Without colour: entity mentions bracketed with their type, cues in ‹›. */
function bracketedText(text: string, a: Analysis): string {
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
  let out = '';
  let pos = 0;
  for (const i of ins) {
    out += forTerminal(text.slice(pos, i.at)) + i.s;
    pos = i.at;
  }
  return out + forTerminal(text.slice(pos));
}

function entityLines(a: Analysis, color: boolean): string[] {
  const lines = [paint(`Entities (${a.entities.length}):`, SGR.bold, color)];
  for (const t of ['PER', 'ORG', 'LOC', 'MISC'] as const) {
    const list = a.entities.filter((e) => e.type === t);
    if (!list.length) continue;
    const items = list.map(
      (e) =>
        `${forTerminal(e.name)}${e.stateMedia ? ' [state media]' : e.kind === 'media' ? ' [media]' : ''} ×${e.mentions.length}`,
    );
    lines.push(`  ${paint(t, SGR[t], color)}: ${items.join(', ')}`);
  }
  return lines;
}

function sourceLines(a: Analysis, color: boolean, nameOf: (att: Attribution) => string): string[] {
  const lines = [paint(`Sources (${a.sources.length}):`, SGR.bold, color)];
  for (const s of a.sources) {
    const flag = s.anonymous ? paint(' ⚠ anonymous', '33', color) : '';
    const cites = s.cites.length ? ` ← cites ${forTerminal(s.cites.join(', '))}` : '';
    const n = s.attributions.length;
    lines.push(`  • ${forTerminal(s.name)} (${s.kind}, ${count(n, 'statement')})${cites}${flag}`);
  }
  const chains = chainsOf(a, nameOf);
  if (chains.length) {
    lines.push(paint('Chains of reporting:', SGR.bold, color));
    for (const c of chains) lines.push(`  ${forTerminal(c)}`);
  }
  return lines;
}

function attributionLines(a: Analysis, color: boolean, nameOf: (att: Attribution) => string): string[] {
  const lines = [paint(`Attributions (${a.attributions.length}):`, SGR.bold, color)];
  const byId = new Map(a.attributions.map((x) => [x.id, x]));
  for (const att of a.attributions) {
    const src = forTerminal(att.source.map((s) => s.text).join(' … ') || '—');
    const cue = forTerminal(att.cue.map((s) => s.text).join(' … '));
    const content = att.content.map((s) => s.text).join(' … ');
    const short = forTerminal(content.length > 90 ? `${content.slice(0, 87)}…` : content);
    const via = att.via ? ` (via ${forTerminal(nameOf(byId.get(att.via)!))})` : '';
    const q = att.direct ? ['“', '”'] : ['', ''];
    lines.push(
      `  ${att.id} ${paint(src, SGR.source, color)} → ${paint(cue, SGR.cue, color)} → ${q[0]}${short}${q[1]}  [${att.direct ? 'direct' : 'indirect'}, ${att.sourceKind}${att.anonymous ? ', anonymous' : ''}]${via}`,
    );
  }
  return lines;
}

export function renderHuman(file: string, text: string, a: Analysis, color: boolean): string {
  const nameOf = sourceNames(a);
  const lines = [
    paint(`── ${forTerminal(file)} (${a.language}, ${a.stats.words} words) ──`, SGR.bold, color),
    (color ? colouredText(text, a) : bracketedText(text, a)).trimEnd(),
    '',
  ];
  if (color)
    lines.push(
      `${paint('PER', SGR.PER, true)} ${paint('ORG', SGR.ORG, true)} ${paint('LOC', SGR.LOC, true)}  ${paint('source', SGR.source, true)} ${paint('cue', SGR.cue, true)} ${paint('content', SGR.content, true)}`,
    );
  lines.push(
    ...entityLines(a, color),
    ...sourceLines(a, color, nameOf),
    ...attributionLines(a, color, nameOf),
  );
  return `${lines.join('\n')}\n`;
}
