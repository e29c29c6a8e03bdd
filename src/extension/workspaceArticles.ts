/** The workspace's article files (the newsmark.files patterns), for learning and the corpus. */
import * as vscode from 'vscode';
import { settings } from './settings';

/** Folders that never hold articles. */
export const NOT_ARTICLES =
  '{**/node_modules/**,**/.vscode-test/**,**/.newsmark/**,**/.git/**,**/newsmark-export/**}';

/** The workspace folder of the active article, else the first one. */
export function workspaceFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) || vscode.workspace.workspaceFolders?.[0];
}

export async function articleFiles(folder: vscode.WorkspaceFolder): Promise<string[]> {
  const found = new Set<string>();
  for (const p of settings().files)
    for (const u of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, p), NOT_ARTICLES))
      if (u.scheme === 'file') found.add(u.fsPath);
  return [...found].sort();
}
