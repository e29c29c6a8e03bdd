/**
 * What users see of their annotations: decorations (solid underlines in the label's colour,
 * unlike the engine's backgrounds and dotted lines), hover cards, and the Annotations view
 * (this article's annotations, its orphans, and sidecars whose article is gone).
 */
import * as vscode from 'vscode';
import type { Placed } from '../core';
import type { AnnotationStore } from './annotationStore';
import { ANNOTATION_COMMANDS, escapeMarkdown } from './markdown';
import { settings } from './settings';

export class AnnotationDecorator implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  readonly applied = new Map<string, { label: string; range: vscode.Range }[]>();

  private typeFor(color: string): vscode.TextEditorDecorationType {
    let t = this.types.get(color);
    if (!t) {
      const safe = /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : '#eab308';
      t = vscode.window.createTextEditorDecorationType({
        borderStyle: 'none none solid none',
        borderWidth: '0 0 2px 0',
        borderColor: safe,
        overviewRulerColor: safe,
        overviewRulerLane: vscode.OverviewRulerLane.Left,
      });
      this.types.set(color, t);
    }
    return t;
  }

  apply(editor: vscode.TextEditor, placed: Placed[] | undefined): void {
    const labels = settings().labels;
    const byColor = new Map<string, vscode.DecorationOptions[]>();
    const record: { label: string; range: vscode.Range }[] = [];
    for (const p of placed ?? []) {
      if (!p.at || p.annotation.finding?.verdict === 'rejected') continue;
      const color = labels.find((l) => l.id === p.annotation.label)?.color ?? '#eab308';
      const range = new vscode.Range(
        editor.document.positionAt(p.at.start),
        editor.document.positionAt(p.at.end),
      );
      const list = byColor.get(color) ?? [];
      list.push({ range });
      byColor.set(color, list);
      record.push({ label: p.annotation.label, range });
    }
    for (const [color, t] of this.types) if (!byColor.has(color)) editor.setDecorations(t, []);
    for (const [color, list] of byColor) editor.setDecorations(this.typeFor(color), list);
    this.applied.set(editor.document.uri.toString(), record);
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
  }
}

const link = (title: string, command: string, args: unknown[]) =>
  `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;

export function annotationCard(uri: string, p: Placed): vscode.MarkdownString {
  const a = p.annotation;
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: ANNOTATION_COMMANDS };
  const label = settings().labels.find((l) => l.id === a.label);
  const verdict = a.finding
    ? ` · ${a.finding.verdict} engine finding (${escapeMarkdown(a.finding.type)})`
    : '';
  md.appendMarkdown(`$(tag) **${escapeMarkdown(label?.name ?? a.label)}** · your annotation${verdict}\n\n`);
  if (a.note) md.appendMarkdown(`${escapeMarkdown(a.note)}\n\n`);
  md.appendMarkdown(
    `_${escapeMarkdown(a.author)}, ${escapeMarkdown(new Date(a.modified).toLocaleString())}_\n\n`,
  );
  md.appendMarkdown(
    [
      link('$(edit) Label', 'newsmark.editAnnotationLabel', [uri, a.id]),
      link('$(note) Note', 'newsmark.editAnnotationNote', [uri, a.id]),
      link('$(trash) Delete', 'newsmark.deleteAnnotation', [uri, a.id]),
    ].join(' · '),
  );
  return md;
}

export function findingLinks(
  uri: string,
  start: number,
  end: number,
  kind: 'entity' | 'attribution',
  type: string,
): string {
  const t = { uri, start, end, kind, type };
  return [
    link('$(check) Confirm', 'newsmark.confirmFinding', [t]),
    ...(kind === 'entity' ? [link('$(symbol-enum) Change type', 'newsmark.changeFindingType', [t])] : []),
    link(
      kind === 'entity' ? '$(close) Not an entity' : '$(close) Not an attribution',
      'newsmark.rejectFinding',
      [t],
    ),
    link('$(note) Add note', 'newsmark.noteOnFinding', [t]),
  ].join(' · ');
}

export class AnnotationHover implements vscode.HoverProvider {
  constructor(private readonly store: AnnotationStore) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const e = this.store.open(doc);
    if (!e) return undefined;
    const here = e.set.at(doc.offsetAt(pos)).filter((p) => p.annotation.finding?.verdict !== 'rejected');
    if (!here.length) return undefined;
    const first = here[0].at!;
    return new vscode.Hover(
      here.map((p) => annotationCard(doc.uri.toString(), p)),
      new vscode.Range(doc.positionAt(first.start), doc.positionAt(first.end)),
    );
  }
}

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
        out.push({ kind: 'group', id: 'here', label: 'In this article', count: e.set.placed.length });
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
