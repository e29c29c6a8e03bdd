/**
 * Hover cards as Markdown, built by pure functions (no VS Code API: tested in Node). Article text
 * and sidecar contents are untrusted: everything from them is escaped, and links run only
 * Newsmark's own commands (TRUSTED_COMMANDS, given to MarkdownString.isTrusted).
 */
import type { Analysis, Attribution, Entity, Placed, Span } from '../core';
import { chainOf } from '../core';
import { ANNOTATION_COMMANDS, escapeMarkdown } from './markdown';

const TYPE_NAMES: Record<string, string> = {
  PER: 'Person',
  ORG: 'Organisation',
  LOC: 'Place',
  MISC: 'Other',
};
const KIND_NAMES: Record<string, string> = {
  media: 'news media',
  'state-media': 'state-controlled media',
  government: 'government body',
  international: 'international organisation',
  party: 'political party',
  company: 'company',
  country: 'country',
  city: 'city',
  region: 'region',
};

export const TRUSTED_COMMANDS = ['newsmark.revealSpan', 'newsmark.nextMention', ...ANNOTATION_COMMANDS];

export function commandLink(title: string, command: string, args: unknown[]): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 3)}…` : s);
const texts = (spans: Span[], sep: string) => spans.map((s) => s.text).join(sep);

function sourceName(a: Analysis, att: Attribution): string {
  return a.sources.find((s) => s.attributions.includes(att.id))?.name ?? '(no source named)';
}

/** Confirm / change type / reject / note links for an engine finding. */
export function findingLinks(
  uri: string,
  start: number,
  end: number,
  kind: 'entity' | 'attribution',
  type: string,
): string {
  const t = { uri, start, end, kind, type };
  return [
    commandLink('$(check) Confirm', 'newsmark.confirmFinding', [t]),
    ...(kind === 'entity'
      ? [commandLink('$(symbol-enum) Change type', 'newsmark.changeFindingType', [t])]
      : []),
    commandLink(
      kind === 'entity' ? '$(close) Not an entity' : '$(close) Not an attribution',
      'newsmark.rejectFinding',
      [t],
    ),
    commandLink('$(note) Add note', 'newsmark.noteOnFinding', [t]),
  ].join(' · ');
}

export function entityCard(a: Analysis, e: Entity, uri: string, offset: number): string {
  const kind = e.stateMedia ? KIND_NAMES['state-media'] : e.kind ? KIND_NAMES[e.kind] : undefined;
  let md = `**${escapeMarkdown(e.name)}** · ${TYPE_NAMES[e.type]}${kind ? ` · ${escapeMarkdown(kind)}` : ''}\n\n`;
  if (e.stateMedia) md += '$(warning) State-controlled media\n\n';
  if (e.confidence !== undefined)
    md += `$(mortar-board) Learned from your reviews · ${Math.round(e.confidence * 100)} % sure\n\n`;
  const forms = [...new Set(e.mentions.map((m) => m.text))];
  md += `${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'} in this article: ${forms.map((f) => `\`${f.replace(/`/g, "'")}\``).join(', ')}\n\n`;
  const said = a.attributions.filter((x) => x.sourceEntity === e.id);
  if (said.length) {
    md += `Source of ${said.length} statement${said.length === 1 ? '' : 's'}:\n`;
    for (const att of said.slice(0, 5))
      md += `- ${escapeMarkdown(texts(att.cue, ' '))}: ${escapeMarkdown(clip(texts(att.content, ' … '), 80))}\n`;
    md += '\n';
  }
  const m = e.mentions.find((x) => x.start === offset);
  const next = commandLink('$(arrow-down) Next mention', 'newsmark.nextMention', [uri, e.id, offset]);
  const all =
    e.mentions.length > 1
      ? ` · ${commandLink(`$(check-all) Confirm all ${e.mentions.length}`, 'newsmark.confirmAllMentions', [{ uri, entityId: e.id }])}`
      : '';
  return `${md}${next}${m ? ` · ${findingLinks(uri, m.start, m.end, 'entity', e.type)}` : ''}${all}`;
}

