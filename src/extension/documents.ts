import type * as vscode from 'vscode';
import type { TextChange } from '../core';

/** A document's length without building its text (getText() copies megabytes). */
export function docLength(doc: vscode.TextDocument): number {
  return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
}

/** The changes of one editor event, last first, each in the offsets of the text before the event. */
export function textChanges(e: vscode.TextDocumentChangeEvent): TextChange[] {
  return [...e.contentChanges]
    .sort((a, b) => b.rangeOffset - a.rangeOffset)
    .map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, inserted: c.text.length }));
}
