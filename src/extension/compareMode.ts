/**
 * Compare and adjudicate in the editor: two authors inside the article's sidecar (after a git
 * merge), or the article's annotations against another sidecar file. Each disagreement is drawn
 * by kind (only A, only B, label conflict, boundary conflict), its hover offers take A / take B /
 * both / neither; the choice is written to this sidecar as curated annotations (by the curator,
 * from whom they were taken), replacing the annotators' ones there, in one undoable batch.
 */
import * as vscode from 'vscode';
import {
  Agreement,
  type AgreementReport,
  annotatorSpans,
  type Disagreement,
  type DisagreementKind,
  type LabelledSpan,
  sidecarSpans,
  sidecarTextSpans,
  wordTokensOf,
} from '../core';
import type { AnnotationStore } from './annotationStore';
import type { CommandTable } from './commands';
import { sidecarAtRef } from './git';
import { msg, t, tn } from './i18n';
import { escapeMarkdown } from './markdown';

export interface CompareArgs {
  authors?: [string, string];
  file?: string;
  /** A git ref (branch, tag, commit): this article's sidecar as it is there. */
  ref?: string;
}

export type Choice = 'a' | 'b' | 'both' | 'neither';

interface Comparison {
  uri: string;
  names: [string, string];
  /** In author mode the annotators' annotations are in this sidecar and are replaced on adjudication. */
  byAuthor: boolean;
  report: AgreementReport;
  /** Both sides' spans with their authors, to record from whom an adjudicated annotation came. */
  a: Authored[];
  b: Authored[];
}

type Authored = LabelledSpan & { author: string };

const authorOf = (side: Authored[], span: { start: number; end: number }, label: string) =>
  side.find((s) => s.start === span.start && s.end === span.end && s.label === label)?.author ?? 'unknown';

const KIND_TEXT: Record<DisagreementKind, string> = {
  onlyA: msg('only A'),
  onlyB: msg('only B'),
  label: msg('label conflict'),
  boundary: msg('boundary conflict'),
};

const decoration = (color: string, style: string) =>
  vscode.window.createTextEditorDecorationType({
    border: `1px ${style}`,
    borderColor: new vscode.ThemeColor(color),
    overviewRulerColor: new vscode.ThemeColor(color),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });

export class CompareMode implements vscode.Disposable {
  private comparison: Comparison | undefined;
  private readonly types: Record<DisagreementKind, vscode.TextEditorDecorationType> = {
    onlyA: decoration('charts.blue', 'solid'),
    onlyB: decoration('charts.orange', 'solid'),
    label: decoration('charts.red', 'solid'),
    boundary: decoration('charts.yellow', 'dashed'),
  };

  constructor(private readonly store: AnnotationStore) {}

  table(): CommandTable {
    return {
      'newsmark.compareAnnotations': (args?: CompareArgs) => this.compare(args),
      'newsmark.adjudicate': (index: number, choice: Choice) => this.adjudicate(index, choice),
      'newsmark.clearComparison': () => this.clear(),
    };
  }

  private async sides(doc: vscode.TextDocument, args?: CompareArgs) {
    const set = this.store.open(doc)?.set;
    const mine = set ? annotatorSpans(set).filter((s) => !s.curated) : [];
    const authors = [...new Set(mine.map((s) => s.author))].sort();
    let choice = args?.authors ? 'authors' : args?.file ? 'file' : args?.ref ? 'ref' : undefined;
    if (!choice) {
      const picked = await vscode.window.showQuickPick(
        [
          ...(authors.length >= 2
            ? [
                {
                  label: `$(person) ${t('Two authors in this sidecar')}`,
                  detail: authors.join(', '),
                  id: 'authors',
                },
              ]
            : []),
          {
            label: `$(file) ${t('Another sidecar file…')}`,
            detail: t('e.g. a colleague’s copy of this article’s .newsmark.json'),
            id: 'file',
          },
          {
            label: `$(git-commit) ${t('This article at a git ref…')}`,
            detail: t('a branch, tag or commit, e.g. a colleague’s branch before merging'),
            id: 'ref',
          },
        ],
        { title: t('Newsmark: compare annotations') },
      );
      choice = picked?.id;
    }
    if (choice === 'ref') {
      const ref = args?.ref ?? (await pickRef());
      if (!ref) return undefined;
      const sidecar = this.store.sidecarPathOf(doc.uri);
      const json = await sidecarAtRef(sidecar, ref);
      const other = sidecarTextSpans(json, doc.getText(), `${ref}:${sidecar}`).filter((s) => !s.curated);
      return { names: [t('working copy'), ref] as [string, string], byAuthor: false, a: mine, b: other };
    }
    if (choice === 'authors') {
      const pair = args?.authors ?? (await pickTwo(authors));
      if (!pair) return undefined;
      const of = (n: string) => mine.filter((s) => s.author === n);
      return { names: pair, byAuthor: true, a: of(pair[0]), b: of(pair[1]) };
    }
    if (choice !== 'file') return undefined;
    const file = args?.file ?? (await pickFile());
    if (!file) return undefined;
    const other = sidecarSpans(file, doc.getText()).filter((s) => !s.curated);
    return { names: [t('this sidecar'), file] as [string, string], byAuthor: false, a: mine, b: other };
  }

