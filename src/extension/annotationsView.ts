/**
 * The Annotations view: this article's annotations, its orphans (text not found, kept with their
 * quote), and sidecars whose article is gone.
 */
import * as vscode from 'vscode';
import {
  Agreement,
  type AnnotationSet,
  type AuthoredSpan,
  annotatorSpans,
  type Placed,
  wordTokensOf,
} from '../core';
import type { AnnotationStore } from './annotationStore';
import { msg, t } from './i18n';

const VERDICT_WORDS: Record<string, string> = {
  confirmed: msg('confirmed'),
  rejected: msg('rejected'),
  corrected: msg('corrected'),
};

import { escapeMarkdown } from './markdown';

type Node =
  | { kind: 'group'; id: 'here' | 'orphans' | 'lost'; label: string; count: number }
  | { kind: 'agreement'; authors: [string, string]; exactF1: number; kappa: number; disagreements: number }
  | { kind: 'annotation'; uri: string; p: Placed; text: string }
  | { kind: 'sidecar'; uri: vscode.Uri };

export class AnnotationsTree implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private doc: vscode.TextDocument | undefined;
  private lost: vscode.Uri[] = [];
  private agreed: { key: string; node: Node | undefined } | undefined;

  constructor(private readonly store: AnnotationStore) {}

  async set(doc: vscode.TextDocument | undefined): Promise<void> {
    this.doc = doc;
    this.lost = await this.store.orphanedSidecars().catch(() => []);
    this.emitter.fire(undefined);
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    const e = this.doc && this.store.open(this.doc);
    if (!node) {
      const out: Node[] = [];
      if (e) {
        const reviewed = e.set.reviewed ? ` · ${t('reviewed by {0}', e.set.reviewed.by)}` : '';
        out.push({
          kind: 'group',
          id: 'here',
          label: `${t('In this article')}${reviewed}`,
          count: e.set.placed.length,
        });
        const agreement = this.doc && this.agreement(this.doc, e.set);
        if (agreement) out.push(agreement);
        if (e.set.orphans.length)
          out.push({
            kind: 'group',
            id: 'orphans',
            label: t('Orphans (text not found)'),
            count: e.set.orphans.length,
          });
      }
      if (this.lost.length)
        out.push({
          kind: 'group',
          id: 'lost',
          label: t('Sidecars without their article'),
          count: this.lost.length,
        });
      return out;
    }
    if (node.kind === 'group' && node.id === 'lost')
      return this.lost.map((uri) => ({ kind: 'sidecar', uri }));
    if (node.kind === 'group' && e && this.doc) {
      const list = node.id === 'here' ? e.set.placed : e.set.orphans;
      const doc = this.doc;
      return list.map((p) => ({
        kind: 'annotation',
        uri: doc.uri.toString(),
        p,
        text: p.at
          ? doc.getText(new vscode.Range(doc.positionAt(p.at.start), doc.positionAt(p.at.end)))
          : p.annotation.target.quote.exact,
      }));
    }
    return [];
  }

  /**
   * The view refreshes on every render (each keystroke in the article): the agreement, which
   * tokenises the whole text, is made again only when the text or the annotators' spans change.
   */
  private agreement(doc: vscode.TextDocument, set: AnnotationSet): Node | undefined {
    const spans = annotatorSpans(set).filter((x) => !x.curated);
    const key = `${doc.uri}@${doc.version}:${JSON.stringify(spans)}`;
    if (this.agreed?.key !== key) this.agreed = { key, node: agreementOf(spans, doc.getText()) };
    return this.agreed.node;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'agreement') {
      const item = new vscode.TreeItem(
        t(
          'Agreement {0} · {1}: F1 {2}, κ {3}',
          ...node.authors,
          node.exactF1.toFixed(2),
          node.kappa.toFixed(2),
        ),
      );
      item.description = t('{0} to adjudicate', node.disagreements);
      item.iconPath = new vscode.ThemeIcon('git-compare');
      item.tooltip = t(
        'Exact span F1 and Cohen’s κ on tokens between the two annotators of this article. Click to compare and adjudicate.',
      );
      item.command = {
        command: 'newsmark.compareAnnotations',
        title: t('Compare'),
        arguments: [{ authors: node.authors }],
      };
      return item;
    }
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(
        `${node.label} (${node.count})`,
        vscode.TreeItemCollapsibleState.Expanded,
      );
      item.iconPath = new vscode.ThemeIcon(node.id === 'here' ? 'tag' : 'warning');
      if (node.id === 'orphans')
        item.tooltip = t(
          'Annotations whose text was changed or removed; they are kept, shown here with their quote, and never attached to other text.',
        );
      return item;
    }
    if (node.kind === 'sidecar') {
      const item = new vscode.TreeItem(vscode.workspace.asRelativePath(node.uri));
      item.iconPath = new vscode.ThemeIcon('file-symlink-file');
      item.tooltip = t(
        'The article of this sidecar was deleted or moved outside VS Code. The annotations are kept.',
      );
      item.command = { command: 'vscode.open', title: t('Open sidecar'), arguments: [node.uri] };
      return item;
    }
    const a = node.p.annotation;
    const item = new vscode.TreeItem(node.text.length > 60 ? `${node.text.slice(0, 57)}…` : node.text);
    const verdict = a.finding ? ` · ${t(VERDICT_WORDS[a.finding.verdict] ?? a.finding.verdict)}` : '';
    item.description = `${a.label}${verdict}${a.note ? ` · ${a.note.slice(0, 40)}` : ''}`;
    item.tooltip = new vscode.MarkdownString(
      `**${escapeMarkdown(a.label)}**${a.note ? `\n\n${escapeMarkdown(a.note)}` : ''}\n\n_${escapeMarkdown(a.author)}_`,
    );
    item.iconPath = new vscode.ThemeIcon(
      node.p.at ? (a.finding?.verdict === 'rejected' ? 'close' : 'tag') : 'warning',
    );
    item.contextValue = 'newsmark.annotation';
    item.id = `${node.uri}#${a.id}`;
    if (node.p.at)
      item.command = {
        command: 'newsmark.revealSpan',
        title: t('Reveal'),
        arguments: [node.uri, node.p.at.start, node.p.at.end],
      };
    return item;
  }
}

/**
 * Agreement between the first two annotators of this sidecar (after two branches were merged),
 * for the view's summary; curated annotations are the adjudicator's, not an annotator's.
 */
function agreementOf(spans: AuthoredSpan[], text: string): Node | undefined {
  const authors = [...new Set(spans.map((s) => s.author))].sort();
  if (authors.length < 2) return undefined;
  const pair: [string, string] = [authors[0], authors[1]];
  const ag = new Agreement();
  ag.add(
    text,
    wordTokensOf(text),
    spans.filter((s) => s.author === pair[0]),
    spans.filter((s) => s.author === pair[1]),
  );
  const r = ag.report();
  return {
    kind: 'agreement',
    authors: pair,
    exactF1: r.overall.exactF1,
    kappa: r.overall.kappa,
    disagreements: r.disagreements.length,
  };
}
