/**
 * Reading commands: analyse, toggles, the panel, stepping through attributions and entities, and
 * revealing a span (used by hover cards and the views).
 */
import * as vscode from 'vscode';
import type { Analysis } from '../core';
import type { Articles } from './articles';
import type { CommandTable } from './commands';
import type { Decorator } from './decorations';
import { msg, t } from './i18n';

export async function reveal(uri: string, start: number, end: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(doc, { preserveFocus: false });
  const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

type Spans = (a: Analysis) => { start: number; end: number }[];
const attributionAnchors: Spans = (a) => a.attributions.map((x) => x.cue[0]);
const mentionSpans: Spans = (a) => a.entities.flatMap((e) => e.mentions);

const NO_ATTRIBUTIONS = msg('Newsmark: this article has no attributions.');
const NO_ENTITIES = msg('Newsmark: this article has no entities.');

/** Moves to the next or previous span after the cursor, wrapping around; `none` says there are none. */
function step(articles: Articles, pick: Spans, dir: 1 | -1, none: string) {
  return async () => {
    const editor = vscode.window.activeTextEditor;
    const a = editor && articles.open(editor.document)?.effective();
    if (!editor || !a)
      return void vscode.window.showInformationMessage(t('Newsmark: open an article first.'));
    const spans = pick(a).sort((x, y) => x.start - y.start);
    if (!spans.length) return void vscode.window.showInformationMessage(t(none));
    const here = editor.document.offsetAt(editor.selection.active);
    const target =
      dir === 1
        ? (spans.find((s) => s.start > here) ?? spans[0])
        : ([...spans].reverse().find((s) => s.start < here) ?? spans[spans.length - 1]);
    await reveal(editor.document.uri.toString(), target.start, target.end);
  };
}

export function navigationCommands(
  articles: Articles,
  decorator: Decorator,
  rerender: () => void,
): CommandTable {
  return {
    'newsmark.analyze': () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor)
        return void vscode.window.showInformationMessage(t('Newsmark: open an article to analyse.'));
      if (!articles.isArticle(editor.document)) articles.toggle(editor.document);
      else articles.analyzeNow(editor.document);
    },
    'newsmark.toggleHighlights': () => {
      decorator.visible = !decorator.visible;
      rerender();
    },
    'newsmark.toggleForFile': () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const on = articles.toggle(editor.document);
      const name = vscode.workspace.asRelativePath(editor.document.uri);
      vscode.window.setStatusBarMessage(
        on ? t('Newsmark on for {0}', name) : t('Newsmark off for {0}', name),
        3000,
      );
      rerender();
    },
    'newsmark.showPanel': () => vscode.commands.executeCommand('workbench.view.extension.newsmark'),
    'newsmark.nextAttribution': step(articles, attributionAnchors, 1, NO_ATTRIBUTIONS),
    'newsmark.previousAttribution': step(articles, attributionAnchors, -1, NO_ATTRIBUTIONS),
    'newsmark.nextEntity': step(articles, mentionSpans, 1, NO_ENTITIES),
    'newsmark.previousEntity': step(articles, mentionSpans, -1, NO_ENTITIES),
    'newsmark.revealSpan': (uri: string, start: number, end: number) => reveal(uri, start, end),
    'newsmark.nextMention': async (uri: string, entityId: string, after?: number) => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const e = articles
        .open(doc)
        ?.effective()
        ?.entities.find((x) => x.id === entityId);
      if (!e) return;
      const editor = vscode.window.visibleTextEditors.find((x) => x.document === doc);
      const here = after ?? (editor ? doc.offsetAt(editor.selection.active) : -1);
      const m = e.mentions.find((x) => x.start > here) ?? e.mentions[0];
      await reveal(uri, m.start, m.end);
    },
  };
}
