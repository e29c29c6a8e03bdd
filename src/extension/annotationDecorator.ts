/**
 * The user's annotations in the editor: solid underlines in the label's colour, unlike the
 * engine's backgrounds and dotted lines.
 */
import * as vscode from 'vscode';
import type { Placed } from '../core';
import { settings } from './settings';

export class AnnotationDecorator implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  readonly applied = new Map<string, { label: string; range: vscode.Range }[]>();

  private typeFor(color: string): vscode.TextEditorDecorationType {
    let t = this.types.get(color);
    if (!t) {
      const safe = /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : '#eab308';
      t = vscode.window.createTextEditorDecorationType({
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
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
