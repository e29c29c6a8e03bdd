/** The status-bar item: the active article's counts; a click opens the Sources panel. */
import * as vscode from 'vscode';
import type { ArticleController } from './articleController';
import { t, tn } from './i18n';

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
    const counts = [
      tn(a.entities.length, '{0} entity|{0} entities'),
      tn(a.attributions.length, '{0} attribution|{0} attributions'),
      tn(a.sources.length, '{0} source|{0} sources'),
    ];
    this.item.text = `$(megaphone) ${counts.join(' · ')}${anon ? ` · $(warning) ${t('{0} anonymous', anon)}` : ''}${mine ? ` · $(tag) ${mine}` : ''}${reviewed ? ` · $(check-all) ${t('reviewed')}` : ''}`;
    this.item.tooltip = [
      t('Newsmark ({0}): {1} words, {2} sentences.', a.language, a.stats.words, a.stats.sentences),
      tn(mine, '{0} annotation of yours.|{0} annotations of yours.'),
      t('Analysed in {0} ms.', state.ms.toFixed(0)),
      reviewed ? t('Reviewed by {0} on {1}.', reviewed.by, reviewed.at.slice(0, 10)) : '',
      t('Click to open the Sources panel.'),
    ]
      .filter(Boolean)
      .join(' ');
    this.item.show();
    this.shown = true;
  }

  dispose(): void {
    this.item.dispose();
  }
}
