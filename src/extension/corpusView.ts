/**
 * The Workspace view: the corpus by sources (kind → source → article → statement) and by entities
 * (type → entity → article), each leaf opening its place in the article.
 */
import * as vscode from 'vscode';
import type { CorpusEntity, CorpusSource, StatementRef } from '../core';
import { kindName, typeName } from './cards';
import type { CorpusIndex } from './corpusIndex';
import { ENTITY_TYPES, TYPE_ICON } from './entitiesView';
import { t, tn } from './i18n';

export type CorpusNode =
  | { kind: 'sourcesRoot' }
  | { kind: 'entitiesRoot' }
  | { kind: 'sourceKind'; sourceKind: string; sources: CorpusSource[] }
  | { kind: 'source'; source: CorpusSource }
  | { kind: 'sourceArticle'; source: string; article: string; statements: StatementRef[] }
  | { kind: 'statement'; s: StatementRef }
  | { kind: 'entityType'; type: string; entities: CorpusEntity[] }
  | { kind: 'entity'; entity: CorpusEntity }
  | { kind: 'entityPlace'; entity: string; article: string; start: number; end: number };

/** A tree row lists at most this many children (the most cited or mentioned first). */
const MAX_CHILDREN = 500;

/** A command that opens an article at a place. */
export const openPlace = (
  index: CorpusIndex,
  article: string,
  start: number,
  end: number,
): vscode.Command => ({
  command: 'newsmark.revealSpan',
  title: t('Reveal'),
  arguments: [vscode.Uri.file(index.fileOf(article) ?? article).toString(), start, end],
});

export class CorpusTree implements vscode.TreeDataProvider<CorpusNode> {
  private readonly emitter = new vscode.EventEmitter<CorpusNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly index: CorpusIndex) {
    index.onDidChange(() => this.emitter.fire(undefined));
  }

  getChildren(node?: CorpusNode): CorpusNode[] {
    if (!this.index.ready) return [];
    const r = this.index.report();
    if (!node) return [{ kind: 'sourcesRoot' }, { kind: 'entitiesRoot' }];
    switch (node.kind) {
      case 'sourcesRoot': {
        const kinds = new Map<string, CorpusSource[]>();
        for (const s of r.sources) kinds.set(s.kind, [...(kinds.get(s.kind) ?? []), s]);
        return [...kinds]
          .sort(
            (x, y) => y[1].reduce((n, s) => n + s.statements, 0) - x[1].reduce((n, s) => n + s.statements, 0),
          )
          .map(([sourceKind, sources]) => ({ kind: 'sourceKind', sourceKind, sources }));
      }
      case 'sourceKind':
        return node.sources.slice(0, MAX_CHILDREN).map((source) => ({ kind: 'source', source }));
      case 'source': {
        const byArticle = new Map<string, StatementRef[]>();
        for (const s of r.statementList ?? [])
          if (s.source === node.source.name)
            byArticle.set(s.article, [...(byArticle.get(s.article) ?? []), s]);
        return [...byArticle].slice(0, MAX_CHILDREN).map(([article, statements]) => ({
          kind: 'sourceArticle',
          source: node.source.name,
          article,
          statements,
        }));
      }
      case 'sourceArticle':
        return node.statements.map((s) => ({ kind: 'statement', s }));
      case 'entitiesRoot':
        return ENTITY_TYPES.map((type) => ({
          kind: 'entityType' as const,
          type,
          entities: r.entities.filter((e) => e.type === type),
        })).filter((g) => g.entities.length);
      case 'entityType':
        return node.entities.slice(0, MAX_CHILDREN).map((entity) => ({ kind: 'entity', entity }));
      case 'entity':
        return (node.entity.places ?? [])
          .slice(0, MAX_CHILDREN)
          .map((p) => ({ kind: 'entityPlace', entity: node.entity.name, ...p }));
      default:
        return [];
    }
  }

  getTreeItem(node: CorpusNode): vscode.TreeItem {
    const r = this.index.report();
    const E = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'sourcesRoot': {
        const item = new vscode.TreeItem(t('Sources by kind'), E.Expanded);
        item.description = t('{0} statements in {1} articles', r.statements.total, r.articles);
        item.iconPath = new vscode.ThemeIcon('megaphone');
        return item;
      }
      case 'entitiesRoot': {
        const item = new vscode.TreeItem(t('Entities by type'), E.Collapsed);
        item.description = `${r.entities.length}`;
        item.iconPath = new vscode.ThemeIcon('symbol-class');
        return item;
      }
      case 'sourceKind': {
        const n = node.sources.reduce((x, s) => x + s.statements, 0);
        const item = new vscode.TreeItem(kindName(node.sourceKind), E.Collapsed);
        item.description = `${node.sources.length} · ${tn(n, '{0} statement|{0} statements')}`;
        item.id = `corpus:kind:${node.sourceKind}`;
        return item;
      }
      case 'source': {
        const s = node.source;
        const item = new vscode.TreeItem(s.name, E.Collapsed);
        item.description = `${tn(s.statements, '{0} statement|{0} statements')} · ${tn(s.articles, '{0} article|{0} articles')}`;
        item.iconPath = new vscode.ThemeIcon(s.stateMedia || s.anonymous ? 'warning' : 'quote');
        item.tooltip = s.cites.length ? t('cites {0}', s.cites.join(', ')) : undefined;
        item.contextValue = 'newsmark.corpusSource';
        item.id = `corpus:source:${s.kind}:${s.name}`;
        return item;
      }
      case 'sourceArticle': {
        const item = new vscode.TreeItem(node.article, E.Collapsed);
        item.description = `${node.statements.length}`;
        item.resourceUri = vscode.Uri.file(this.index.fileOf(node.article) ?? node.article);
        item.iconPath = vscode.ThemeIcon.File;
        return item;
      }
      case 'statement': {
        const s = node.s;
        const item = new vscode.TreeItem(`${s.cue}: ${s.content}`);
        item.tooltip = `${s.source} — ${s.cue}: ${s.content}`;
        item.iconPath = new vscode.ThemeIcon(s.anonymous ? 'warning' : 'comment');
        item.command = openPlace(this.index, s.article, s.start, s.end);
        return item;
      }
      case 'entityType': {
        const item = new vscode.TreeItem(typeName(node.type), E.Collapsed);
        item.description = `${node.entities.length}`;
        item.iconPath = new vscode.ThemeIcon(TYPE_ICON[node.type] ?? 'symbol-misc');
        return item;
      }
      case 'entity': {
        const e = node.entity;
        const item = new vscode.TreeItem(e.name, E.Collapsed);
        item.description = `${e.mentions}× · ${tn(e.articles, '{0} article|{0} articles')}`;
        item.tooltip = e.aliases.length ? t('also {0}', e.aliases.join(', ')) : undefined;
        item.contextValue = e.aliases.length ? 'newsmark.corpusEntity.grouped' : 'newsmark.corpusEntity';
        item.iconPath = new vscode.ThemeIcon(e.stateMedia ? 'warning' : (TYPE_ICON[e.type] ?? 'symbol-misc'));
        item.id = `corpus:entity:${e.type}:${e.name}`;
        return item;
      }
      case 'entityPlace': {
        const item = new vscode.TreeItem(node.article);
        item.resourceUri = vscode.Uri.file(this.index.fileOf(node.article) ?? node.article);
        item.iconPath = vscode.ThemeIcon.File;
        item.command = openPlace(this.index, node.article, node.start, node.end);
        return item;
      }
    }
  }
}
