/**
 * The workspace's learned models, as the analyses use them: `.newsmark/models/entities.json` and
 * `.newsmark/models/attributions.json` in the article's workspace folder (unless `newsmark.model`
 * is `off`), each read once per change of its file, and a damaged or foreign file reported once
 * and then ignored (the rules alone run for its task), never a failed analysis.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type AnalyzeOptions, type LearnedModel, type ModelTask, readModelFile } from '../core';
import { t } from './i18n';
import { settings } from './settings';

/** Where a workspace folder keeps its learned models, by task. */
export const MODEL_FILES: Record<ModelTask, string> = {
  ner: 'entities.json',
  attribution: 'attributions.json',
};
const TASKS = Object.keys(MODEL_FILES) as ModelTask[];

export function modelFileOf(folder: string, task: ModelTask = 'ner'): string {
  return path.join(folder, '.newsmark', 'models', MODEL_FILES[task]);
}

/** A loaded model and the file state it was read from (the worker reads the same file by it). */
export interface ModelRef {
  file: string;
  stamp: string;
  model: LearnedModel;
}

/** The models an article is analysed with: the files (for the worker) and the engine's options. */
export interface ModelRefs {
  refs: ModelRef[];
  options: Pick<AnalyzeOptions, 'model' | 'attributionModel'>;
}

export class LearnedModels {
  private readonly loaded = new Map<string, { stamp: string; model?: LearnedModel }>();
  private readonly reported = new Set<string>();

  constructor(private readonly log: (message: string) => void) {}

  /** The workspace folder whose models an article would use now (none when turned off). */
  folderFor(uri: vscode.Uri): string | undefined {
    if (settings().model === 'off') return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
  }

  /** The models for an article, or undefined: none, turned off, or unreadable (reported once). */
  for(uri: vscode.Uri): ModelRefs | undefined {
    const folder = this.folderFor(uri);
    if (!folder) return undefined;
    const refs: ModelRef[] = [];
    const options: ModelRefs['options'] = {};
    for (const task of TASKS) {
      const ref = this.read(modelFileOf(folder, task), task);
      if (!ref) continue;
      refs.push(ref);
      options[task === 'ner' ? 'model' : 'attributionModel'] = ref.model;
    }
    return refs.length ? { refs, options } : undefined;
  }

  private read(file: string, task: ModelTask): ModelRef | undefined {
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
        const model = readModelFile(file);
        if (model.meta.task !== task)
          throw new Error(`${file}: a ${model.meta.task} model, not a ${task} one`);
        entry.model = model;
        this.log(`learned model loaded: ${file} (${model.meta.trainedOn.documents} documents)`);
      } catch (e) {
        this.report(file, stamp, task, (e as Error).message);
      }
      this.loaded.set(file, entry);
    }
    return entry.model ? { file, stamp, model: entry.model } : undefined;
  }

  /** Forgets what was read, so the next analysis reads the files again (after training). */
  reset(): void {
    this.loaded.clear();
  }

  private report(file: string, stamp: string, task: ModelTask, message: string): void {
    const key = `${file}@${stamp}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.log(`learned model not used: ${message}`);
    void vscode.window.showWarningMessage(
      task === 'ner'
        ? t('Newsmark: the learned model is not used, entities come from the rules alone. {0}', message)
        : t(
            'Newsmark: the learned attribution model is not used, attributions come from the rules alone. {0}',
            message,
          ),
    );
  }
}
