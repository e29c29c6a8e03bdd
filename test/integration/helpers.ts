import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { NewsmarkApi } from '../../src/extension/extension';

export const SEED = 'uk-ukrinform-kndr-russia.txt';

export async function api(): Promise<NewsmarkApi> {
  const ext = vscode.extensions.getExtension<NewsmarkApi>('newsmark.newsmark');
  assert.ok(ext, 'the Newsmark extension is loaded');
  return ext.isActive ? ext.exports : await ext.activate();
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openArticle(name = SEED): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(doc);
}

export async function until<T>(what: string, fn: () => T | undefined | false, ms = 10000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function textAt(doc: vscode.TextDocument, r: vscode.Range): string {
  return doc.getText(r);
}

/** The Markdown of every hover card at an offset, as `vscode.executeHoverProvider` returns it. */
export async function hoverCards(doc: vscode.TextDocument, offset: number): Promise<vscode.MarkdownString[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    doc.uri,
    doc.positionAt(offset),
  );
  return hovers.flatMap((h) =>
    h.contents.map((c) =>
      typeof c === 'string' ? new vscode.MarkdownString(c) : (c as vscode.MarkdownString),
    ),
  );
}

export async function hoverText(doc: vscode.TextDocument, offset: number): Promise<string> {
  return (await hoverCards(doc, offset)).map((c) => c.value).join('\n');
}
