/**
 * Learning from the user's reviews: "Train on Reviewed Articles" trains the workspace's entity
 * and attribution models in a worker (cancellable progress, the measured scores reported, open articles analysed
 * again with it), and "Next Article to Review" opens the unreviewed article the model is
 * least sure of, where a review teaches it most.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { Articles } from './articles';
import type { CommandTable } from './commands';
import { t, tn } from './i18n';
import type { LearnedModels } from './learnedModel';
import { modelFileOf } from './learnedModel';
import type { LearnJob, LearnReply, RankedArticle, TrainReport } from './learnProtocol';
import { settings, sidecarLocation } from './settings';
import { articleFiles, workspaceFolder } from './workspaceArticles';

export interface LearnArgs {
  /** Training epochs (scripts and tests; the default suits a workspace of articles). */
  epochs?: number;
  /** Train without measuring first (seconds, not minutes); asked in a quick pick when not given. */
  quick?: boolean;
}

const f3 = (x: number) => x.toFixed(3);

function trainedMessage(r: TrainReport): string {
  const s = r.seconds < 10 ? r.seconds.toFixed(1) : r.seconds.toFixed(0);
  let text = t('Newsmark learned from {0} articles ({1} entity spans) in {2} s.', r.documents, r.spans, s);
  if (r.scores)
    text += ` ${t('Measured on articles held out from it: learned {0}, rules alone {1} (F1).', f3(r.scores.model), f3(r.scores.rules))}`;
  const a = r.attribution;
  if (a?.scores) {
    const { model: m, rules: x } = a.scores;
    text += ` ${t('Attributions ({0}): cue {1}, source {2}, content {3}; rules alone {4}, {5}, {6} (F1).', a.attributions, f3(m.cue), f3(m.source), f3(m.content), f3(x.cue), f3(x.source), f3(x.content))}`;
  } else if (a)
    text += ` ${tn(a.attributions, 'It learned from {0} attribution too.|It learned from {0} attributions too.')}`;
  if (!r.scores) text += ` ${t('Not measured: trained quickly.')}`;
  return text;
}

/** Measure first (cross-validated: minutes) or just train (seconds); undefined when dismissed. */
async function askQuick(): Promise<boolean | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      {
        label: t('Train and measure'),
        detail: t(
          'Cross-validated against the rules on your articles first, then trained on all of them (minutes).',
        ),
        quick: false,
      },
      {
        label: t('Train quickly'),
        detail: t('Trained on all reviewed articles without measuring it first (seconds).'),
        quick: true,
      },
    ],
    { title: t('Newsmark: Train on Reviewed Articles') },
  );
  return picked?.quick;
}

export class LearningCommands {
  constructor(
    private readonly extensionPath: string,
    private readonly articles: Articles,
    private readonly models: LearnedModels,
  ) {}

  table(): CommandTable {
    return {
      'newsmark.trainOnReviewed': (args?: LearnArgs) => this.learn(args),
      'newsmark.nextToReview': () => this.nextToReview(),
    };
  }

  /** Runs one job in a fresh worker, with a cancellable notification; undefined when cancelled. */
  private run(title: string, job: LearnJob): Promise<LearnReply | undefined> {
    const opts = { location: vscode.ProgressLocation.Notification, title, cancellable: true };
    return Promise.resolve(
      vscode.window.withProgress(opts, (progress, token) => {
        const worker = new Worker(path.join(this.extensionPath, 'dist', 'learnWorker.js'));
        return new Promise<LearnReply | undefined>((resolve) => {
          const finish = (r: LearnReply | undefined) => {
            void worker.terminate();
            resolve(r);
          };
          token.onCancellationRequested(() => finish(undefined));
          worker.on('error', (e) => finish({ kind: 'error', error: e.message }));
          worker.on('message', (m: LearnReply) => {
            if (m.kind !== 'progress') return finish(m);
            progress.report({ message: t(m.message, ...(m.args ?? [])), increment: (m.fraction ?? 0) * 100 });
          });
          worker.postMessage(job);
        });
      }),
    );
  }

  private async job(kind: LearnJob['job'], epochs?: number, quick?: boolean): Promise<LearnJob | undefined> {
    const found = workspaceFolder();
    const folder = found?.uri.scheme === 'file' ? found : undefined;
    if (!folder) {
      void vscode.window.showInformationMessage(t('Newsmark: open a folder of articles to learn from.'));
      return undefined;
    }
    return {
      job: kind,
      files: await articleFiles(folder),
      location: sidecarLocation(folder.uri),
      modelFiles: {
        ner: modelFileOf(folder.uri.fsPath, 'ner'),
        attribution: modelFileOf(folder.uri.fsPath, 'attribution'),
      },
      epochs,
      quick,
    };
  }

  private async learn(args?: LearnArgs): Promise<TrainReport | undefined> {
    const quick = args?.quick ?? (await askQuick());
    if (quick === undefined) return undefined;
    const job = await this.job('train', args?.epochs, quick);
    if (!job) return undefined;
    const reply = await this.run(t('Newsmark: learning from reviewed articles'), job);
    if (!reply) {
      void vscode.window.showInformationMessage(t('Newsmark: learning cancelled; the model is unchanged.'));
      return undefined;
    }
    if (reply.kind === 'error')
      throw new Error(t('learning failed, the model is unchanged: {0}', reply.error));
    if (reply.kind === 'tooFew') {
      void vscode.window.showInformationMessage(
        t(
          'Newsmark needs at least {0} reviewed or annotated articles to learn from; this folder has {1}. Check an article’s findings, then run "Newsmark: Mark Article as Reviewed".',
          reply.needed,
          reply.documents,
        ),
      );
      return undefined;
    }
    if (reply.kind !== 'trained') return undefined;
    this.models.reset();
    this.articles.refreshAll();
    const off = settings().model === 'off';
    void vscode.window.showInformationMessage(
      trainedMessage(reply.report) +
        (off ? ` ${t('The newsmark.model setting is off: turn it to auto to use the model.')}` : ''),
    );
    return reply.report;
  }

  private async nextToReview(): Promise<RankedArticle | undefined> {
    const job = await this.job('rank');
    if (!job) return undefined;
    const reply = await this.run(t('Newsmark: finding the next article to review'), job);
    if (!reply) return undefined;
    if (reply.kind === 'error') throw new Error(reply.error);
    if (reply.kind !== 'ranked') return undefined;
    const current = vscode.window.activeTextEditor?.document.uri.fsPath;
    const next = reply.articles.find((a) => a.file !== current);
    if (!next) {
      void vscode.window.showInformationMessage(t('Newsmark: every article in this folder is reviewed.'));
      return undefined;
    }
    await vscode.window.showTextDocument(vscode.Uri.file(next.file));
    const left = reply.articles.length;
    vscode.window.setStatusBarMessage(
      tn(left, 'Newsmark: {0} article to review|Newsmark: {0} articles to review') +
        (next.confidence !== undefined
          ? t('; the model is {0} % sure of this one', Math.round(next.confidence * 100))
          : ''),
      6000,
    );
    return next;
  }
}
