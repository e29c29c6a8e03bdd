/**
 * The workspace index for the corpus views: one corpus part per article (its analysis with the
 * sidecar's verdicts), built in a worker with cancellable progress on first use, persisted in the
 * extension's workspace storage (reopening reuses every part whose article and sidecar did not
 * change), and kept up to date as articles and sidecars change.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import {
  articleFilePart,
  articlePathFor,
  type CorpusPart,
  type CorpusReport,
  corpusReport,
  type EntityChoices,
  emptyPart,
  mergeParts,
  parseEntityChoices,
  sidecarPathFor,
  stripBom,
} from '../core';
import type { IndexJob, IndexReply } from './corpusProtocol';
import { t } from './i18n';
import { settings, sidecarLocation } from './settings';
import { articleFiles, workspaceFolder } from './workspaceArticles';

interface Entry {
  stamp: string;
  part: CorpusPart | null;
}
interface Persisted {
  format: 'newsmark-corpus-index';
  version: 1;
  folder: string;
  entries: Record<string, Entry>;
}

/** A file's size and mtime ('-' when it does not exist): a part is made again when they change. */
const fileStamp = (f: string) => {
  try {
    const st = fs.statSync(f);
    return `${st.size}:${Math.round(st.mtimeMs)}`;
  } catch {
    return '-';
  }
};
const stampOf = (file: string, sidecar: string) => `${fileStamp(file)}|${fileStamp(sidecar)}`;

export class CorpusIndex implements vscode.Disposable {
  private entries = new Map<string, Entry>();
  private folder: vscode.WorkspaceFolder | undefined;
  private building: Promise<boolean> | undefined;
  private cached: CorpusReport | undefined;
  private choicesCache: { stamp: string; choices: EntityChoices } | undefined;
  private persistTimer: NodeJS.Timeout | undefined;
  private warmTimer: NodeJS.Timeout | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidChange = this.emitter.event;
  /** The last single-article update, in ms (tests and benchmarks read it). */
  lastUpdateMs: number | undefined;
  /** The last build: articles in the index, parts reused from workspace storage, parts made. */
  lastBuild: { articles: number; reused: number; indexed: number } | undefined;

  constructor(
    private readonly extensionPath: string,
    private readonly storage: vscode.Uri | undefined,
  ) {
    const watch = (glob: string, on: (uri: vscode.Uri, gone: boolean) => void) => {
      const w = vscode.workspace.createFileSystemWatcher(glob);
      this.disposables.push(
        w,
        w.onDidCreate((u) => on(u, false)),
        w.onDidChange((u) => on(u, false)),
        w.onDidDelete((u) => on(u, true)),
      );
    };
    watch('**/*.{txt,md,json}', (uri, gone) => void this.changed(uri, gone));
  }

  get ready(): boolean {
    return this.entries.size > 0 && !!this.folder;
  }

