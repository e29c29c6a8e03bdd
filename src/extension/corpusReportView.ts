/**
 * The corpus report in a webview: the page of core/corpus/page.ts with its bundled script
 * (dist/media/corpusReport.js), a nonce-only CSP, no remote content. The page asks the extension
 * to open a statement's place and to save exports (webviews cannot download).
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { corpusPageHtml, pageData, type StatementFilter, statementsMatching } from '../core';
import type { CorpusIndex } from './corpusIndex';
import { currentLanguage, t } from './i18n';
import { reveal } from './navigationCommands';

type PageMessage =
  | { type: 'open'; article: string; start: number; end: number }
  | { type: 'list'; title: string; filter: StatementFilter }
  | { type: 'save'; name: string; data: string; base64: boolean };

export class CorpusReportView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly index: CorpusIndex,
    private readonly strings: () => Record<string, string>,
  ) {
    this.disposables.push(index.onDidChange(() => this.render()));
  }

  /** Opens (or shows) the report; the time it took to build the page, in ms. */
  async open(): Promise<number | undefined> {
    if (!(await this.index.ensure())) return undefined;
    const t0 = performance.now();
    if (!this.panel) {
      const media = vscode.Uri.joinPath(this.extensionUri, 'dist', 'media');
      this.panel = vscode.window.createWebviewPanel(
        'newsmark.corpusReport',
        t('Newsmark: Corpus Report'),
        vscode.ViewColumn.Active,
        { enableScripts: true, localResourceRoots: [media], retainContextWhenHidden: false },
      );
      this.panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'newsmark.svg');
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
      this.panel.webview.onDidReceiveMessage((m: PageMessage) => void this.onMessage(m));
    }
    this.render();
    this.panel.reveal();
    return performance.now() - t0;
  }

  get isOpen(): boolean {
    return !!this.panel;
  }

  /** The page's HTML (tests read it). */
  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  private render(): void {
    const panel = this.panel;
    if (!panel || !this.index.ready) return;
    const webview = panel.webview;
    const media = vscode.Uri.joinPath(this.extensionUri, 'dist', 'media');
    webview.html = corpusPageHtml(pageData(this.index.report()), {
      script: { src: webview.asWebviewUri(vscode.Uri.joinPath(media, 'corpusReport.js')).toString() },
      style: { href: webview.asWebviewUri(vscode.Uri.joinPath(media, 'corpusReport.css')).toString() },
      nonce: crypto.randomBytes(16).toString('base64'),
      cspSource: webview.cspSource,
      strings: this.strings(),
      lang: currentLanguage(),
    });
  }

  private async onMessage(m: PageMessage): Promise<void> {
    if (m?.type === 'list' && m.filter && typeof m.filter === 'object') {
      const r = this.index.report();
      const found = statementsMatching(r, r.statementList ?? [], m.filter);
      void this.panel?.webview.postMessage({ type: 'statements', title: String(m.title ?? ''), ...found });
      return;
    }
    if (m?.type === 'open' && typeof m.article === 'string') {
      const file = this.index.fileOf(m.article);
      if (file && fs.existsSync(file))
        await reveal(vscode.Uri.file(file).toString(), Number(m.start), Number(m.end));
      return;
    }
    if (m?.type === 'save' && typeof m.name === 'string' && typeof m.data === 'string') {
      const name = path.basename(m.name).replace(/[^\w.-]/g, '_');
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const target = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        title: t('Newsmark: save {0}', name),
      });
      if (!target) return;
      const bytes = m.base64 ? Buffer.from(m.data, 'base64') : Buffer.from(m.data, 'utf8');
      await vscode.workspace.fs.writeFile(target, bytes);
      vscode.window.setStatusBarMessage(
        t('Newsmark: saved {0}', vscode.workspace.asRelativePath(target)),
        4000,
      );
    }
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