  private async compare(args?: CompareArgs): Promise<AgreementReport | undefined> {
    const ed = vscode.window.activeTextEditor;
    if (!ed)
      return void vscode.window.showInformationMessage(t('Newsmark: open an annotated article first.'));
    const doc = ed.document;
    const sides = await this.sides(doc, args);
    if (!sides) return undefined;
    if (sides.byAuthor && (!sides.a.length || !sides.b.length))
      throw new Error(
        t('no annotations by {0} in this article', !sides.a.length ? sides.names[0] : sides.names[1]),
      );
    const text = doc.getText();
    const ag = new Agreement();
    ag.add(text, wordTokensOf(text), sides.a, sides.b);
    const report = ag.report();
    this.comparison = {
      uri: doc.uri.toString(),
      names: sides.names,
      byAuthor: sides.byAuthor,
      report,
      a: sides.a,
      b: sides.b,
    };
    this.draw(ed);
    const o = report.overall;
    void vscode.window.showInformationMessage(
      tn(
        report.disagreements.length,
        'Newsmark: A = {1}, B = {2}: exact F1 {3}, overlap F1 {4}, κ {5}; {0} disagreement marked (hover it to adjudicate).|Newsmark: A = {1}, B = {2}: exact F1 {3}, overlap F1 {4}, κ {5}; {0} disagreements marked (hover one to adjudicate).',
        sides.names[0],
        sides.names[1],
        o.exactF1.toFixed(2),
        o.overlapF1.toFixed(2),
        o.kappa.toFixed(2),
      ),
    );
    return report;
  }

  private hover(d: Disagreement, i: number, names: [string, string]): vscode.MarkdownString {
    const link = (title: string, choice: Choice) =>
      `[${title}](command:newsmark.adjudicate?${encodeURIComponent(JSON.stringify([i, choice]))})`;
    const md = new vscode.MarkdownString(
      `**${t(KIND_TEXT[d.kind])}** · A (${escapeMarkdown(names[0])}): ${escapeMarkdown(d.a ?? '—')} · B (${escapeMarkdown(names[1])}): ${escapeMarkdown(d.b ?? '—')}\n\n` +
        [
          link(t('Take A'), 'a'),
          link(t('Take B'), 'b'),
          link(t('Both'), 'both'),
          link(t('Neither'), 'neither'),
        ].join(' · '),
    );
    md.isTrusted = { enabledCommands: ['newsmark.adjudicate'] };
    return md;
  }

  private draw(ed: vscode.TextEditor): void {
    const c = this.comparison;
    const ranges: Record<DisagreementKind, vscode.DecorationOptions[]> = {
      onlyA: [],
      onlyB: [],
      label: [],
      boundary: [],
    };
    if (c && ed.document.uri.toString() === c.uri)
      c.report.disagreements.forEach((d, i) => {
        const range = new vscode.Range(ed.document.positionAt(d.start), ed.document.positionAt(d.end));
        ranges[d.kind].push({ range, hoverMessage: this.hover(d, i, c.names) });
      });
    for (const k of Object.keys(ranges) as DisagreementKind[]) ed.setDecorations(this.types[k], ranges[k]);
  }

  /** Writes the choice for disagreement `index` as curated annotations; returns how many remain. */
  private async adjudicate(index: number, choice: Choice): Promise<number | undefined> {
    const c = this.comparison;
    const d = c?.report.disagreements[index];
    if (!c || !d) throw new Error(t('this disagreement is no longer shown: compare again'));
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(c.uri));
    const take: { span: { start: number; end: number }; label: string; from: string }[] = [];
    if ((choice === 'a' || choice === 'both') && d.aSpan && d.a)
      take.push({ span: d.aSpan, label: d.a, from: authorOf(c.a, d.aSpan, d.a) });
    if ((choice === 'b' || choice === 'both') && d.bSpan && d.b)
      take.push({ span: d.bSpan, label: d.b, from: authorOf(c.b, d.bSpan, d.b) });
    await this.store.change(doc, (set) =>
      set.batch('adjudicate', () => {
        // The annotators' annotations on these spans in this sidecar make way for the decision.
        const involved = [d.aSpan, c.byAuthor ? d.bSpan : undefined].filter((x) => x !== undefined);
        for (const p of set.placed)
          if (!p.annotation.curated && involved.some((x) => x.start === p.at.start && x.end === p.at.end))
            set.remove(p.annotation.id);
        for (const x of take) set.add({ ...x.span, label: x.label, curated: { from: [x.from] } });
      }),
    );
    c.report.disagreements.splice(index, 1);
    const ed = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    if (ed) this.draw(ed);
    return c.report.disagreements.length;
  }

  private clear(): void {
    this.comparison = undefined;
    for (const ed of vscode.window.visibleTextEditors) this.draw(ed);
  }

  dispose(): void {
    for (const d of Object.values(this.types)) d.dispose();
  }
}

async function pickTwo(authors: string[]): Promise<[string, string] | undefined> {
  const picked = await vscode.window.showQuickPick(authors, {
    title: t('Newsmark: pick the two authors to compare'),
    canPickMany: true,
  });
  if (!picked) return undefined;
  if (picked.length !== 2) {
    void vscode.window.showInformationMessage(t('Newsmark: pick exactly two authors.'));
    return undefined;
  }
  return [picked[0], picked[1]];
}

async function pickFile(): Promise<string | undefined> {
  const uris = await vscode.window.showOpenDialog({
    title: t('Newsmark: the other sidecar'),
    canSelectMany: false,
    filters: { [t('Newsmark sidecar')]: ['json'] },
  });
  return uris?.[0]?.fsPath;
}

async function pickRef(): Promise<string | undefined> {
  const ref = await vscode.window.showInputBox({
    title: t('Newsmark: compare with a git ref'),
    prompt: t('A branch, tag or commit whose version of this article’s annotations to compare with.'),
    value: 'HEAD',
    validateInput: (v) => (/^[\w./@{}^~-]+$/.test(v.trim()) ? undefined : t('Not a git ref.')),
  });
  return ref?.trim() || undefined;
}
