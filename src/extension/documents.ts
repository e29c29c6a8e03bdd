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

/** Files (on this machine or the remote one the extension host runs on) have sidecars. */
const FILE_SCHEMES = ['file', 'vscode-remote'];
/** Articles are files or unsaved documents (no sidecar until saved). */
const ARTICLE_SCHEMES = [...FILE_SCHEMES, 'untitled'];

export const isFileDocument = (uri: vscode.Uri) => FILE_SCHEMES.includes(uri.scheme);
export const mayBeArticle = (uri: vscode.Uri) => ARTICLE_SCHEMES.includes(uri.scheme);
export const FILE_DOCUMENTS: vscode.DocumentFilter[] = FILE_SCHEMES.map((scheme) => ({ scheme }));
export const ARTICLE_DOCUMENTS: vscode.DocumentFilter[] = ARTICLE_SCHEMES.map((scheme) => ({ scheme }));
