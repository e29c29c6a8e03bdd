/**
 * Hover cards as Markdown, built by pure functions (no VS Code API: tested in Node). Article text
 * and sidecar contents are untrusted: everything from them is escaped, and links run only
 * Newsmark's own commands (TRUSTED_COMMANDS, given to MarkdownString.isTrusted).
 */
import type { Analysis, Attribution, Entity, Placed, Span } from '../core';
import { chainOf } from '../core';
import { msg, t, tn } from './i18n';
import { ANNOTATION_COMMANDS, escapeMarkdown } from './markdown';

// Display names, looked up through t() when shown (the display language can change).
const TYPE_NAMES: Record<string, string> = {
  PER: msg('Person'),
  ORG: msg('Organisation'),
  LOC: msg('Place'),
  MISC: msg('Other'),
};
const KIND_NAMES: Record<string, string> = {
  media: msg('news media'),
  'state-media': msg('state-controlled media'),
  government: msg('government body'),
  international: msg('international organisation'),
  party: msg('political party'),
  company: msg('company'),
  country: msg('country'),
  city: msg('city'),
  region: msg('region'),
};
// Source kinds of attributions (core's SourceKind), as shown in cards and views.
const SOURCE_KIND_NAMES: Record<string, string> = {
  media: msg('media'),
  person: msg('person'),
  organisation: msg('organisation'),
  government: msg('government'),
  document: msg('document'),
  anonymous: msg('anonymous'),
  none: msg('none'),
};

/** An entity type's display name (PER → Person). */
export const typeName = (type: string) => t(TYPE_NAMES[type] ?? type);
/** An entity or source kind's display name. */
export const kindName = (kind: string) =>
  KIND_NAMES[kind] ? t(KIND_NAMES[kind]) : SOURCE_KIND_NAMES[kind] ? t(SOURCE_KIND_NAMES[kind]) : kind;

export const TRUSTED_COMMANDS = ['newsmark.revealSpan', 'newsmark.nextMention', ...ANNOTATION_COMMANDS];

