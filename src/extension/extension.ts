/**
 * Newsmark's VS Code client. This file only wires: editor events go to the articles (one
 * controller per open article, a scheduler the only caller of the engine), their changes to the
 * renderer, and every command through one table (commands.ts).
 */
import * as vscode from 'vscode';
import { AnnotationCommands } from './annotationCommands';
import { AnnotationDecorator } from './annotationDecorator';
import { AnnotationStore } from './annotationStore';
import { AnnotationsTree } from './annotationsView';
import { Articles } from './articles';
import { BulkCommands } from './bulkCommands';
import { registerCommands } from './commands';
import { CompareMode } from './compareMode';
import { CorpusCommands } from './corpusCommands';
import { CorpusIndex } from './corpusIndex';
import { CorpusReportView } from './corpusReportView';
import { CorpusTree } from './corpusView';
import { Decorator, VISIBLE_ONLY_THRESHOLD } from './decorations';
import { applyDisplayLanguage } from './displayLanguage';
import { ARTICLE_DOCUMENTS, docLength, FILE_DOCUMENTS } from './documents';
import { EntitiesTree } from './entitiesView';
import { ExportCommands } from './exportCommands';
import { AnnotationHover, FindingHover } from './hovers';
import { activeBundle } from './i18n';
import { LearnedModels } from './learnedModel';
import { LearningCommands } from './learningCommands';
import { navigationCommands } from './navigationCommands';
import { Renderer, type Views } from './renderer';
import { ReviewMode } from './reviewMode';
import { registerSchemaProvider } from './schemaProvider';
import { watchSettings } from './settings';
import { SourcesTree } from './sourcesView';
import { StatusBar } from './statusBar';
import { type NewsmarkApi, testApi } from './testApi';

export type { NewsmarkApi } from './testApi';

function createViews(context: vscode.ExtensionContext, annotations: AnnotationStore): Views {
  const sources = new SourcesTree();
  const entities = new EntitiesTree();
  const annotationsTree = new AnnotationsTree(annotations);
  const tree = <T>(id: string, treeDataProvider: vscode.TreeDataProvider<T>) =>
    vscode.window.createTreeView(id, { treeDataProvider, showCollapseAll: true });
  const views: Views = {
    decorator: new Decorator(),
    annotationDecorator: new AnnotationDecorator(),
    sources,
    entities,
    annotationsTree,
    sourcesView: tree('newsmark.sources', sources) as vscode.TreeView<unknown>,
    entitiesView: tree('newsmark.entities', entities) as vscode.TreeView<unknown>,
    status: new StatusBar(),
  };
  const annotationsView = tree('newsmark.annotations', annotationsTree);
  context.subscriptions.push(
    views.decorator,
    views.annotationDecorator,
    views.sourcesView,
    views.entitiesView,
  );
  context.subscriptions.push(annotationsView, views.status);
  return views;
}

/** The workspace as a corpus: its index, the Workspace view and the report. */
function createCorpus(context: vscode.ExtensionContext) {
  const index = new CorpusIndex(context.extensionPath, context.storageUri);
  const report = new CorpusReportView(context.extensionUri, index, activeBundle);
  const tree = new CorpusTree(index);
  const view = vscode.window.createTreeView('newsmark.workspace', {
    treeDataProvider: tree,
    showCollapseAll: true,
  });
  // The index is built on first use: the Workspace view shown, the report or a search opened.
  const shown = view.onDidChangeVisibility((e) => {
    if (e.visible) void index.ensure();
  });
  return { index, report, tree, disposables: [index, report, view, shown] };
}

export function activate(context: vscode.ExtensionContext): NewsmarkApi {
  const log = vscode.window.createOutputChannel('Newsmark', { log: true });
  log.info(`display language: ${applyDisplayLanguage()} (VS Code: ${vscode.env.language})`);
  const annotations = new AnnotationStore();
  const models = new LearnedModels((m) => log.info(m));
  const articles = new Articles(context.extensionPath, annotations, models);
  const views = createViews(context, annotations);
  const renderer = new Renderer(articles, annotations, views);
  // Renders are coalesced: one keystroke shifts both the findings and the annotations.
  let renderQueued = false;
  const render = () => {
    if (renderQueued) return;
    renderQueued = true;
    queueMicrotask(() => {
      renderQueued = false;
      renderer.render();
    });
  };
  /** Every visible article gets its controller (analysed at once when new), then a render. */
  const showEditors = () => {
    for (const ed of vscode.window.visibleTextEditors) articles.open(ed.document);
    render();
  };
  const effective = (doc: vscode.TextDocument) => articles.open(doc)?.effective();
  let scrollTimer: NodeJS.Timeout | undefined;
  const review = new ReviewMode(annotations, effective);
  const compare = new CompareMode(annotations);
  const corpus = createCorpus(context);

  context.subscriptions.push(
    log,
    annotations,
    articles,
    review,
    compare,
    ...corpus.disposables,
    articles.onDidChange(render),
    annotations.onDidChange((uri) => {
      // Annotations of a document that is not an article (an orphan's sidecar) still show.
      if (!articles.get(uri)) render();
    }),
    vscode.window.onDidChangeActiveTextEditor(showEditors),
    vscode.window.onDidChangeVisibleTextEditors(showEditors),
    // Large articles are decorated around the visible lines: follow scrolling (throttled).
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      if (docLength(e.textEditor.document) <= VISIBLE_ONLY_THRESHOLD || scrollTimer) return;
      scrollTimer = setTimeout(() => {
        scrollTimer = undefined;
        renderer.decorate(e.textEditor);
      }, 60);
    }),
    watchSettings(() => {
      applyDisplayLanguage();
      articles.refreshAll();
      showEditors();
    }),
    vscode.languages.registerHoverProvider(ARTICLE_DOCUMENTS, new FindingHover(effective)),
    vscode.languages.registerHoverProvider(FILE_DOCUMENTS, new AnnotationHover(annotations)),
    ...registerCommands(
      {
        ...navigationCommands(articles, views.decorator, render),
        ...new AnnotationCommands(annotations, effective).table(),
        ...new BulkCommands(annotations, effective).table(),
        ...review.table(),
        ...compare.table(),
        ...new ExportCommands(annotations, articles).table(),
        ...new LearningCommands(context.extensionPath, articles, models).table(),
        ...new CorpusCommands(corpus.index, corpus.report).table(),
      },
      log,
    ),
  );
  registerSchemaProvider(context);
  showEditors();
  return testApi(articles, annotations, views, renderer, corpus);
}

export function deactivate(): void {}
