/**
 * Working on all occurrences at once: confirm every mention of an entity, or label every
 * occurrence of the selected text. Each shows the count and the places before it writes, and
 * writes one batch: one sidecar write, one step for "Undo Last Annotation Change".
 */
import * as vscode from 'vscode';
import type { Analysis, AnnotationSet, Entity } from '../core';
import { docFor, labelById, pickLabel } from './annotationCommands';
import type { AnnotationStore } from './annotationStore';
import type { CommandTable } from './commands';
import { t, tn } from './i18n';

/** Scripts and tests: answer the preview without asking. */
export interface BulkArgs {
  uri?: string;
  entityId?: string;
  label?: string;
  yes?: boolean;
}

interface Place {
  start: number;
  end: number;
}

const isWordChar = (ch: string | undefined) => !!ch && /[\p{L}\p{N}_'’-]/u.test(ch);

/** Every whole-word occurrence of `needle` in the text (case kept), in order. */
export function occurrences(text: string, needle: string): Place[] {
  const out: Place[] = [];
  if (!needle.trim()) return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) {
    const end = i + needle.length;
    const cutsWordStart = isWordChar(needle[0]) && isWordChar(text[i - 1]);
    const cutsWordEnd = isWordChar(needle[needle.length - 1]) && isWordChar(text[end]);
    if (!cutsWordStart && !cutsWordEnd) out.push({ start: i, end });
  }
  return out;
}

/** The preview: how many, and where (line and context); true when the user goes ahead. */
async function preview(
  doc: vscode.TextDocument,
  title: string,
  action: string,
  places: Place[],
  yes?: boolean,
): Promise<boolean> {
  if (yes !== undefined) return yes;
  const lines = places.slice(0, 12).map((p) => {
    const pos = doc.positionAt(p.start);
    const line = doc.lineAt(pos.line).text;
    const from = Math.max(0, pos.character - 30);
    return `${t('line {0}', pos.line + 1)}: …${line.slice(from, pos.character + (p.end - p.start) + 30).trim()}…`;
  });
  if (places.length > 12) lines.push(`… ${t('and {0} more', places.length - 12)}`);
  const go = await vscode.window.showInformationMessage(
    title,
    { modal: true, detail: lines.join('\n') },
    action,
  );
  return go === action;
}

/** A verdict already given on the same span is replaced, as a single confirm does. */
function dropVerdicts(set: AnnotationSet, m: Place): void {
  for (const p of set.placed)
    if (p.annotation.finding?.kind === 'entity' && p.at.start === m.start && p.at.end === m.end)
      set.remove(p.annotation.id);
}

export class BulkCommands {
  constructor(
    private readonly store: AnnotationStore,
    private readonly analysisFor: (doc: vscode.TextDocument) => Analysis | undefined,
  ) {}

  table(): CommandTable {
    return {
      'newsmark.confirmAllMentions': (args?: BulkArgs) => this.confirmAll(args),
      'newsmark.labelAllOccurrences': (args?: BulkArgs) => this.labelAll(args),
    };
  }

  private entityAt(doc: vscode.TextDocument, id?: string): Entity | undefined {
    const a = this.analysisFor(doc);
    if (!a) return undefined;
    if (id) return a.entities.find((e) => e.id === id);
    const ed = vscode.window.activeTextEditor;
    if (!ed || ed.document !== doc) return undefined;
    const off = doc.offsetAt(ed.selection.active);
    return a.entities.find((e) => e.mentions.some((m) => m.start <= off && off < m.end));
  }

  /** Confirms every mention of the entity under the cursor (or named); returns how many. */
  private async confirmAll(args?: BulkArgs): Promise<number | undefined> {
    const doc = await docFor(args?.uri);
    if (!doc) return undefined;
    const e = this.entityAt(doc, args?.entityId);
    if (!e) {
      void vscode.window.showInformationMessage(t('Newsmark: put the cursor on a highlighted entity.'));
      return undefined;
    }
    const n = e.mentions.length;
    const title = tn(
      n,
      'Confirm {0} mention of {1} as {2}?|Confirm all {0} mentions of {1} as {2}?',
      e.name,
      e.type,
    );
    if (!(await preview(doc, title, t('Confirm {0}', n), e.mentions, args?.yes))) return undefined;
    await this.store.change(doc, (set) =>
      set.batch(`confirm ${n} mentions`, () => {
        for (const m of e.mentions) {
          dropVerdicts(set, m);
          set.add({
            start: m.start,
            end: m.end,
            label: e.type,
            finding: { kind: 'entity', type: e.type, verdict: 'confirmed' },
          });
        }
      }),
    );
    vscode.window.setStatusBarMessage(t('Newsmark: {0} mentions of {1} confirmed', n, e.name), 5000);
    return n;
  }

  /** Labels every whole-word occurrence of the selection not yet labelled so; returns how many. */
  private async labelAll(args?: BulkArgs): Promise<number | undefined> {
    const doc = await docFor(args?.uri);
    const ed = vscode.window.activeTextEditor;
    if (!doc || !ed || ed.document !== doc || ed.selection.isEmpty) {
      void vscode.window.showInformationMessage(t('Newsmark: select the text to label everywhere first.'));
      return undefined;
    }
    const needle = doc.getText(ed.selection);
    const label = args?.label ? labelById(args.label) : await pickLabel(t('Newsmark: label all occurrences'));
    if (!label) {
      if (args?.label)
        void vscode.window.showErrorMessage(t('Newsmark: there is no label "{0}".', args.label));
      return undefined;
    }
    const set = this.store.open(doc)?.set;
    const done = (p: Place) =>
      set?.placed.some(
        (x) => x.at.start === p.start && x.at.end === p.end && x.annotation.label === label.id,
      );
    const places = occurrences(doc.getText(), needle).filter((p) => !done(p));
    if (!places.length) {
      void vscode.window.showInformationMessage(
        t('Newsmark: every occurrence is labelled {0} already.', label.id),
      );
      return 0;
    }
    const n = places.length;
    const title = tn(
      n,
      'Label {0} occurrence of "{1}" as {2}?|Label {0} occurrences of "{1}" as {2}?',
      needle.slice(0, 60),
      label.id,
    );
    if (!(await preview(doc, title, t('Label {0}', n), places, args?.yes))) return undefined;
    await this.store.change(doc, (s) =>
      s.batch(`label ${n} occurrences`, () => {
        for (const p of places) s.add({ start: p.start, end: p.end, label: label.id });
      }),
    );
    return n;
  }
}
