/**
 * Hover cards for entity mentions and attribution parts. Article text is untrusted: everything
 * from it is escaped, and only Newsmark's own commands are trusted in links.
 */
import * as vscode from 'vscode';
import type { Analysis, Attribution, Entity } from '../core';
import { chainOf } from '../core';
import { findingLinks } from './annotationViews';
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

function commandLink(title: string, command: string, args: unknown[]): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

function sourceName(a: Analysis, att: Attribution): string {
  return a.sources.find((s) => s.attributions.includes(att.id))?.name ?? '(no source named)';
}

export function entityCard(a: Analysis, e: Entity, uri: string, offset: number): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: TRUSTED_COMMANDS };
  const kind = e.stateMedia ? KIND_NAMES['state-media'] : e.kind ? KIND_NAMES[e.kind] : undefined;
  md.appendMarkdown(
    `**${escapeMarkdown(e.name)}** · ${TYPE_NAMES[e.type]}${kind ? ` · ${escapeMarkdown(kind)}` : ''}\n\n`,
  );
  if (e.stateMedia) md.appendMarkdown('$(warning) State-controlled media\n\n');
  const forms = [...new Set(e.mentions.map((m) => m.text))];
  md.appendMarkdown(
    `${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'} in this article: ${forms.map((f) => `\`${f.replace(/`/g, "'")}\``).join(', ')}\n\n`,
  );
  const said = a.attributions.filter((x) => x.sourceEntity === e.id);
  if (said.length) {
    md.appendMarkdown(`Source of ${said.length} statement${said.length === 1 ? '' : 's'}:\n`);
    for (const att of said.slice(0, 5)) {
      const c = att.content.map((s) => s.text).join(' … ');
      md.appendMarkdown(
        `- ${escapeMarkdown(att.cue.map((s) => s.text).join(' '))}: ${escapeMarkdown(c.length > 80 ? `${c.slice(0, 77)}…` : c)}\n`,
      );
    }
    md.appendMarkdown('\n');
  }
  const m = e.mentions.find((x) => x.start === offset);
  md.appendMarkdown(
    `${commandLink('$(arrow-down) Next mention', 'newsmark.nextMention', [uri, e.id, offset])}${m ? ` · ${findingLinks(uri, m.start, m.end, 'entity', e.type)}` : ''}`,
  );
  return md;
}

export function attributionCard(a: Analysis, att: Attribution, uri: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: TRUSTED_COMMANDS };
  const src = att.source.map((s) => s.text).join(' … ');
  const cue = att.cue.map((s) => s.text).join(' … ');
  const content = att.content.map((s) => s.text).join(' … ');
  md.appendMarkdown(
    `**Attribution** · ${att.direct ? 'direct quote' : 'indirect (paraphrase)'} · ${escapeMarkdown(att.sourceKind)}\n\n`,
  );
  md.appendMarkdown(`**Source:** ${src ? escapeMarkdown(src) : '_none stated_'}  \n`);
  md.appendMarkdown(`**Cue:** ${escapeMarkdown(cue)}  \n`);
  md.appendMarkdown(
    `**Content:** ${escapeMarkdown(content.length > 240 ? `${content.slice(0, 237)}…` : content)}\n\n`,
  );
  const chain = chainOf(att, a.attributions, (x) => sourceName(a, x));
  const outer = a.attributions.filter((x) => x.via === att.id);
  if (chain.length > 1 || outer.length) {
    let top = att;
    for (let up = outer[0]; up; up = a.attributions.find((x) => x.via === up.id)!) top = up;
    md.appendMarkdown(
      `**Chain:** ${escapeMarkdown(chainOf(top, a.attributions, (x) => sourceName(a, x)).join(' ← '))}\n\n`,
    );
  }
  if (att.anonymous)
    md.appendMarkdown(
      `$(warning) **${att.sourceKind === 'none' ? 'No source named' : 'Anonymous source'}**: verify before relying on it.\n\n`,
    );
  if (att.source[0])
    md.appendMarkdown(
      commandLink('Reveal source', 'newsmark.revealSpan', [uri, att.source[0].start, att.source[0].end]),
    );
  return md;
}

export class HoverProvider implements vscode.HoverProvider {
  /** `analysisFor` gives the analysis with the user's verdicts applied. */
  constructor(private readonly analysisFor: (doc: vscode.TextDocument) => Analysis | undefined) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const a = this.analysisFor(doc);
    if (!a) return undefined;
    const off = doc.offsetAt(pos);
    const uri = doc.uri.toString();
    const cards: vscode.MarkdownString[] = [];
    let range: vscode.Range | undefined;
    const within = (s: { start: number; end: number }) => s.start <= off && off < s.end;
    const toRange = (s: { start: number; end: number }) =>
      new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end));
    for (const e of a.entities) {
      const m = e.mentions.find(within);
      if (m) {
        cards.push(entityCard(a, e, uri, m.start));
        range = toRange(m);
        break;
      }
    }
    // Cue or source hovers show the attribution; content only when nothing more specific is there.
    const att =
      a.attributions.find((x) => x.cue.some(within) || x.source.some(within)) ??
      (cards.length ? undefined : a.attributions.find((x) => x.content.some(within)));
    if (att) {
      cards.push(attributionCard(a, att, uri));
      const part = [...att.cue, ...att.source, ...att.content].find(within);
      range ??= part && toRange(part);
    }
    return cards.length ? new vscode.Hover(cards, range) : undefined;
  }
}
