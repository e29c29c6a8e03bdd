/**
 * Annotation commands: add on the selection (keyboard-first label picker), edit label or note,
 * delete, confirm / reject / retype engine findings, undo, open the sidecar. Each works from
 * the palette (on the cursor), the editor context menu, and hover-card links (with arguments).
 */
import * as vscode from 'vscode';
import type { Analysis, FindingRef, Label, Placed } from '../core';
import type { AnnotationStore } from './annotationStore';
import type { CommandTable } from './commands';
import { t } from './i18n';
import { settings } from './settings';

export interface FindingTarget {
  uri: string;
  start: number;
  end: number;
  kind: FindingRef['kind'];
  type: string;
}

/** A quick pick of labels; typing a label's key applies it at once. */
export async function pickLabel(title: string, current?: string): Promise<Label | undefined> {
  const labels = settings().labels;
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { labelDef: Label }>();
  qp.title = title;
  qp.placeholder = t('Type a label\u2019s key to apply it, or filter and press Enter');
  qp.items = labels.map((l) => ({
    label: `$(tag) ${l.name}`,
    description: `${l.id}${l.key ? ` · ${t('key {0}', l.key.toUpperCase())}` : ''}${l.id === current ? ` · ${t('current')}` : ''}`,
    labelDef: l,
  }));
  return new Promise((resolve) => {
    let done = false;
    const finish = (l: Label | undefined) => {
      if (done) return;
      done = true;
      resolve(l);
      qp.hide();
    };
    qp.onDidChangeValue((v) => {
      if (v.length !== 1) return;
      const hit = labels.find((l) => l.key && l.key.toLowerCase() === v.toLowerCase());
      if (hit) finish(hit);
    });
    qp.onDidAccept(() => finish(qp.selectedItems[0]?.labelDef ?? qp.activeItems[0]?.labelDef));
    qp.onDidHide(() => {
      finish(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

async function noteInput(current?: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: t('Newsmark: note'),
    prompt: t('A note for this annotation (optional). Enter keeps it, Escape cancels.'),
    value: current ?? '',
    validateInput: (v) => (v.length > 20000 ? t('At most 20,000 characters.') : undefined),
  });
}

/** The document a command acts on: the one named by uri, else the active editor's. */
export async function docFor(uri?: string): Promise<vscode.TextDocument | undefined> {
  if (uri) return vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const ed = vscode.window.activeTextEditor;
  if (!ed) void vscode.window.showInformationMessage(t('Newsmark: open an article first.'));
  return ed?.document;
}

/** The selection to annotate, or the word under the cursor; undefined (with a message) if none. */
function selectionOffsets(doc: vscode.TextDocument): { start: number; end: number } | undefined {
  const ed = vscode.window.activeTextEditor;
  if (!ed || ed.document !== doc) return undefined;
  let sel: vscode.Range = ed.selection;
  if (sel.isEmpty) {
    const word = doc.getWordRangeAtPosition(sel.start, /[\p{L}\p{N}'’-]+/u);
    if (!word) {
      void vscode.window.showInformationMessage(t('Newsmark: select the text to annotate first.'));
      return undefined;
    }
    sel = word;
  }
  return { start: doc.offsetAt(sel.start), end: doc.offsetAt(sel.end) };
}

export const labelById = (id: string) => settings().labels.find((l) => l.id === id);

type AddArgs = { label?: string; note?: string; uri?: string; start?: number; end?: number };

/** The annotation commands; `analysisFor` gives the findings shown (verdicts applied). */
export class AnnotationCommands {
  constructor(
    private readonly store: AnnotationStore,
    private readonly analysisFor: (doc: vscode.TextDocument) => Analysis | undefined,
  ) {}

  table(): CommandTable {
    return {
      'newsmark.addAnnotation': (args?: AddArgs) => this.add(args),
      'newsmark.editAnnotationLabel': (uri?: string, id?: string, labelId?: string) =>
        this.editLabel(uri, id, labelId),
      'newsmark.editAnnotationNote': (uri?: string, id?: string, text?: string) =>
        this.editNote(uri, id, text),
      'newsmark.deleteAnnotation': (uri?: string, id?: string) => this.delete(uri, id),
      'newsmark.confirmFinding': (target?: FindingTarget) => this.verdict('confirmed', target),
      'newsmark.rejectFinding': (target?: FindingTarget) => this.verdict('rejected', target),
      'newsmark.changeFindingType': (target?: FindingTarget, labelId?: string) =>
        this.retype(target, labelId),
      'newsmark.noteOnFinding': (target?: FindingTarget) => this.noteOnFinding(target),
      'newsmark.undoAnnotation': () => this.undo(),
      'newsmark.openSidecar': (uri?: string) => this.openSidecar(uri),
      'newsmark.markReviewed': (uri?: string) => this.markReviewed(true, uri),
      'newsmark.markNotReviewed': (uri?: string) => this.markReviewed(false, uri),
    };
  }

  /** The annotation named by id, or the one under the cursor (asking when there are several). */
  private async annotationAt(doc: vscode.TextDocument, id?: string): Promise<Placed | undefined> {
    const e = this.store.open(doc);
    if (!e) return undefined;
    if (id) return e.set.get(id);
    const ed = vscode.window.activeTextEditor;
    const off = ed && ed.document === doc ? doc.offsetAt(ed.selection.active) : -1;
    const here = e.set.at(off);
    if (here.length <= 1) {
      if (!here.length)
        void vscode.window.showInformationMessage(t('Newsmark: no annotation at the cursor.'));
      return here[0];
    }
    const pick = await vscode.window.showQuickPick(
      here.map((p) => ({
        label: p.annotation.label,
        description: doc.getText(new vscode.Range(doc.positionAt(p.at!.start), doc.positionAt(p.at!.end))),
        p,
      })),
      { title: t('Which annotation?') },
    );
    return pick?.p;
  }

  /** The engine finding under the cursor (an entity mention or an attribution cue). */
  private findingAt(doc: vscode.TextDocument): FindingTarget | undefined {
    const a = this.analysisFor(doc);
    const ed = vscode.window.activeTextEditor;
    if (!a || !ed) return undefined;
    const off = doc.offsetAt(ed.selection.active);
    for (const e of a.entities) {
      const m = e.mentions.find((x) => x.start <= off && off < x.end);
      if (m) return { uri: doc.uri.toString(), start: m.start, end: m.end, kind: 'entity', type: e.type };
    }
    for (const att of a.attributions) {
      const c = att.cue.find((x) => x.start <= off && off < x.end);
      if (c) return { uri: doc.uri.toString(), start: c.start, end: c.end, kind: 'attribution', type: 'cue' };
    }
    return undefined;
  }

  /**
   * Args (all optional) let keybindings apply a label directly ({"label": "PER"}) and scripts
   * annotate without prompts: {label, note, uri, start, end}.
   */
  private async add(args?: AddArgs) {
    const doc = args?.uri ? await docFor(args.uri) : vscode.window.activeTextEditor?.document;
    if (!doc)
      return void vscode.window.showInformationMessage(
        t('Newsmark: open an article and select text to annotate.'),
      );
    const at =
      args?.start !== undefined && args?.end !== undefined
        ? { start: args.start, end: args.end }
        : selectionOffsets(doc);
    if (!at) return;
    const known = args?.label ? labelById(args.label) : undefined;
    if (args?.label && !known)
      return void vscode.window.showErrorMessage(
        t('Newsmark: there is no label "{0}" (see the newsmark.labels setting).', args.label),
      );
    const label = known ?? (await pickLabel(t('Newsmark: add annotation')));
    if (!label) return;
    const note = args?.note ?? (args?.label ? '' : await noteInput());
    if (note === undefined) return;
    return this.store.change(doc, (set) => set.add({ ...at, label: label.id, note: note || undefined }));
  }

  private async editLabel(uri?: string, id?: string, labelId?: string) {
    const doc = await docFor(uri);
    const p = doc && (await this.annotationAt(doc, id));
    if (!doc || !p) return;
    const label = labelId
      ? labelById(labelId)
      : await pickLabel(t('Newsmark: change label'), p.annotation.label);
    if (!label) return;
    const finding = p.annotation.finding
      ? { finding: { ...p.annotation.finding, verdict: 'corrected' as const } }
      : {};
    await this.store.change(doc, (set) => set.update(p.annotation.id, { label: label.id, ...finding }));
  }

  private async editNote(uri?: string, id?: string, text?: string) {
    const doc = await docFor(uri);
    const p = doc && (await this.annotationAt(doc, id));
    if (!doc || !p) return;
    const note = text ?? (await noteInput(p.annotation.note));
    if (note !== undefined) await this.store.change(doc, (set) => set.update(p.annotation.id, { note }));
  }

  private async delete(uri?: string, id?: string) {
    const doc = await docFor(uri);
    const p = doc && (await this.annotationAt(doc, id));
    if (!doc || !p) return;
    await this.store.change(doc, (set) => set.remove(p.annotation.id));
    vscode.window.setStatusBarMessage(
      t('Newsmark: annotation deleted (Newsmark: Undo Last Annotation Change restores it)'),
      5000,
    );
  }

  /** Records a verdict on an engine finding (an existing verdict on the same span is replaced). */
  private async verdict(v: FindingRef['verdict'], given?: FindingTarget, newType?: string, note?: string) {
    const doc = await docFor(given?.uri);
    if (!doc) return;
    const target = given ?? this.findingAt(doc);
    if (!target)
      return void vscode.window.showInformationMessage(
        t('Newsmark: put the cursor on a highlighted entity or attribution cue.'),
      );
    await this.store.change(doc, (set) =>
      set.batch(`${v} finding`, () => {
        for (const p of set.placed)
          if (
            p.annotation.finding &&
            p.at.start === target.start &&
            p.at.end === target.end &&
            p.annotation.finding.kind === target.kind
          )
            set.remove(p.annotation.id);
        const label = newType ?? (target.kind === 'entity' ? target.type : 'CUE');
        return set.add({
          start: target.start,
          end: target.end,
          label,
          note,
          finding: { kind: target.kind, type: target.type, verdict: v },
        });
      }),
    );
  }

  private async retype(target?: FindingTarget, labelId?: string) {
    const label = labelId
      ? labelById(labelId)
      : await pickLabel(t('Newsmark: the right type for this finding'), target?.type);
    if (label) await this.verdict('corrected', target, label.id);
  }

  private async noteOnFinding(target?: FindingTarget) {
    const note = await noteInput();
    if (note) await this.verdict('confirmed', target, undefined, note);
  }

  private async undo() {
    const doc = await docFor();
    if (!doc) return;
    if (!this.store.open(doc)?.set.canUndo)
      return void vscode.window.showInformationMessage(t('Newsmark: nothing to undo for this article.'));
    const what = await this.store.change(doc, (set) => set.undo());
    if (what) vscode.window.setStatusBarMessage(t('Newsmark: undid {0}', what), 4000);
  }

  /**
   * Marks the article as reviewed (every finding not rejected counts as right when Newsmark
   * learns), or as not reviewed again.
   */
  private async markReviewed(on: boolean, uri?: string) {
    const doc = await docFor(uri);
    if (!doc) return;
    await this.store.change(doc, (set) => set.setReviewed(on));
    vscode.window.setStatusBarMessage(
      on ? t('Newsmark: marked as reviewed') : t('Newsmark: marked as not reviewed'),
      4000,
    );
  }

  private async openSidecar(uri?: string) {
    const doc = await docFor(uri);
    if (!doc) return;
    try {
      await vscode.window.showTextDocument(vscode.Uri.file(this.store.sidecarPathOf(doc.uri)));
    } catch {
      void vscode.window.showInformationMessage(
        t('Newsmark: this article has no sidecar yet; add an annotation to create it.'),
      );
    }
  }
}
