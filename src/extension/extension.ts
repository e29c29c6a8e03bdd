/**
 * Newsmark's VS Code client: a thin adapter from editor events to the engine (src/core) and
 * from its results to decorations, hovers, the panel's views, the status bar and commands.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { applyVerdicts } from '../core/annotations/annotationSet';
import type { Annotation } from '../core/annotations/model';
import type { Analysis } from '../core/types';
import { registerAnnotationCommands } from './annotationCommands';
import { AnnotationStore } from './annotationStore';
import { AnnotationDecorator, AnnotationHover, AnnotationsTree } from './annotationViews';
import { ArticleStore } from './articles';
import { Decorator, type Layer, VISIBLE_ONLY_THRESHOLD } from './decorations';
import { docLength } from './documents';
import { registerExportCommands } from './exportCommands';
import { HoverProvider } from './hover';
import { registerSchemaProvider } from './schemaProvider';
import { EntitiesTree, SourcesTree } from './views';

/** What tests read from the running extension (never pixels). */
export interface NewsmarkApi {
  /** The analysis with the user's verdicts applied, as shown. */
  analysisFor(uri: vscode.Uri): Analysis | undefined;
  decorationsFor(uri: vscode.Uri): Record<Layer, vscode.Range[]> | undefined;
  statusText(): string;
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
  /** The last update of an article: from the end of the debounce to decorations on screen. */
  lastLatency(uri: vscode.Uri): { version: number; analysisMs: number; totalMs: number } | undefined;
}

const openDoc = (uri: vscode.Uri | string) => {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
};

