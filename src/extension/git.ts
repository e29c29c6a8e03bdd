/**
 * A file as it is at a git ref, read through VS Code's git extension (API version 1): the
 * repositories, git binary and settings VS Code already uses, no git process of our own.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { t } from './i18n';

// The part of the git extension's API (extensions/git/src/api/git.d.ts) that is used here.
interface Repository {
  readonly rootUri: vscode.Uri;
  show(ref: string, path: string): Promise<string>;
}
interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  getRepository(uri: vscode.Uri): Repository | null;
  openRepository(root: vscode.Uri): Promise<Repository | null>;
}
interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

async function gitApi(): Promise<GitApi> {
  const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!ext) throw new Error(t('VS Code’s git extension is not available'));
  const git = ext.isActive ? ext.exports : await ext.activate();
  if (!git.enabled) throw new Error(t('git is turned off in VS Code (the git.enabled setting)'));
  const api = git.getAPI(1);
  if (api.state !== 'initialized')
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 10000);
      const d = api.onDidChangeState((s) => {
        if (s !== 'initialized') return;
        clearTimeout(timer);
        d.dispose();
        resolve();
      });
    });
  return api;
}

/** The contents of `file` at `ref` (a branch, tag or commit) in the repository that holds it. */
export async function sidecarAtRef(file: string, ref: string): Promise<string> {
  const api = await gitApi();
  const repo =
    api.getRepository(vscode.Uri.file(file)) ??
    (await api.openRepository(vscode.Uri.file(path.dirname(file))));
  if (!repo) throw new Error(t('{0} is not in a git repository', path.basename(file)));
  try {
    return await repo.show(ref, file);
  } catch (e) {
    const why = String((e as { stderr?: string }).stderr ?? (e as Error).message ?? e).trim();
    throw new Error(t('no {0} at {1}: {2}', path.basename(file), ref, why.split('\n')[0]));
  }
}
