/** The status-bar item: the active article's counts; a click opens the Sources panel. */
import * as vscode from 'vscode';
import type { ArticleController } from './articleController';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'newsmark.status',
    vscode.StatusBarAlignment.Left,
    100,
  );
  private shown = false;

  constructor() {
    this.item.name = 'Newsmark';
    this.item.command = 'newsmark.showPanel';
  }

  /** The text shown now ('' when hidden), for the tests. */
  get text(): string {
    return this.shown ? this.item.text : '';
  }

  show(article: ArticleController | undefined): void {
    const a = article?.effective();
    const state = article?.state;
    if (!article || !a || !state) {
      this.item.hide();
      this.shown = false;
      return;
    }
    const anon = a.sources.filter((s) => s.anonymous).length;
    const mine = article.entry?.set.placed.length ?? 0;
    const reviewed = article.entry?.set.reviewed;
    this.item.text = `$(megaphone) ${a.entities.length} entities · ${a.attributions.length} attributions · ${a.sources.length} sources${anon ? ` · $(warning) ${anon} anonymous` : ''}${mine ? ` · $(tag) ${mine}` : ''}${reviewed ? ' · $(check-all) reviewed' : ''}`;
    this.item.tooltip = `Newsmark (${a.language}): ${a.stats.words} words, ${a.stats.sentences} sentences; ${mine} annotation${mine === 1 ? '' : 's'} of yours. Analysed in ${state.ms.toFixed(0)} ms.${reviewed ? ` Reviewed by ${reviewed.by} on ${reviewed.at.slice(0, 10)}.` : ''} Click to open the Sources panel.`;
    this.item.show();
    this.shown = true;
  }

  dispose(): void {
    this.item.dispose();
  }
}
