/**
 * One open article: its latest analysis (carried through edits until the next one is ready), its
 * annotations, and the effective view that the editor shows — the analysis with the user's
 * verdicts applied, computed once per change, not at every call site.
 */
import * as vscode from 'vscode';
import type { Analysis, TextChange } from '../core';
import { applyVerdicts, shiftAnalysis } from '../core';
import type { AnnotationStore, Entry } from './annotationStore';
import type { AnalysisResult } from './scheduler';

export class ArticleController implements vscode.Disposable {
  /** The latest analysis; `version` stays the analysed one while its spans follow the edits. */
  private result: AnalysisResult | undefined;
  /** Edits since the result's spans were last shifted: applied when someone reads them. */
  private pending: TextChange[][] = [];
  private view: Analysis | undefined;
  private readonly emitter = new vscode.EventEmitter<ArticleController>();
  /** Fires when the analysis, its placement or the annotations change. */
  readonly onDidChange = this.emitter.event;

  constructor(
    readonly doc: vscode.TextDocument,
    private readonly annotations: AnnotationStore,
  ) {}

  get uri(): string {
    return this.doc.uri.toString();
  }

  /** The document version the last analysis was made of (reading it shifts nothing). */
  get analysedVersion(): number | undefined {
    return this.result?.version;
  }

  /** The last analysis result (of `result.version`; spans shifted to the current text). */
  get state(): AnalysisResult | undefined {
    if (this.result && this.pending.length) {
      let analysis = this.result.analysis;
      const text = this.doc.getText();
      for (const changes of this.pending) analysis = shiftAnalysis(analysis, changes, text);
      this.pending = [];
      this.result = { ...this.result, analysis };
    }
    return this.result;
  }

  /** The article's annotations (loaded from its sidecar on first use); none for virtual documents. */
  get entry(): Entry | undefined {
    return this.annotations.open(this.doc);
  }

  /** What the editor shows: the analysis with the user's verdicts applied (rejected ones hidden). */
  effective(): Analysis | undefined {
    const state = this.state;
    if (!state) return undefined;
    this.view ??= applyVerdicts(state.analysis, this.entry?.set);
    return this.view;
  }

  /** A new analysis from the scheduler; an older one than shown is ignored. */
  accept(result: AnalysisResult): void {
    if (this.result && result.version < this.result.version) return;
    this.result = result;
    this.changed();
  }

  /** Edits: the findings move with their words until the next analysis. */
  shift(changes: readonly TextChange[]): void {
    if (!this.result) return;
    this.result = {
      ...this.result,
      analysis: shiftAnalysis(this.result.analysis, changes, this.doc.getText()),
    };
    this.changed();
  }

  /** The user's annotations or verdicts changed. */
  changed(): void {
    this.view = undefined;
    this.emitter.fire(this);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