  /** The index, built or loaded if needed; false when the user cancelled or there is no folder. */
  ensure(): Promise<boolean> {
    if (this.ready) return Promise.resolve(true);
    this.building ??= this.build().finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  /** Rebuilds (parts of unchanged articles are reused from storage); what the build did. */
  async rebuild(): Promise<CorpusIndex['lastBuild']> {
    await this.flush();
    this.entries.clear();
    this.cached = undefined;
    return (await this.ensure()) ? this.lastBuild : undefined;
  }

  /** Saves the index now (before a rebuild, and when the extension stops). */
  async flush(): Promise<void> {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = undefined;
    if (this.ready) await this.persist();
  }

  /** The corpus report with statements and places, cached until something changes. */
  report(): CorpusReport {
    if (!this.cached) {
      const all = emptyPart();
      for (const [, e] of [...this.entries].sort((x, y) => (x[0] < y[0] ? -1 : 1)))
        if (e.part) mergeParts(all, e.part);
      this.cached = corpusReport(all, this.choices(), true);
    }
    return this.cached;
  }

  /** The file of an article id (a workspace-relative path). */
  fileOf(id: string): string | undefined {
    return this.folder && path.join(this.folder.uri.fsPath, ...id.split('/'));
  }

  choicesFile(): string | undefined {
    return this.folder && path.join(this.folder.uri.fsPath, '.newsmark', 'entities.json');
  }

  /** The user's merges and splits (.newsmark/entities.json, shared through git). */
  choices(): EntityChoices {
    const file = this.choicesFile();
    if (!file) return {};
    const stamp = fileStamp(file);
    if (this.choicesCache?.stamp === stamp) return this.choicesCache.choices;
    let choices: EntityChoices = {};
    try {
      choices = parseEntityChoices(fs.readFileSync(file, 'utf8'));
    } catch {
      // missing or unreadable: no choices (a broken file is reported when it is written)
    }
    this.choicesCache = { stamp, choices };
    return choices;
  }

  async setChoices(change: (c: Required<EntityChoices>) => void): Promise<void> {
    const file = this.choicesFile();
    if (!file) throw new Error(t('open a folder first'));
    const c = this.choices();
    const next = { merge: [...(c.merge ?? [])], split: [...(c.split ?? [])] };
    change(next);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.writeFile(file, `${JSON.stringify(next, null, 2)}\n`);
    this.changedNow();
  }

  /**
   * The report of a large corpus takes about a second: it is made once when the changes pause,
   * and only then are the views told, so that a burst of changes does not make it again for each.
   */
  private changedNow(): void {
    this.cached = undefined;
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.warmTimer = setTimeout(() => {
      this.warmTimer = undefined;
      if (this.ready) this.report();
      this.emitter.fire();
    }, 300);
  }

  private idOf(file: string): string | undefined {
    if (!this.folder) return undefined;
    const rel = path.relative(this.folder.uri.fsPath, file);
    return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
  }

  /** An article, its sidecar or the choices file changed on disk. */
  private async changed(uri: vscode.Uri, gone: boolean): Promise<void> {
    if (!this.ready || uri.scheme !== 'file') return;
    const f = uri.fsPath;
    if (f === this.choicesFile()) return this.changedNow();
    const article = f.endsWith('.newsmark.json') ? articlePathFor(f, sidecarLocation(uri)) : f;
    const id = this.idOf(article);
    if (!id || /(^|\/)(\.newsmark|node_modules|\.git|newsmark-export)\//.test(id)) return;
    if (!f.endsWith('.newsmark.json') && !this.isArticle(article)) return;
    if (gone && article === f) this.entries.delete(id);
    else this.update(article, id);
    this.changedNow();
  }

  private isArticle(file: string): boolean {
    const exts = settings()
      .files.map((p) => path.extname(p))
      .filter(Boolean);
    return exts.includes(path.extname(file)) || this.entries.has(this.idOf(file) ?? '');
  }

  /** Re-indexes one article in the extension host (one article takes milliseconds). */
  private update(file: string, id: string): void {
    const t0 = performance.now();
    const location = sidecarLocation(vscode.Uri.file(file));
    const sidecar = sidecarPathFor(file, location);
    let part: CorpusPart | null = null;
    try {
      const text = stripBom(fs.readFileSync(file, 'utf8'));
      part = articleFilePart(id, file, text, { location });
    } catch {
      part = null;
    }
    this.entries.set(id, { stamp: stampOf(file, sidecar), part });
    this.lastUpdateMs = performance.now() - t0;
    this.schedulePersist();
  }

  private async build(): Promise<boolean> {
    const folder = workspaceFolder();
    if (folder?.uri.scheme !== 'file') {
      void vscode.window.showInformationMessage(
        t('Newsmark: open a folder of articles to see it as a corpus.'),
      );
      return false;
    }
    this.folder = folder;
    const stored = await this.load(folder);
    const files = await articleFiles(folder);
    const todo: IndexJob['files'] = [];
    for (const file of files) {
      const id = this.idOf(file);
      if (!id) continue;
      const stamp = stampOf(file, sidecarPathFor(file, sidecarLocation(vscode.Uri.file(file))));
      const had = stored?.entries[id];
      if (had && had.stamp === stamp) this.entries.set(id, had);
      else todo.push({ file, id, stamp });
    }
    const ok = todo.length
      ? await this.runWorker({ files: todo, location: sidecarLocation(folder.uri) })
      : true;
    if (!ok) {
      this.entries.clear();
      return false;
    }
    this.lastBuild = { articles: files.length, reused: files.length - todo.length, indexed: todo.length };
    if (!this.entries.size) this.entries.set('', { stamp: '', part: null }); // an empty corpus is built too
    this.schedulePersist(true);
    this.changedNow();
    return true;
  }

  private runWorker(job: IndexJob): Promise<boolean> {
    const opts = {
      location: vscode.ProgressLocation.Notification,
      title: t('Newsmark: indexing {0} articles', job.files.length),
      cancellable: true,
    };
    return Promise.resolve(
      vscode.window.withProgress(opts, (progress, token) => {
        const worker = new Worker(path.join(this.extensionPath, 'dist', 'corpusWorker.js'));
        return new Promise<boolean>((resolve) => {
          let last = 0;
          const finish = (ok: boolean) => {
            void worker.terminate();
            resolve(ok);
          };
          token.onCancellationRequested(() => finish(false));
          worker.on('error', (e) => {
            void vscode.window.showErrorMessage(t('Newsmark: indexing failed: {0}', e.message));
            finish(false);
          });
          worker.on('message', (m: IndexReply) => {
            if (m.kind === 'parts')
              for (const p of m.parts) this.entries.set(p.id, { stamp: p.stamp, part: p.part });
            else if (m.kind === 'progress') {
              progress.report({
                message: `${m.done}/${m.total}`,
                increment: ((m.done - last) / m.total) * 100,
              });
              last = m.done;
            } else if (m.kind === 'done') finish(true);
            else if (m.kind === 'error') {
              void vscode.window.showErrorMessage(t('Newsmark: indexing failed: {0}', m.error));
              finish(false);
            }
          });
          worker.postMessage(job);
        });
      }),
    );
  }

  private indexFile(): vscode.Uri | undefined {
    return this.storage && vscode.Uri.joinPath(this.storage, 'corpus-index.json');
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<Persisted | undefined> {
    const file = this.indexFile();
    if (!file) return undefined;
    try {
      const v = JSON.parse(await fs.promises.readFile(file.fsPath, 'utf8')) as Persisted;
      return v.format === 'newsmark-corpus-index' && v.version === 1 && v.folder === folder.uri.fsPath
        ? v
        : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The index is a cache (a part whose stamp no longer matches is made again), and writing a large
   * one takes a moment: it is saved after a build, then at most every 30 s while articles change.
   */
  private schedulePersist(soon = false): void {
    if (this.persistTimer && !soon) return;
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(
      () => {
        this.persistTimer = undefined;
        void this.persist();
      },
      soon ? 1000 : 30000,
    );
  }

  /** Written whole to a temporary file, then renamed: a crash leaves the old index or the new. */
  private async persist(): Promise<void> {
    const file = this.indexFile();
    if (!file || !this.folder) return;
    const data: Persisted = {
      format: 'newsmark-corpus-index',
      version: 1,
      folder: this.folder.uri.fsPath,
      entries: Object.fromEntries(this.entries),
    };
    try {
      await fs.promises.mkdir(path.dirname(file.fsPath), { recursive: true });
      const tmp = `${file.fsPath}.${process.pid}.tmp`;
      await fs.promises.writeFile(tmp, JSON.stringify(data));
      await fs.promises.rename(tmp, file.fsPath);
    } catch {
      // the index is a cache: it is rebuilt when it cannot be read
    }
  }

  dispose(): void {
    if (this.warmTimer) clearTimeout(this.warmTimer);
    if (this.persistTimer) void this.flush();
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
  }
}
