/**
 * The workspace's learned entity model, as the analyses use it: found at
 * `.newsmark/models/entities.json` in the article's workspace folder (unless `newsmark.model`
 * is `off`), read once per change of the file, and a damaged or foreign file reported once and
 * then ignored (the rules alone run), never a failed analysis.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type EntityModel, readModelFile } from '../core';
import { t } from './i18n';
import { settings } from './settings';

/** Where a workspace folder keeps its learned model. */
export const MODEL_PATH = ['.newsmark', 'models', 'entities.json'] as const;

export function modelFileOf(folder: string): string {
  return path.join(folder, ...MODEL_PATH);
}

/** A loaded model and the file state it was read from (the worker reads the same file by it). */
export interface ModelRef {
  file: string;
  stamp: string;
  model: EntityModel;
}

export class LearnedModels {
  private readonly loaded = new Map<string, { stamp: string; model?: EntityModel }>();
  private readonly reported = new Set<string>();

  constructor(private readonly log: (message: string) => void) {}

  /** The model file an article would use now (whether or not it exists). */
  fileFor(uri: vscode.Uri): string | undefined {
    if (settings().model === 'off') return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder?.uri.scheme === 'file' ? modelFileOf(folder.uri.fsPath) : undefined;
  }

  /** The model for an article, or undefined: none, turned off, or unreadable (reported once). */
  for(uri: vscode.Uri): ModelRef | undefined {
    const file = this.fileFor(uri);
    if (!file) return undefined;
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch {
      return undefined;
    }
    const stamp = `${st.mtimeMs}:${st.size}`;
    let entry = this.loaded.get(file);
    if (entry?.stamp !== stamp) {
      entry = { stamp };
      try {
        entry.model = readModelFile(file);
        this.log(`learned model loaded: ${file} (${entry.model.meta.trainedOn.documents} documents)`);
      } catch (e) {
        this.report(file, stamp, (e as Error).message);
      }
      this.loaded.set(file, entry);
    }
    return entry.model ? { file, stamp, model: entry.model } : undefined;
  }

  /** Forgets what was read, so the next analysis reads the file again (after training). */
  reset(): void {
    this.loaded.clear();
  }

  private report(file: string, stamp: string, message: string): void {
    const key = `${file}@${stamp}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.log(`learned model not used: ${message}`);
    void vscode.window.showWarningMessage(
      t('Newsmark: the learned model is not used, entities come from the rules alone. {0}', message),
    );
  }
}
