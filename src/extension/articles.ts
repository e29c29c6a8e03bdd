/**
 * Which documents are articles, and their analyses: cached per document version, recomputed
 * after a debounce while the user types, stale results dropped. Large articles are analysed in
 * a worker thread so the extension host never stalls on them.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { analyze } from '../core/analyze';
import { AnalysisCache } from '../core/article';
import type { Analysis, AnalyzeOptions, Language } from '../core/types';
import { docLength } from './documents';

export interface ArticleState {
  uri: string;
  version: number;
  analysis: Analysis;
  /** Milliseconds the last analysis took, for the status tooltip and the latency benchmark. */
  ms: number;
  /** performance.now() when the analysis was asked for (the debounce ended) and when it was ready. */
  requestedAt: number;
  readyAt: number;
}

/** Articles larger than this (UTF-16 units) are analysed in the worker thread. */
export const WORKER_THRESHOLD = 256 * 1024;

export function config() {
  const c = vscode.workspace.getConfiguration('newsmark');
  return {
    enabled: c.get<boolean>('enabled', true),
    language: c.get<'auto' | Language>('language', 'auto'),
    files: c.get<string[]>('files', ['**/*.txt', '**/*.md']),
    debounceMs: Math.max(0, c.get<number>('debounceMs', 300)),
    layers: {
      entities: c.get<boolean>('show.entities', true),
      attributions: c.get<boolean>('show.attributions', true),
      PER: c.get<boolean>('show.PER', true),
      ORG: c.get<boolean>('show.ORG', true),
      LOC: c.get<boolean>('show.LOC', true),
      MISC: c.get<boolean>('show.MISC', true),
    },
  };
}

function options(): AnalyzeOptions {
  const lang = config().language;
  return lang === 'auto' ? {} : { language: lang };
}

/** One worker for all large articles; requests carry ids, answers for stale versions are dropped. */
class AnalysisWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (r: { analysis: Analysis; ms: number }) => void; reject: (e: Error) => void }
  >();

  constructor(private readonly script: string) {}

  run(key: string, text: string, opts: AnalyzeOptions): Promise<{ analysis: Analysis; ms: number }> {
    if (!this.worker) {
      this.worker = new Worker(this.script);
      this.worker.on('message', (m: { id: number; analysis?: Analysis; ms?: number; error?: string }) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (!p) return;
        if (m.error || !m.analysis) p.reject(new Error(m.error ?? 'no result'));
        else p.resolve({ analysis: m.analysis, ms: m.ms ?? 0 });
      });
      this.worker.on('error', (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
        this.worker = undefined;
      });
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker!.postMessage({ id, key, text, options: opts });
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}

export class ArticleStore implements vscode.Disposable {
  private readonly states = new Map<string, ArticleState>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Versions being analysed in the worker, per document. */
  private readonly inFlight = new Map<string, number>();
  /** Per-file override from "Newsmark: Toggle for This File": true = on, false = off. */
  private readonly overrides = new Map<string, boolean>();
  private readonly emitter = new vscode.EventEmitter<ArticleState | { uri: string; cleared: true }>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly worker: AnalysisWorker;
  /** Per-document paragraph caches: an edit re-analyses the changed paragraphs' text only. */
  private readonly caches = new Map<string, AnalysisCache>();

  /** `hasSidecar`: a file with annotations is an article whatever its name. */
  constructor(
    extensionPath: string,
    private readonly hasSidecar: (doc: vscode.TextDocument) => boolean = () => false,
  ) {
    this.worker = new AnalysisWorker(path.join(extensionPath, 'dist', 'analysisWorker.js'));
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.isArticle(e.document)) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.states.delete(d.uri.toString());
        this.caches.delete(d.uri.toString());
        clearTimeout(this.timers.get(d.uri.toString()));
      }),
    );
  }

  isArticle(doc: vscode.TextDocument): boolean {
    const key = doc.uri.toString();
    const o = this.overrides.get(key);
    if (o !== undefined) return o;
    const cfg = config();
    if (!cfg.enabled) return false;
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled' && doc.uri.scheme !== 'vscode-remote')
      return false;
    return cfg.files.some((pattern) => vscode.languages.match({ pattern }, doc) > 0) || this.hasSidecar(doc);
  }

  toggle(doc: vscode.TextDocument): boolean {
    const now = !this.isArticle(doc);
    this.overrides.set(doc.uri.toString(), now);
    if (now) this.analyzeNow(doc);
    else {
      this.states.delete(doc.uri.toString());
      this.emitter.fire({ uri: doc.uri.toString(), cleared: true });
    }
    return now;
  }

  /** The last analysis (possibly of an older version, until the next one is ready). */
  get(doc: vscode.TextDocument): ArticleState | undefined {
    return this.states.get(doc.uri.toString());
  }

  /** Analyses now (on open, on switch, on command), unless the cached result is current. */
  ensure(doc: vscode.TextDocument): ArticleState | undefined {
    if (!this.isArticle(doc)) return undefined;
    const s = this.states.get(doc.uri.toString());
    if (s && s.version === doc.version) return s;
    if (docLength(doc) > WORKER_THRESHOLD) {
      this.analyzeInWorker(doc);
      return s; // the previous result stays shown until the worker answers
    }
    return this.analyzeNow(doc);
  }

  analyzeNow(doc: vscode.TextDocument): ArticleState {
    const t0 = performance.now();
    const key = doc.uri.toString();
    let cache = this.caches.get(key);
    if (!cache) {
      cache = new AnalysisCache();
      this.caches.set(key, cache);
    }
    const analysis = analyze(doc.getText(), { ...options(), cache });
    const now = performance.now();
    const state: ArticleState = {
      uri: doc.uri.toString(),
      version: doc.version,
      analysis,
      ms: now - t0,
      requestedAt: t0,
      readyAt: now,
    };
    this.states.set(state.uri, state);
    this.emitter.fire(state);
    return state;
  }

  private analyzeInWorker(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const version = doc.version;
    if (this.inFlight.get(key) === version) return;
    this.inFlight.set(key, version);
    const t0 = performance.now();
    this.worker.run(key, doc.getText(), options()).then(
      ({ analysis, ms }) => {
        if (this.inFlight.get(key) === version) this.inFlight.delete(key);
        // A newer version was asked for meanwhile: this result is stale, drop it.
        if (doc.isClosed || doc.version !== version) return;
        const state: ArticleState = {
          uri: key,
          version,
          analysis,
          ms,
          requestedAt: t0,
          readyAt: performance.now(),
        };
        this.states.set(key, state);
        this.emitter.fire(state);
      },
      (e: Error) => {
        this.inFlight.delete(key);
        void vscode.window.showErrorMessage(
          `Newsmark: analysing ${path.basename(doc.uri.fsPath)} failed: ${e.message}`,
        );
      },
    );
  }

  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // The document may have changed again or closed: analyse the current text only.
        if (doc.isClosed) return;
        if (docLength(doc) > WORKER_THRESHOLD) this.analyzeInWorker(doc);
        else this.analyzeNow(doc);
      }, config().debounceMs),
    );
  }

  refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (this.isArticle(doc)) {
        this.states.delete(doc.uri.toString());
        this.ensure(doc);
      } else if (this.states.delete(doc.uri.toString()))
        this.emitter.fire({ uri: doc.uri.toString(), cleared: true });
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.worker.dispose();
    this.emitter.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
