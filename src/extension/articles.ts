/**
 * Which documents are articles, and their analyses: cached per document version, recomputed
 * after a debounce while the user types, stale results dropped.
 */
import * as vscode from 'vscode';
import { analyze } from '../core/analyze';
import type { Analysis, Language } from '../core/types';

export interface ArticleState {
  uri: string;
  version: number;
  analysis: Analysis;
  /** Milliseconds the last analysis took, for the status tooltip and the latency benchmark. */
  ms: number;
}

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

export class ArticleStore implements vscode.Disposable {
  private readonly states = new Map<string, ArticleState>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per-file override from "Newsmark: Toggle for This File": true = on, false = off. */
  private readonly overrides = new Map<string, boolean>();
  private readonly emitter = new vscode.EventEmitter<ArticleState | { uri: string; cleared: true }>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  /** `hasSidecar`: a file with annotations is an article whatever its name. */
  constructor(private readonly hasSidecar: (doc: vscode.TextDocument) => boolean = () => false) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.isArticle(e.document)) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.states.delete(d.uri.toString());
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

  get(doc: vscode.TextDocument): ArticleState | undefined {
    const s = this.states.get(doc.uri.toString());
    return s && s.version === doc.version ? s : s; // the last result stays shown until the next one
  }

  /** Analyses now (on open, on switch, on command), unless the cached result is current. */
  ensure(doc: vscode.TextDocument): ArticleState | undefined {
    if (!this.isArticle(doc)) return undefined;
    const s = this.states.get(doc.uri.toString());
    if (s && s.version === doc.version) return s;
    return this.analyzeNow(doc);
  }

  analyzeNow(doc: vscode.TextDocument): ArticleState {
    const cfg = config();
    const t0 = performance.now();
    const analysis = analyze(doc.getText(), cfg.language === 'auto' ? {} : { language: cfg.language });
    const state: ArticleState = {
      uri: doc.uri.toString(),
      version: doc.version,
      analysis,
      ms: performance.now() - t0,
    };
    this.states.set(state.uri, state);
    this.emitter.fire(state);
    return state;
  }

  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // The document may have changed again or closed: analyse the current text only.
        if (!doc.isClosed) this.analyzeNow(doc);
      }, config().debounceMs),
    );
  }

  refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (this.isArticle(doc)) this.analyzeNow(doc);
      else if (this.states.delete(doc.uri.toString()))
        this.emitter.fire({ uri: doc.uri.toString(), cleared: true });
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.emitter.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
