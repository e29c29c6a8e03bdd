/**
 * Which documents are articles, and one ArticleController for each open one. Editor events come
 * in here: an edit shifts the article's findings and asks the scheduler for an analysis after the
 * debounce; opening an article analyses it at once. Nothing here runs the engine itself.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Analysis } from '../core';
import type { AnnotationStore } from './annotationStore';
import { ArticleController } from './articleController';
import { mayBeArticle, textChanges } from './documents';
import { t } from './i18n';
import type { LearnedModels } from './learnedModel';
import { AnalysisScheduler } from './scheduler';
import { settings } from './settings';

export class Articles implements vscode.Disposable {
  private readonly controllers = new Map<string, ArticleController>();
  /** Per-file override from "Newsmark: Toggle for This File": true = on, false = off. */
  private readonly overrides = new Map<string, boolean>();
  private readonly emitter = new vscode.EventEmitter<string>();
  /** Fires with the uri of an article whose view changed (or that stopped being an article). */
  readonly onDidChange = this.emitter.event;
  readonly scheduler: AnalysisScheduler;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    extensionPath: string,
    private readonly annotations: AnnotationStore,
    readonly models: LearnedModels,
  ) {
    this.scheduler = new AnalysisScheduler(
      extensionPath,
      models,
      (doc, result) => this.controllers.get(doc.uri.toString())?.accept(result),
      (doc, e) =>
        void vscode.window.showErrorMessage(
          t('Newsmark: analysing {0} failed: {1}', path.basename(doc.uri.fsPath), e.message),
        ),
    );
    this.disposables.push(
      this.scheduler,
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdited(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.close(d.uri.toString())),
      annotations.onDidChange((uri) => this.controllers.get(uri)?.changed()),
    );
  }

  isArticle(doc: vscode.TextDocument): boolean {
    const o = this.overrides.get(doc.uri.toString());
    if (o !== undefined) return o;
    const cfg = settings();
    if (!cfg.enabled || !mayBeArticle(doc.uri)) return false;
    return (
      cfg.files.some((pattern) => vscode.languages.match({ pattern }, doc) > 0) ||
      this.annotations.hasSidecar(doc.uri)
    );
  }

  /** The controller of an open article, if it has one (never analyses). */
  get(doc: vscode.TextDocument | string): ArticleController | undefined {
    return this.controllers.get(typeof doc === 'string' ? doc : doc.uri.toString());
  }

  /** The controller of an article, created (and analysed at once) on first use. */
  open(doc: vscode.TextDocument): ArticleController | undefined {
    const key = doc.uri.toString();
    const existing = this.controllers.get(key);
    if (existing) return existing;
    if (doc.isClosed || !this.isArticle(doc)) return undefined;
    const c = new ArticleController(doc, this.annotations);
    c.onDidChange(() => this.emitter.fire(key));
    this.controllers.set(key, c);
    void this.scheduler.now(doc);
    return c;
  }

  /** The analysis of the article's current text: the one shown if current, else one made now. */
  async current(doc: vscode.TextDocument): Promise<Analysis | undefined> {
    const c = this.open(doc);
    if (!c) return undefined;
    if (c.state?.version !== doc.version) await this.scheduler.now(doc);
    return c.state?.version === doc.version ? c.state.analysis : undefined;
  }

  /** Analyses an article now (the Analyse command). */
  analyzeNow(doc: vscode.TextDocument): void {
    const existed = this.controllers.has(doc.uri.toString());
    if (this.open(doc) && existed) void this.scheduler.now(doc);
  }

  toggle(doc: vscode.TextDocument): boolean {
    const now = !this.isArticle(doc);
    this.overrides.set(doc.uri.toString(), now);
    if (now) this.open(doc);
    else this.close(doc.uri.toString());
    return now;
  }

  /** Settings changed: every open document is an article or not anew, and analysed again. */
  refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) {
      const key = doc.uri.toString();
      if (!this.isArticle(doc)) this.close(key);
      else if (this.controllers.has(key)) void this.scheduler.now(doc);
      else this.open(doc);
    }
  }

  private onEdited(e: vscode.TextDocumentChangeEvent): void {
    if (!e.contentChanges.length) return;
    const c = this.controllers.get(e.document.uri.toString());
    if (!c) return;
    c.shift(textChanges(e));
    this.scheduler.debounce(e.document);
  }

  private close(key: string): void {
    const c = this.controllers.get(key);
    this.scheduler.forget(key);
    if (!c) return;
    this.controllers.delete(key);
    c.dispose();
    this.emitter.fire(key);
  }

  dispose(): void {
    for (const c of this.controllers.values()) c.dispose();
    this.emitter.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
