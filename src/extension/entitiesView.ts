/** The Entities view: the active article's entities by type, with their mention counts. */
import * as vscode from 'vscode';
import type { Entity } from '../core';
import { kindName } from './cards';
import { msg, t } from './i18n';
import type { Active } from './sourcesView';

export type EntityNode =
  | { kind: 'type'; type: string; entities: Entity[] }
  | { kind: 'entity'; entity: Entity };

const TYPE_LABEL: Record<string, string> = {
  PER: msg('People'),
  ORG: msg('Organisations'),
  LOC: msg('Places'),
  MISC: msg('Other'),
};
/** Entity types in the order views list them, and their icons (also the Workspace view's). */
export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export const TYPE_ICON: Record<string, string> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'location',
  MISC: 'symbol-misc',
};

export class EntitiesTree implements vscode.TreeDataProvider<EntityNode> {
  private readonly emitter = new vscode.EventEmitter<EntityNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  active: Active | undefined;

  set(active: Active | undefined): void {
    this.active = active;
    this.emitter.fire(undefined);
  }

  getChildren(node?: EntityNode): EntityNode[] {
    const a = this.active?.analysis;
    if (!a) return [];
    if (!node) {
      return ENTITY_TYPES.map((type) => ({
        kind: 'type' as const,
        type,
        entities: a.entities.filter((e) => e.type === type),
      })).filter((g) => g.entities.length);
    }
    if (node.kind === 'type') {
      return [...node.entities]
        .sort((x, y) => y.mentions.length - x.mentions.length)
        .map((entity) => ({ kind: 'entity', entity }));
    }
    return [];
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    if (node.kind === 'type') {
      const item = new vscode.TreeItem(
        `${t(TYPE_LABEL[node.type])} (${node.entities.length})`,
        vscode.TreeItemCollapsibleState.Expanded,
      );
      item.iconPath = new vscode.ThemeIcon(TYPE_ICON[node.type]);
      return item;
    }
    const e = node.entity;
    const item = new vscode.TreeItem(e.name);
    item.description = `${e.mentions.length}×${e.stateMedia ? ` · ${kindName('state-media')}` : e.kind ? ` · ${kindName(e.kind)}` : ''}`;
    item.tooltip = [...new Set(e.mentions.map((m) => m.text))].join(', ');
    item.iconPath = new vscode.ThemeIcon(e.stateMedia ? 'warning' : TYPE_ICON[e.type]);
    if (this.active)
      item.command = {
        command: 'newsmark.nextMention',
        title: t('Reveal next mention'),
        arguments: [this.active.uri, e.id],
      };
    return item;
  }
}
