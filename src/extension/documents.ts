import type * as vscode from 'vscode';

/** A document's length without building its text (getText() copies megabytes). */
export function docLength(doc: vscode.TextDocument): number {
  return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
}
