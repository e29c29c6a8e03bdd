/**
 * The Annotations view: this article's annotations, its orphans (text not found, kept with their
 * quote), and sidecars whose article is gone.
 */
import * as vscode from 'vscode';
import type { Placed } from '../core';
import type { AnnotationStore } from './annotationStore';
import { escapeMarkdown } from './markdown';

type Node =
  | { kind: 'group'; id: 'here' | 'orphans' | 'lost'; label: string; count: number }
  | { kind: 'annotation'; uri: string; p: Placed; text: string }
  | { kind: 'sidecar'; uri: vscode.Uri };

export class AnnotationsTree implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private doc: vscode.TextDocument | undefined;
  private lost: vscode.Uri[] = [];

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
        const reviewed = e.set.reviewed ? ` · reviewed by ${e.set.reviewed.by}` : '';
        out.push({
          kind: 'group',
          id: 'here',
          label: `In this article${reviewed}`,
          count: e.set.placed.length,
        });
        if (e.set.orphans.length)
          out.push({
            kind: 'group',
            id: 'orphans',
            label: 'Orphans (text not found)',
            count: e.set.orphans.length,
          });
      }
      if (this.lost.length)
        out.push({
          kind: 'group',
          id: 'lost',
          label: 'Sidecars without their article',
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

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(
        `${node.label} (${node.count})`,
        vscode.TreeItemCollapsibleState.Expanded,
      );
      item.iconPath = new vscode.ThemeIcon(node.id === 'here' ? 'tag' : 'warning');
      if (node.id === 'orphans')
        item.tooltip =
          'Annotations whose text was changed or removed; they are kept, shown here with their quote, and never attached to other text.';
      return item;
    }
    if (node.kind === 'sidecar') {
      const item = new vscode.TreeItem(vscode.workspace.asRelativePath(node.uri));
      item.iconPath = new vscode.ThemeIcon('file-symlink-file');
      item.tooltip =
        'The article of this sidecar was deleted or moved outside VS Code. The annotations are kept.';
      item.command = { command: 'vscode.open', title: 'Open sidecar', arguments: [node.uri] };
      return item;
    }
    const a = node.p.annotation;
    const item = new vscode.TreeItem(node.text.length > 60 ? `${node.text.slice(0, 57)}…` : node.text);
    const verdict = a.finding ? ` · ${a.finding.verdict}` : '';
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
        title: 'Reveal',
        arguments: [node.uri, node.p.at.start, node.p.at.end],
      };
    return item;
  }
}
