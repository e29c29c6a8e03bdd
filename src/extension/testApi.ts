/** What the tests read from the running extension (never pixels). */
import * as vscode from 'vscode';
import type { Analysis, Annotation, CorpusReport } from '../core';
import type { AnnotationStore } from './annotationStore';
import type { AnnotationsTree } from './annotationsView';
import type { Articles } from './articles';
import type { CorpusIndex } from './corpusIndex';
import type { CorpusReportView } from './corpusReportView';
import type { CorpusNode, CorpusTree } from './corpusView';
import type { Layer } from './decorations';
import type { EntitiesTree } from './entitiesView';
import type { Latency, Renderer, Views } from './renderer';
import type { SourcesTree } from './sourcesView';

export interface NewsmarkApi {
  /** The analysis with the user's verdicts applied, as shown. */
  analysisFor(uri: vscode.Uri): Analysis | undefined;
  decorationsFor(uri: vscode.Uri): Record<Layer, vscode.Range[]> | undefined;
  statusText(): string;
  /** The corpus index's report (undefined before it is built), its last one-article update, the report page. */
  corpusReport(): CorpusReport | undefined;
  corpusLastUpdateMs(): number | undefined;
  corpusReportHtml(): string | undefined;
  /** The Workspace view's rows under a path of labels ([] = the top), as "label — description". */
  corpusTreeRows(path: string[]): string[];
  /** The Annotations view's top rows as shown: "label — description". */
  annotationsViewRows(): string[];
  sources: SourcesTree;
  entities: EntitiesTree;
  annotationsTree: AnnotationsTree;
  /** The user's annotations of an open article, placed (at) or orphaned (at null). */
  annotationsFor(uri: vscode.Uri): { annotation: Annotation; at: { start: number; end: number } | null }[];
  annotationDecorationsFor(uri: vscode.Uri): { label: string; range: vscode.Range }[] | undefined;
  sidecarPathFor(uri: vscode.Uri): string;
  /** Resolves when the document's analysis is current (after the debounce). */
  whenAnalyzed(uri: vscode.Uri, version?: number): Promise<Analysis>;
  lastAnalysisMs(uri: vscode.Uri): number | undefined;
  /** The last update of an article: from the end of the debounce, and from the last keystroke. */
  lastLatency(uri: vscode.Uri): Latency | undefined;
  /** The document versions whose analysis has started (the last 50). */
  analysisStarts(uri: vscode.Uri): number[];
}

const openDoc = (uri: vscode.Uri | string) => {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
};

export function testApi(
  articles: Articles,
  annotations: AnnotationStore,
  views: Views,
  renderer: Renderer,
  corpus: { index: CorpusIndex; report: CorpusReportView; tree: CorpusTree },
): NewsmarkApi {
  const waiters: { uri: string; version?: number; resolve: (a: Analysis) => void }[] = [];
  // Versions are compared without reading the findings (which would shift them through edits).
  articles.onDidChange((uri) => {
    const c = articles.get(uri);
    const version = c?.analysedVersion;
    if (!c || version === undefined) return;
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i];
      if (w.uri !== uri || (w.version !== undefined && version < w.version)) continue;
      waiters.splice(i, 1);
      w.resolve(c.state!.analysis);
    }
  });
  return {
    analysisFor: (uri) => {
      const doc = openDoc(uri);
      return doc && articles.open(doc)?.effective();
    },
    decorationsFor: (uri) => views.decorator.applied.get(uri.toString()),
    statusText: () => views.status.text,
    corpusReport: () => (corpus.index.ready ? corpus.index.report() : undefined),
    corpusLastUpdateMs: () => corpus.index.lastUpdateMs,
    corpusReportHtml: () => corpus.report.html,
    corpusTreeRows: (labels) => {
      const label = (n: CorpusNode) => {
        const item = corpus.tree.getTreeItem(n);
        return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      };
      let nodes = corpus.tree.getChildren();
      for (const l of labels) {
        const hit = nodes.find((n) => label(n) === l);
        nodes = hit ? corpus.tree.getChildren(hit) : [];
      }
      return nodes.map((n) => {
        const item = corpus.tree.getTreeItem(n);
        return item.description ? `${label(n)} — ${item.description}` : label(n);
      });
    },
    annotationsViewRows: () =>
      views.annotationsTree.getChildren().map((n) => {
        const item = views.annotationsTree.getTreeItem(n);
        const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
        return item.description ? `${label} — ${item.description}` : label;
      }),
    sources: views.sources,
    entities: views.entities,
    annotationsTree: views.annotationsTree,
    annotationsFor: (uri) => {
      const doc = openDoc(uri);
      const e = doc && annotations.open(doc);
      return e ? e.set.all.map((p) => ({ annotation: p.annotation, at: p.at })) : [];
    },
    annotationDecorationsFor: (uri) => views.annotationDecorator.applied.get(uri.toString()),
    sidecarPathFor: (uri) => annotations.sidecarPathOf(uri),
    whenAnalyzed: (uri, version) =>
      new Promise((resolve) => {
        const c = articles.get(uri.toString());
        const v = c?.analysedVersion;
        if (c && v !== undefined && (version === undefined || v >= version))
          return resolve(c.state!.analysis);
        waiters.push({ uri: uri.toString(), version, resolve });
      }),
    lastLatency: (uri) => renderer.latency.get(uri.toString()),
    lastAnalysisMs: (uri) => articles.get(uri.toString())?.state?.ms,
    analysisStarts: (uri) => [...(articles.scheduler.started.get(uri.toString()) ?? [])],
  };
}
