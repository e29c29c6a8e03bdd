/**
 * The extension's only caller of the engine. Edits are debounced (`newsmark.debounceMs`), so no
 * analysis starts while the user types; an analysis runs in the extension host for small articles
 * and in a worker thread for large ones; a result for a version that is no longer current is
 * dropped. Each article keeps its paragraph cache, so an edit re-analyses the changed paragraphs.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { Analysis, AnalyzeOptions } from '../core';
import { AnalysisCache, analyze } from '../core';
import { docLength } from './documents';
import type { LearnedModels, ModelRefs } from './learnedModel';
import { settings } from './settings';
import { ReplyAssembler, type WorkerModel, type WorkerReply } from './workerProtocol';

/**
 * Articles larger than this (UTF-16 units) are analysed in the worker thread. Small enough that
 * the worst text the engine can be given (a page of quotation marks, of "said" credits …) keeps
 * the extension host under ~50 ms; a news article of this size takes a few milliseconds.
 */
export const WORKER_THRESHOLD = 16 * 1024;
/** With a learned model the tagger runs over the whole text (~0.2 M characters/s): a lower limit. */
export const WORKER_THRESHOLD_WITH_MODEL = 4 * 1024;

export interface AnalysisResult {
  uri: string;
  version: number;
  analysis: Analysis;
  /** Milliseconds the engine took. */
  ms: number;
  /** performance.now() of the last edit before this analysis (undefined on open or command). */
  editAt?: number;
  /** performance.now() when the analysis started (the debounce ended) and when it was ready. */
  requestedAt: number;
  readyAt: number;
}

function engineOptions(): AnalyzeOptions {
  const lang = settings().language;
  return lang === 'auto' ? {} : { language: lang };
}

/** One worker for all large articles; answers come back by request id. */
class AnalysisWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    {
      resolve: (r: { analysis: Analysis; ms: number }) => void;
      reject: (e: Error) => void;
      parts: ReplyAssembler;
    }
  >();

  constructor(private readonly script: string) {}

  run(
    key: string,
    text: string,
    opts: AnalyzeOptions,
    models: WorkerModel[] | undefined,
  ): Promise<{ analysis: Analysis; ms: number }> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, parts: new ReplyAssembler() });
      worker.postMessage({ id, key, text, options: opts, models });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.script);
    w.on('message', (m: WorkerReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.kind === 'error') {
        this.pending.delete(m.id);
        p.reject(new Error(m.error));
        return;
      }
      const done = p.parts.add(m);
      if (!done) return;
      this.pending.delete(m.id);
      p.resolve(done);
    });
    w.on('error', (e) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
      this.worker = undefined;
    });
    this.worker = w;
    return w;
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}

export class AnalysisScheduler implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The version being analysed in the worker, and the promise of its delivery, per document. */
  private readonly inFlight = new Map<string, { version: number; done: Promise<void> }>();
  private readonly caches = new Map<string, AnalysisCache>();
  /** When each document was last edited, for the keystroke → decorations latency. */
  private readonly editedAt = new Map<string, number>();
  /** The versions whose analysis started, per document (the last 50; read by the tests). */
  readonly started = new Map<string, number[]>();
  private readonly worker: AnalysisWorker;

  constructor(
    extensionPath: string,
    private readonly models: LearnedModels,
    private readonly deliver: (doc: vscode.TextDocument, result: AnalysisResult) => void,
    private readonly fail: (doc: vscode.TextDocument, error: Error) => void,
  ) {
    this.worker = new AnalysisWorker(path.join(extensionPath, 'dist', 'analysisWorker.js'));
  }

  /** After an edit: analyse once the user has paused for `newsmark.debounceMs`. */
  debounce(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.editedAt.set(key, performance.now());
    clearTimeout(this.timers.get(key));
    const timer = setTimeout(() => {
      this.timers.delete(key);
      if (!doc.isClosed) void this.now(doc);
    }, settings().debounceMs);
    this.timers.set(key, timer);
  }

  /**
   * Analyses the current text now: in this thread when small, else in the worker. Resolves once
   * the result is delivered (or the analysis failed, or was dropped as stale).
   */
  now(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    // The model file is looked up once per analysis (a stat; read again only when it changed).
    const model = this.models.for(doc.uri);
    const limit = model ? WORKER_THRESHOLD_WITH_MODEL : WORKER_THRESHOLD;
    if (docLength(doc) > limit) return this.inWorker(doc, model);
    this.inThread(doc, model);
    return Promise.resolve();
  }

  private note(key: string, version: number): number {
    const list = this.started.get(key) ?? [];
    list.push(version);
    if (list.length > 50) list.shift();
    this.started.set(key, list);
    return performance.now();
  }

  private cacheFor(key: string): AnalysisCache {
    let cache = this.caches.get(key);
    if (!cache) {
      cache = new AnalysisCache();
      this.caches.set(key, cache);
    }
    return cache;
  }

  private inThread(doc: vscode.TextDocument, ref: ModelRefs | undefined): void {
    const key = doc.uri.toString();
    const t0 = this.note(key, doc.version);
    let analysis: Analysis;
    try {
      analysis = analyze(doc.getText(), { ...engineOptions(), ...ref?.options, cache: this.cacheFor(key) });
    } catch (e) {
      this.fail(doc, e as Error);
      return;
    }
    const now = performance.now();
    const editAt = this.editedAt.get(key);
    this.deliver(doc, {
      uri: key,
      version: doc.version,
      analysis,
      ms: now - t0,
      editAt,
      requestedAt: t0,
      readyAt: now,
    });
  }

  private inWorker(doc: vscode.TextDocument, ref: ModelRefs | undefined): Promise<void> {
    const key = doc.uri.toString();
    const version = doc.version;
    const running = this.inFlight.get(key);
    if (running?.version === version) return running.done;
    const t0 = this.note(key, version);
    const editAt = this.editedAt.get(key);
    const models = ref?.refs.map((r) => ({ file: r.file, stamp: r.stamp }));
    const done = this.worker.run(key, doc.getText(), engineOptions(), models).then(
      ({ analysis, ms }) => {
        if (this.inFlight.get(key)?.version === version) this.inFlight.delete(key);
        // A newer version was asked for meanwhile: this result is stale, drop it.
        if (doc.isClosed || doc.version !== version) return;
        this.deliver(doc, {
          uri: key,
          version,
          analysis,
          ms,
          editAt,
          requestedAt: t0,
          readyAt: performance.now(),
        });
      },
      (e: Error) => {
        this.inFlight.delete(key);
        this.fail(doc, e);
      },
    );
    this.inFlight.set(key, { version, done });
    return done;
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.caches.delete(uri);
    this.editedAt.delete(uri);
    this.inFlight.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.worker.dispose();
  }
}