export function commandLink(title: string, command: string, args: unknown[]): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 3)}…` : s);
const texts = (spans: Span[], sep: string) => spans.map((s) => s.text).join(sep);

function sourceName(a: Analysis, att: Attribution): string {
  return a.sources.find((s) => s.attributions.includes(att.id))?.name ?? t('(no source named)');
}

/** Confirm / change type / reject / note links for an engine finding. */
export function findingLinks(
  uri: string,
  start: number,
  end: number,
  kind: 'entity' | 'attribution',
  type: string,
): string {
  const target = { uri, start, end, kind, type };
  return [
    commandLink(`$(check) ${t('Confirm')}`, 'newsmark.confirmFinding', [target]),
    ...(kind === 'entity'
      ? [commandLink(`$(symbol-enum) ${t('Change type')}`, 'newsmark.changeFindingType', [target])]
      : []),
    commandLink(
      `$(close) ${kind === 'entity' ? t('Not an entity') : t('Not an attribution')}`,
      'newsmark.rejectFinding',
      [target],
    ),
    commandLink(`$(note) ${t('Add note')}`, 'newsmark.noteOnFinding', [target]),
  ].join(' · ');
}

export function entityCard(a: Analysis, e: Entity, uri: string, offset: number): string {
  const kind = e.stateMedia ? kindName('state-media') : e.kind ? kindName(e.kind) : undefined;
  let md = `**${escapeMarkdown(e.name)}** · ${typeName(e.type)}${kind ? ` · ${escapeMarkdown(kind)}` : ''}\n\n`;
  if (e.stateMedia) md += `$(warning) ${t('State-controlled media')}\n\n`;
  if (e.confidence !== undefined)
    md += `$(mortar-board) ${t('Learned from your reviews · {0} % sure', Math.round(e.confidence * 100))}\n\n`;
  const forms = [...new Set(e.mentions.map((m) => m.text))];
  const quoted = forms.map((f) => `\`${f.replace(/`/g, "'")}\``).join(', ');
  md += `${tn(e.mentions.length, '{0} mention in this article: {1}|{0} mentions in this article: {1}', quoted)}\n\n`;
  const said = a.attributions.filter((x) => x.sourceEntity === e.id);
  if (said.length) {
    md += `${tn(said.length, 'Source of {0} statement:|Source of {0} statements:')}\n`;
    for (const att of said.slice(0, 5))
      md += `- ${escapeMarkdown(texts(att.cue, ' '))}: ${escapeMarkdown(clip(texts(att.content, ' … '), 80))}\n`;
    md += '\n';
  }
  const m = e.mentions.find((x) => x.start === offset);
  const next = commandLink(`$(arrow-down) ${t('Next mention')}`, 'newsmark.nextMention', [uri, e.id, offset]);
  const all =
    e.mentions.length > 1
      ? ` · ${commandLink(`$(check-all) ${t('Confirm all {0}', e.mentions.length)}`, 'newsmark.confirmAllMentions', [{ uri, entityId: e.id }])}`
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
  let md = `**${t('Attribution')}** · ${att.direct ? t('direct quote') : t('indirect (paraphrase)')} · ${escapeMarkdown(kindName(att.sourceKind))}\n\n`;
  if (att.confidence !== undefined)
    md += `$(mortar-board) ${t('Learned from your reviews · {0} % sure', Math.round(att.confidence * 100))}\n\n`;
  // A role or a document that names a known source ("Лідер КНДР", "У повідомленні"): whom it means.
  const named = att.sourceEntity ? a.entities.find((e) => e.id === att.sourceEntity)?.name : undefined;
  const means = named && src && !src.includes(named) ? ` → ${escapeMarkdown(named)}` : '';
  md += `**${t('Source:')}** ${src ? escapeMarkdown(src) : `_${t('none stated')}_`}${means}  \n`;
  md += `**${t('Cue:')}** ${escapeMarkdown(texts(att.cue, ' … '))}  \n`;
  const content = texts(att.content, ' … ');
  md += `**${t('Content:')}** ${content ? escapeMarkdown(clip(content, 240)) : `_${t('none found')}_`}\n\n`;
  const chain = chainLine(a, att);
  if (chain) md += `**${t('Chain:')}** ${escapeMarkdown(chain)}\n\n`;
  if (att.anonymous)
    md += `$(warning) **${att.sourceKind === 'none' ? t('No source named') : t('Anonymous source')}**: ${t('verify before relying on it.')}\n\n`;
  if (att.source[0])
    md += commandLink(t('Reveal source'), 'newsmark.revealSpan', [
      uri,
      att.source[0].start,
      att.source[0].end,
    ]);
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

const VERDICTS: Record<string, string> = {
  confirmed: msg('confirmed engine finding ({0})'),
  rejected: msg('rejected engine finding ({0})'),
  corrected: msg('corrected engine finding ({0})'),
};

/** A card for one of the user's annotations; `labelName` is the label's display name. */
export function annotationCard(uri: string, p: Placed, labelName: string | undefined): string {
  const a = p.annotation;
  const verdict = a.finding
    ? ` · ${t(VERDICTS[a.finding.verdict] ?? a.finding.verdict, escapeMarkdown(a.finding.type))}`
    : '';
  let md = `$(tag) **${escapeMarkdown(labelName ?? a.label)}** · ${t('your annotation')}${verdict}\n\n`;
  if (a.note) md += `${escapeMarkdown(a.note)}\n\n`;
  md += `_${escapeMarkdown(a.author)}, ${escapeMarkdown(new Date(a.modified).toLocaleString())}_\n\n`;
  return (
    md +
    [
      commandLink(`$(edit) ${t('Label')}`, 'newsmark.editAnnotationLabel', [uri, a.id]),
      commandLink(`$(note) ${t('Note')}`, 'newsmark.editAnnotationNote', [uri, a.id]),
      commandLink(`$(trash) ${t('Delete')}`, 'newsmark.deleteAnnotation', [uri, a.id]),
    ].join(' · ')
  );
}
