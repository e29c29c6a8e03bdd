/** Hover providers: thin adapters from a position to the cards of cards.ts. */
import * as vscode from 'vscode';
import type { Analysis } from '../core';
import type { AnnotationStore } from './annotationStore';
import { annotationCard, cardsAt, TRUSTED_COMMANDS } from './cards';
import { ANNOTATION_COMMANDS } from './markdown';
import { settings } from './settings';

function markdown(value: string, enabledCommands: string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value, true);
  md.isTrusted = { enabledCommands };
  return md;
}

const rangeOf = (doc: vscode.TextDocument, s: { start: number; end: number }) =>
  new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end));

/** Entity and attribution cards; `analysisFor` gives the analysis with the user's verdicts applied. */
export class FindingHover implements vscode.HoverProvider {
  constructor(private readonly analysisFor: (doc: vscode.TextDocument) => Analysis | undefined) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const a = this.analysisFor(doc);
    if (!a) return undefined;
    const { cards, span } = cardsAt(a, doc.offsetAt(pos), doc.uri.toString());
    if (!cards.length) return undefined;
    return new vscode.Hover(
      cards.map((c) => markdown(c, TRUSTED_COMMANDS)),
      span && rangeOf(doc, span),
    );
  }
}

/** Cards of the user's annotations under the cursor (rejections are verdicts, not shown). */
export class AnnotationHover implements vscode.HoverProvider {
  constructor(private readonly store: AnnotationStore) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const e = this.store.open(doc);
    if (!e) return undefined;
    const here = e.set.at(doc.offsetAt(pos)).filter((p) => p.annotation.finding?.verdict !== 'rejected');
    if (!here.length) return undefined;
    const labels = settings().labels;
    const uri = doc.uri.toString();
    return new vscode.Hover(
      here.map((p) =>
        markdown(
          annotationCard(uri, p, labels.find((l) => l.id === p.annotation.label)?.name),
          ANNOTATION_COMMANDS,
        ),
      ),
      rangeOf(doc, here[0].at!),
    );
  }
}
