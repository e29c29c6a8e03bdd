/**
 * Draws what the articles hold: decorations in every visible editor, the panel's views and the
 * status bar for the active one. It only reads controllers' state; it never starts an analysis
 * (so a keystroke, which changes annotations and findings, never runs the engine).
 */
import * as vscode from 'vscode';
import type { AnnotationDecorator } from './annotationDecorator';
import type { AnnotationStore } from './annotationStore';
import type { AnnotationsTree } from './annotationsView';
import type { Articles } from './articles';
import type { Decorator } from './decorations';
import type { EntitiesTree } from './entitiesView';
import { t } from './i18n';
import type { SourcesTree } from './sourcesView';
import type { StatusBar } from './statusBar';

export interface Latency {
  version: number;
  /** The engine's time. */
  analysisMs: number;
  /** From the end of the debounce (the analysis started) to decorations applied. */
  totalMs: number;
  /** From the last keystroke to decorations applied (undefined when no edit led to it). */
  sinceEditMs?: number;
}

export interface Views {
  decorator: Decorator;
  annotationDecorator: AnnotationDecorator;
  sources: SourcesTree;
  entities: EntitiesTree;
  annotationsTree: AnnotationsTree;
  sourcesView: vscode.TreeView<unknown>;
  entitiesView: vscode.TreeView<unknown>;
  status: StatusBar;
}

export class Renderer {
  readonly latency = new Map<string, Latency>();
  private treeDoc: vscode.TextDocument | undefined;

  constructor(
    private readonly articles: Articles,
    private readonly annotations: AnnotationStore,
    private readonly v: Views,
  ) {}

  /** Decorations of one editor (also on scroll for very large articles). */
  decorate(ed: vscode.TextEditor): void {
    const c = this.articles.get(ed.document);
    this.v.decorator.apply(ed, c?.effective());
    const entry = c?.entry ?? this.annotations.get(ed.document.uri.toString());
    this.v.annotationDecorator.apply(ed, entry?.set.placed);
    const st = c?.state;
    const key = ed.document.uri.toString();
    if (st && this.latency.get(key)?.version !== st.version) {
      const now = performance.now();
      this.latency.set(key, {
        version: st.version,
        analysisMs: st.ms,
        totalMs: now - st.requestedAt,
        sinceEditMs: st.editAt === undefined ? undefined : now - st.editAt,
      });
    }
  }

  render(): void {
    for (const ed of vscode.window.visibleTextEditors) this.decorate(ed);
    const editor = vscode.window.activeTextEditor;
    const c = editor ? this.articles.get(editor.document) : undefined;
    const a = c?.effective();
    const active = a && c ? { uri: c.uri, analysis: a } : undefined;
    this.v.sources.set(active);
    this.v.entities.set(active);
    if (this.treeDoc !== editor?.document) {
      this.treeDoc = editor?.document;
      void this.v.annotationsTree.set(c ? editor?.document : undefined);
    } else this.v.annotationsTree.refresh();
    void vscode.commands.executeCommand('setContext', 'newsmark.isArticle', !!c?.state);
    const hint = c?.state ? undefined : t('Open a news article (.txt or .md) to see its sources.');
    this.v.sourcesView.message = hint;
    this.v.entitiesView.message = hint;
    this.v.status.show(c?.state ? c : undefined);
  }
}