/** The chain of reporting an attribution belongs to, from its outermost credit. */
function chainLine(a: Analysis, att: Attribution): string | undefined {
  const chain = chainOf(att, a.attributions, (x) => sourceName(a, x));
  const outer = a.attributions.filter((x) => x.via === att.id);
  if (chain.length <= 1 && !outer.length) return undefined;
  let top = att;
  for (let up = outer[0]; up; up = a.attributions.find((x) => x.via === up.id)!) top = up;
  return chainOf(top, a.attributions, (x) => sourceName(a, x)).join(' ← ');
}

export function attributionCard(a: Analysis, att: Attribution, uri: string): string {
  const src = texts(att.source, ' … ');
  let md = `**Attribution** · ${att.direct ? 'direct quote' : 'indirect (paraphrase)'} · ${escapeMarkdown(att.sourceKind)}\n\n`;
  md += `**Source:** ${src ? escapeMarkdown(src) : '_none stated_'}  \n`;
  md += `**Cue:** ${escapeMarkdown(texts(att.cue, ' … '))}  \n`;
  md += `**Content:** ${escapeMarkdown(clip(texts(att.content, ' … '), 240))}\n\n`;
  const chain = chainLine(a, att);
  if (chain) md += `**Chain:** ${escapeMarkdown(chain)}\n\n`;
  if (att.anonymous)
    md += `$(warning) **${att.sourceKind === 'none' ? 'No source named' : 'Anonymous source'}**: verify before relying on it.\n\n`;
  if (att.source[0])
    md += commandLink('Reveal source', 'newsmark.revealSpan', [uri, att.source[0].start, att.source[0].end]);
  return md;
}

/** The cards at an offset: the entity there, and the attribution whose cue or source (else content) is there. */
export function cardsAt(
  a: Analysis,
  off: number,
  uri: string,
): { cards: string[]; span?: { start: number; end: number } } {
  const within = (s: { start: number; end: number }) => s.start <= off && off < s.end;
  const cards: string[] = [];
  let span: { start: number; end: number } | undefined;
  for (const e of a.entities) {
    const m = e.mentions.find(within);
    if (m) {
      cards.push(entityCard(a, e, uri, m.start));
      span = m;
      break;
    }
  }
  // Cue or source hovers show the attribution; content only when nothing more specific is there.
  const att =
    a.attributions.find((x) => x.cue.some(within) || x.source.some(within)) ??
    (cards.length ? undefined : a.attributions.find((x) => x.content.some(within)));
  if (att) {
    cards.push(attributionCard(a, att, uri));
    span ??= [...att.cue, ...att.source, ...att.content].find(within);
  }
  return { cards, span };
}

/** A card for one of the user's annotations; `labelName` is the label's display name. */
export function annotationCard(uri: string, p: Placed, labelName: string | undefined): string {
  const a = p.annotation;
  const verdict = a.finding
    ? ` · ${a.finding.verdict} engine finding (${escapeMarkdown(a.finding.type)})`
    : '';
  let md = `$(tag) **${escapeMarkdown(labelName ?? a.label)}** · your annotation${verdict}\n\n`;
  if (a.note) md += `${escapeMarkdown(a.note)}\n\n`;
  md += `_${escapeMarkdown(a.author)}, ${escapeMarkdown(new Date(a.modified).toLocaleString())}_\n\n`;
  return (
    md +
    [
      commandLink('$(edit) Label', 'newsmark.editAnnotationLabel', [uri, a.id]),
      commandLink('$(note) Note', 'newsmark.editAnnotationNote', [uri, a.id]),
      commandLink('$(trash) Delete', 'newsmark.deleteAnnotation', [uri, a.id]),
    ].join(' · ')
  );
}