export function activate(context: vscode.ExtensionContext): NewsmarkApi {
  const annotations = new AnnotationStore();
  const store = new ArticleStore(
    context.extensionPath,
    (doc) => doc.uri.scheme === 'file' && fs.existsSync(annotations.sidecarPathOf(doc.uri)),
  );
  const decorator = new Decorator();
  const annotationDecorator = new AnnotationDecorator();
  const sources = new SourcesTree();
  const entities = new EntitiesTree();
  const annotationsTree = new AnnotationsTree(annotations);
  const status = vscode.window.createStatusBarItem('newsmark.status', vscode.StatusBarAlignment.Left, 100);
  status.name = 'Newsmark';
  status.command = 'newsmark.showPanel';
  context.subscriptions.push(store, annotations, decorator, annotationDecorator, status);

  /** The engine's analysis with the user's verdicts applied (rejected findings hidden). */
  const effective = (doc: vscode.TextDocument): Analysis | undefined => {
    const state = store.ensure(doc);
    return state && applyVerdicts(state.analysis, annotations.entry(doc)?.set);
  };

  const sourcesView = vscode.window.createTreeView('newsmark.sources', {
    treeDataProvider: sources,
    showCollapseAll: true,
  });
  const entitiesView = vscode.window.createTreeView('newsmark.entities', {
    treeDataProvider: entities,
    showCollapseAll: true,
  });
  const annotationsView = vscode.window.createTreeView('newsmark.annotations', {
    treeDataProvider: annotationsTree,
    showCollapseAll: true,
  });
  context.subscriptions.push(sourcesView, entitiesView, annotationsView);

  let statusShown = false;
  let scrollTimer: NodeJS.Timeout | undefined;
  const latency = new Map<string, { version: number; analysisMs: number; totalMs: number }>();
  let treeDoc: vscode.TextDocument | undefined;
  const render = () => {
    const editor = vscode.window.activeTextEditor;
    for (const ed of vscode.window.visibleTextEditors) {
      const article = store.isArticle(ed.document);
      const cached = article ? store.get(ed.document)?.analysis : undefined;
      const entry =
        article || annotations.get(ed.document.uri.toString()) ? annotations.entry(ed.document) : undefined;
      decorator.apply(ed, cached && applyVerdicts(cached, entry?.set));
      annotationDecorator.apply(ed, entry?.set.placed);
      const st = article ? store.get(ed.document) : undefined;
      const key = ed.document.uri.toString();
      if (st && latency.get(key)?.version !== st.version)
        latency.set(key, {
          version: st.version,
          analysisMs: st.ms,
          totalMs: performance.now() - st.requestedAt,
        });
    }
    const state = editor ? store.ensure(editor.document) : undefined;
    const a =
      editor && state ? applyVerdicts(state.analysis, annotations.entry(editor.document)?.set) : undefined;
    const active = a && editor ? { uri: editor.document.uri.toString(), analysis: a } : undefined;
    sources.set(active);
    entities.set(active);
    if (treeDoc !== editor?.document) {
      treeDoc = editor?.document;
      void annotationsTree.set(state ? editor?.document : undefined);
    } else annotationsTree.refresh();
    void vscode.commands.executeCommand('setContext', 'newsmark.isArticle', !!state);
    const msg = state ? undefined : 'Open a news article (.txt or .md) to see its sources.';
    sourcesView.message = msg;
    entitiesView.message = msg;
    if (state && a) {
      const anon = a.sources.filter((s) => s.anonymous).length;
      const mine = annotations.entry(editor!.document)?.set.placed.length ?? 0;
      status.text = `$(megaphone) ${a.entities.length} entities · ${a.attributions.length} attributions · ${a.sources.length} sources${anon ? ` · $(warning) ${anon} anonymous` : ''}${mine ? ` · $(tag) ${mine}` : ''}`;
      status.tooltip = `Newsmark (${a.language}): ${a.stats.words} words, ${a.stats.sentences} sentences; ${mine} annotation${mine === 1 ? '' : 's'} of yours. Analysed in ${state.ms.toFixed(0)} ms. Click to open the Sources panel.`;
      status.show();
      statusShown = true;
    } else {
      status.hide();
      statusShown = false;
    }
  };

  const waiters: { uri: string; version?: number; resolve: (a: Analysis) => void }[] = [];
  context.subscriptions.push(
    store.onDidChange((s) => {
      if ('analysis' in s) {
        for (let i = waiters.length - 1; i >= 0; i--) {
          const w = waiters[i];
          if (w.uri === s.uri && (w.version === undefined || s.version >= w.version)) {
            waiters.splice(i, 1);
            w.resolve(s.analysis);
          }
        }
      }
      render();
    }),
    annotations.onDidChange(() => render()),
    vscode.window.onDidChangeActiveTextEditor(render),
    vscode.window.onDidChangeVisibleTextEditors(render),
    // Large articles are decorated around the visible lines: follow scrolling (throttled).
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      if (docLength(e.textEditor.document) <= VISIBLE_ONLY_THRESHOLD || scrollTimer) return;
      scrollTimer = setTimeout(() => {
        scrollTimer = undefined;
        const cached = store.get(e.textEditor.document)?.analysis;
        decorator.apply(
          e.textEditor,
          cached && applyVerdicts(cached, annotations.get(e.textEditor.document.uri.toString())?.set),
        );
      }, 60);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('newsmark')) {
        store.refreshAll();
        render();
      }
    }),
    vscode.languages.registerHoverProvider(
      [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }],
      new HoverProvider(effective),
    ),
    vscode.languages.registerHoverProvider(
      [{ scheme: 'file' }, { scheme: 'vscode-remote' }],
      new AnnotationHover(annotations),
    ),
  );
  registerSchemaProvider(context);
  registerAnnotationCommands(context, annotations, effective);
  registerExportCommands(context, annotations);

  const docFor = async (uri: string) => vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const reveal = async (uri: string, start: number, end: number) => {
    const doc = await docFor(uri);
    const editor = await vscode.window.showTextDocument(doc, { preserveFocus: false });
    const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };
  /** Moves to the next or previous span after the cursor, wrapping around. */
  const step =
    (pick: (a: Analysis) => { start: number; end: number }[], dir: 1 | -1, what: string) => async () => {
      const editor = vscode.window.activeTextEditor;
      const a = editor && effective(editor.document);
      if (!editor || !a) return void vscode.window.showInformationMessage('Newsmark: open an article first.');
      const spans = pick(a).sort((x, y) => x.start - y.start);
      if (!spans.length)
        return void vscode.window.showInformationMessage(`Newsmark: this article has no ${what}.`);
      const here = editor.document.offsetAt(editor.selection.active);
      const target =
        dir === 1
          ? (spans.find((s) => s.start > here) ?? spans[0])
          : ([...spans].reverse().find((s) => s.start < here) ?? spans[spans.length - 1]);
      await reveal(editor.document.uri.toString(), target.start, target.end);
    };
  const attributionAnchors = (a: Analysis) => a.attributions.map((x) => x.cue[0]);
  const mentionSpans = (a: Analysis) => a.entities.flatMap((e) => e.mentions);

  const register = (id: string, fn: (...args: never[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  register('newsmark.analyze', () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return void vscode.window.showInformationMessage('Newsmark: open an article to analyse.');
    if (!store.isArticle(editor.document)) store.toggle(editor.document);
    else store.analyzeNow(editor.document);
    render();
  });
  register('newsmark.toggleHighlights', () => {
    decorator.visible = !decorator.visible;
    render();
  });
  register('newsmark.toggleForFile', () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const on = store.toggle(editor.document);
    vscode.window.setStatusBarMessage(
      `Newsmark ${on ? 'on' : 'off'} for ${vscode.workspace.asRelativePath(editor.document.uri)}`,
      3000,
    );
    render();
  });
  register('newsmark.showPanel', () => vscode.commands.executeCommand('workbench.view.extension.newsmark'));
  register('newsmark.nextAttribution', step(attributionAnchors, 1, 'attributions'));
  register('newsmark.previousAttribution', step(attributionAnchors, -1, 'attributions'));
  register('newsmark.nextEntity', step(mentionSpans, 1, 'entities'));
  register('newsmark.previousEntity', step(mentionSpans, -1, 'entities'));
  register('newsmark.revealSpan', (uri: string, start: number, end: number) => reveal(uri, start, end));
  register('newsmark.nextMention', async (uri: string, entityId: string, after?: number) => {
    const doc = await docFor(uri);
    const e = effective(doc)?.entities.find((x) => x.id === entityId);
    if (!e) return;
    const editor = vscode.window.visibleTextEditors.find((x) => x.document === doc);
    const here = after ?? (editor ? doc.offsetAt(editor.selection.active) : -1);
    const m = e.mentions.find((x) => x.start > here) ?? e.mentions[0];
    await reveal(uri, m.start, m.end);
  });

  render();

  return {
    analysisFor: (uri) => {
      const doc = openDoc(uri);
      return doc && effective(doc);
    },
    decorationsFor: (uri) => decorator.applied.get(uri.toString()),
    statusText: () => (statusShown ? status.text : ''),
    sources,
    entities,
    annotationsTree,
    annotationsFor: (uri) => {
      const doc = openDoc(uri);
      const e = doc && annotations.entry(doc);
      return e ? e.set.all.map((p) => ({ annotation: p.annotation, at: p.at })) : [];
    },
    annotationDecorationsFor: (uri) => annotationDecorator.applied.get(uri.toString()),
    sidecarPathFor: (uri) => annotations.sidecarPathOf(uri),
    whenAnalyzed: (uri, version) =>
      new Promise((resolve) => {
        const doc = openDoc(uri);
        const s = doc && store.get(doc);
        if (s && (version === undefined || s.version >= version)) return resolve(s.analysis);
        waiters.push({ uri: uri.toString(), version, resolve });
      }),
    lastLatency: (uri) => latency.get(uri.toString()),
    lastAnalysisMs: (uri) => {
      const doc = openDoc(uri);
      return doc ? store.get(doc)?.ms : undefined;
    },
  };
}

export function deactivate(): void {}
