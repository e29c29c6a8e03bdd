/**
 * Review mode: the article's findings (entity mentions and attribution cues without a verdict yet)
 * in reading order, one at a time, selected and framed; single keys decide (bound only while the
 * `newsmark.reviewing` context is set, so they never take keys outside a review). Each decision
 * is the same command as from a hover — one sidecar write — and U takes the last one back.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../core';
import type { FindingTarget } from './annotationCommands';
import type { AnnotationStore } from './annotationStore';
import type { CommandTable } from './commands';
import { msg, t } from './i18n';

type Decision = 'accept' | 'reject' | 'retype' | 'note' | 'skip';

export interface ReviewState {
  index: number;
  total: number;
  done: boolean;
  counts: Record<Decision, number>;
}

interface Session {
  doc: vscode.TextDocument;
  version: number;
  items: FindingTarget[];
  index: number;
  history: { index: number; decision: Decision }[];
  counts: Record<Decision, number>;
}

const KEYS = msg('A accept · X reject · T type · N note · Space skip · U undo · Esc stop');

/** The findings to review: mentions and cues without a verdict on their span, in reading order. */
export function reviewItems(
  uri: string,
  a: Analysis,
  decided: (s: number, e: number) => boolean,
): FindingTarget[] {
  const items: FindingTarget[] = [];
  for (const e of a.entities)
    for (const m of e.mentions) items.push({ uri, start: m.start, end: m.end, kind: 'entity', type: e.type });
  for (const att of a.attributions)
    for (const c of att.cue)
      items.push({ uri, start: c.start, end: c.end, kind: 'attribution', type: 'cue' });
  return items.filter((t) => !decided(t.start, t.end)).sort((x, y) => x.start - y.start || x.end - y.end);
}

export class ReviewMode implements vscode.Disposable {
  private session: Session | undefined;
  private readonly item = vscode.window.createStatusBarItem(
    'newsmark.review',
    vscode.StatusBarAlignment.Left,
    101,
  );
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly store: AnnotationStore,
    private readonly analysisFor: (doc: vscode.TextDocument) => Analysis | undefined,
  ) {
    this.item.name = t('Newsmark review');
    this.item.command = 'newsmark.review.stop';
    this.disposables.push(
      this.item,
      // Typing in the article or leaving it ends the review: its positions would no longer hold.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.session && e.document === this.session.doc && e.contentChanges.length)
          this.stop(t('the text changed'));
      }),
      vscode.window.onDidChangeActiveTextEditor((ed) => {
        if (this.session && ed?.document !== this.session.doc) this.stop();
      }),
    );
  }

  table(): CommandTable {
    return {
      'newsmark.startReview': () => this.start(),
      'newsmark.review.accept': () => this.decide('accept', 'newsmark.confirmFinding'),
      'newsmark.review.reject': () => this.decide('reject', 'newsmark.rejectFinding'),
      'newsmark.review.retype': () => this.decide('retype', 'newsmark.changeFindingType'),
      'newsmark.review.note': () => this.decide('note', 'newsmark.noteOnFinding'),
      'newsmark.review.skip': () => this.decide('skip'),
      'newsmark.review.undo': () => this.undo(),
      'newsmark.review.stop': () => this.stop(),
    };
  }

  private state(): ReviewState | undefined {
    const s = this.session;
    return (
      s && { index: s.index, total: s.items.length, done: s.index >= s.items.length, counts: { ...s.counts } }
    );
  }

  private decided(doc: vscode.TextDocument): (s: number, e: number) => boolean {
    const placed = this.store.open(doc)?.set.placed ?? [];
    return (s, e) => placed.some((p) => p.annotation.finding && p.at.start === s && p.at.end === e);
  }

  private async start(): Promise<ReviewState | undefined> {
    const ed = vscode.window.activeTextEditor;
    const a = ed && this.analysisFor(ed.document);
    if (!ed || !a) {
      void vscode.window.showInformationMessage(t('Newsmark: open an article to review it.'));
      return undefined;
    }
    const items = reviewItems(ed.document.uri.toString(), a, this.decided(ed.document));
    if (!items.length) {
      void vscode.window.showInformationMessage(
        t('Newsmark: every finding in this article has a verdict already.'),
      );
      return undefined;
    }
    const counts = { accept: 0, reject: 0, retype: 0, note: 0, skip: 0 };
    this.session = { doc: ed.document, version: ed.document.version, items, index: 0, history: [], counts };
    await vscode.commands.executeCommand('setContext', 'newsmark.reviewing', true);
    this.show();
    return this.state();
  }

  /** Frames the current finding and updates the status bar. */
  private show(): void {
    const s = this.session;
    if (!s) return;
    const item = s.items[s.index];
    const ed = vscode.window.activeTextEditor;
    if (item && ed?.document === s.doc) {
      const range = new vscode.Range(s.doc.positionAt(item.start), s.doc.positionAt(item.end));
      ed.selection = new vscode.Selection(range.start, range.end);
      ed.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    this.item.text = `$(checklist) ${t('Review {0}/{1}', Math.min(s.index + 1, s.items.length), s.items.length)} · ${t(KEYS)}`;
    this.item.tooltip = t('Newsmark review: click to stop');
    this.item.show();
  }

  private async decide(decision: Decision, command?: string): Promise<ReviewState | undefined> {
    const s = this.session;
    const item = s?.items[s.index];
    if (!s || !item) return this.state();
    if (command) {
      await vscode.commands.executeCommand(command, item);
      // A retype or note the user cancelled leaves no verdict: stay on the finding.
      if ((decision === 'retype' || decision === 'note') && !this.decided(s.doc)(item.start, item.end))
        return this.state();
    }
    s.history.push({ index: s.index, decision });
    s.counts[decision]++;
    s.index++;
    if (s.index >= s.items.length) return this.finish();
    this.show();
    return this.state();
  }

  private async undo(): Promise<ReviewState | undefined> {
    const s = this.session;
    const last = s?.history.pop();
    if (!s || !last) return this.state();
    if (last.decision !== 'skip') await vscode.commands.executeCommand('newsmark.undoAnnotation');
    s.counts[last.decision]--;
    s.index = last.index;
    this.show();
    return this.state();
  }

  private finish(): ReviewState | undefined {
    const s = this.session;
    const state = this.state();
    if (!s) return state;
    this.stop();
    const c = s.counts;
    void vscode.window
      .showInformationMessage(
        t(
          'Newsmark: review done — {0} accepted, {1} rejected, {2} retyped, {3} noted, {4} skipped.',
          c.accept,
          c.reject,
          c.retype,
          c.note,
          c.skip,
        ),
        t('Mark Article as Reviewed'),
      )
      .then((go) => {
        if (go) void vscode.commands.executeCommand('newsmark.markReviewed', s.doc.uri.toString());
      });
    return state;
  }

  private stop(reason?: string): void {
    if (!this.session) return;
    this.session = undefined;
    this.item.hide();
    void vscode.commands.executeCommand('setContext', 'newsmark.reviewing', false);
    if (reason) vscode.window.setStatusBarMessage(t('Newsmark: review stopped ({0})', reason), 5000);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
