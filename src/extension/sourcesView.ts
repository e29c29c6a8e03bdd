/**
 * The Sources view: the active article's sources, who cites whom (chains as nested nodes),
 * anonymous ones grouped.
 */
import * as vscode from 'vscode';
import type { Analysis, Source } from '../core';
import { kindName } from './cards';
import { t, tn } from './i18n';

export interface Active {
  uri: string;
  analysis: Analysis;
}

const KIND_ICON: Record<string, string> = {
  media: 'radio-tower',
  person: 'person',
  organisation: 'organization',
  government: 'library',
  document: 'file-text',
  anonymous: 'question',
  none: 'circle-slash',
};

export type SourceNode =
  | { kind: 'source'; source: Source; depth: number }
  | { kind: 'anonymousGroup'; sources: Source[] };

export class SourcesTree implements vscode.TreeDataProvider<SourceNode> {
  private readonly emitter = new vscode.EventEmitter<SourceNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  active: Active | undefined;

  set(active: Active | undefined): void {
    this.active = active;
    this.emitter.fire(undefined);
  }

  /** Top level: sources nobody in the article cites (the article's own credits), then anonymous. */
  getChildren(node?: SourceNode): SourceNode[] {
    const a = this.active?.analysis;
    if (!a) return [];
    if (!node) {
      const cited = new Set(a.sources.flatMap((s) => s.cites));
      const named = a.sources.filter((s) => !s.anonymous && !cited.has(s.name));
      const anon = a.sources.filter((s) => s.anonymous && !cited.has(s.name));
      const out: SourceNode[] = named.map((source) => ({ kind: 'source', source, depth: 0 }));
      if (anon.length) out.push({ kind: 'anonymousGroup', sources: anon });
      return out;
    }
    if (node.kind === 'anonymousGroup')
      return node.sources.map((source) => ({ kind: 'source', source, depth: 1 }));
    if (node.depth > 8) return [];
    return node.source.cites
      .map((name) => a.sources.find((s) => s.name === name))
      .filter((s): s is Source => !!s)
      .map((source) => ({ kind: 'source', source, depth: node.depth + 1 }));
  }

  getTreeItem(node: SourceNode): vscode.TreeItem {
    if (node.kind === 'anonymousGroup') {
      const item = new vscode.TreeItem(
        t('Anonymous or unnamed ({0})', node.sources.length),
        vscode.TreeItemCollapsibleState.Expanded,
      );
      item.iconPath = new vscode.ThemeIcon(
        'warning',
        new vscode.ThemeColor('newsmark.anonymousSourceForeground'),
      );
      item.tooltip = t('Statements without a named source: verify before relying on them.');
      return item;
    }
    const s = node.source;
    const item = new vscode.TreeItem(
      s.name,
      s.cites.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    const n = s.attributions.length;
    item.description = `${kindName(s.kind)} · ${tn(n, '{0} statement|{0} statements')}${s.cites.length ? ` · ${t('cites {0}', s.cites.join(', '))}` : ''}`;
    item.iconPath = new vscode.ThemeIcon(s.anonymous ? 'warning' : (KIND_ICON[s.kind] ?? 'symbol-misc'));
    item.contextValue = s.anonymous ? 'newsmark.source.anonymous' : 'newsmark.source';
    item.id = `${this.active?.uri}#${node.depth}:${s.name}`;
    const first = this.active?.analysis.attributions.find((x) => x.id === s.attributions[0]);
    const spanToShow = first?.source[0] ?? first?.cue[0];
    if (spanToShow && this.active) {
      item.command = {
        command: 'newsmark.revealSpan',
        title: t('Reveal source'),
        arguments: [this.active.uri, spanToShow.start, spanToShow.end],
      };
    }
    return item;
  }
}
