/**
 * Editor decorations: one type per entity type and attribution role, created once and reused
 * (as in the decorator sample); colours come from contributes.colors so themes can change them.
 */
import * as vscode from 'vscode';
import type { Analysis, Span } from '../core';
import { docLength } from './documents';
import { settings } from './settings';

export const LAYERS = [
  'entity.PER',
  'entity.ORG',
  'entity.LOC',
  'entity.MISC',
  'attribution.source',
  'attribution.anonymousSource',
  'attribution.cue',
  'attribution.directContent',
  'attribution.indirectContent',
  'learned.unsure',
] as const;
export type Layer = (typeof LAYERS)[number];

const color = (id: string) => new vscode.ThemeColor(`newsmark.${id}`);

/**
 * While the user types, VS Code moves decorations with the text; closed ends keep a finding from
 * growing over letters typed next to it, as the engine's own shift does until the next analysis.
 */
const decorationType = (o: vscode.DecorationRenderOptions) =>
  vscode.window.createTextEditorDecorationType({
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    ...o,
  });

function makeTypes(): Record<Layer, vscode.TextEditorDecorationType> {
  const entity = (t: string): vscode.DecorationRenderOptions => ({
    backgroundColor: color(`entity${t}Background`),
    borderRadius: '2px',
  });
  return {
    'entity.PER': decorationType(entity('Person')),
    'entity.ORG': decorationType(entity('Organisation')),
    'entity.LOC': decorationType(entity('Place')),
    'entity.MISC': decorationType(entity('Misc')),
    'attribution.source': decorationType({
      textDecoration: 'underline 2px',
      color: color('sourceForeground'),
      fontWeight: '600',
    }),
    'attribution.anonymousSource': decorationType({
      textDecoration: 'underline wavy',
      color: color('anonymousSourceForeground'),
      fontWeight: '600',
      after: { contentText: ' ⚠', color: color('anonymousSourceForeground') },
    }),
    'attribution.cue': decorationType({
      border: '1px solid',
      borderColor: color('cueBorder'),
      borderRadius: '3px',
      overviewRulerColor: color('attributionRuler'),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
    }),
    'attribution.directContent': decorationType({
      fontStyle: 'italic',
      backgroundColor: color('directContentBackground'),
    }),
    'attribution.indirectContent': decorationType({
      textDecoration: 'underline dotted',
      backgroundColor: color('indirectContentBackground'),
    }),
    // Over an entity's own colour: the learned model was unsure of it, so it is drawn fainter.
    'learned.unsure': decorationType({ opacity: '0.55' }),
  };
}

/** Entities a learned model is less sure of than this are drawn fainter (their hover says how sure). */
export const UNSURE_BELOW = 0.7;

/** Documents larger than this get decorations only around what is on screen (and re-render on scroll). */
export const VISIBLE_ONLY_THRESHOLD = 256 * 1024;

const MARGIN_LINES = 200;

/** The ranges of each layer for an analysis, honouring the layer settings; `window` limits them. */
export function layerRanges(
  doc: vscode.TextDocument,
  a: Analysis,
  window?: { start: number; end: number }[],
): Record<Layer, vscode.Range[]> {
  const cfg = settings();
  const out = Object.fromEntries(LAYERS.map((l) => [l, [] as vscode.Range[]])) as Record<
    Layer,
    vscode.Range[]
  >;
  const inWindow = (s: Span) => !window || window.some((w) => s.start < w.end && s.end > w.start);
  const range = (s: Span) => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end));
  if (cfg.layers.entities) {
    for (const e of a.entities) {
      if (!cfg.layers[e.type]) continue;
      const unsure = e.confidence !== undefined && e.confidence < UNSURE_BELOW;
      for (const m of e.mentions) {
        if (!inWindow(m)) continue;
        out[`entity.${e.type}`].push(range(m));
        if (unsure) out['learned.unsure'].push(range(m));
      }
    }
  }
  if (cfg.layers.attributions) {
    for (const att of a.attributions) {
      if (window && !att.cue.some(inWindow) && !att.content.some(inWindow) && !att.source.some(inWindow))
        continue;
      for (const s of att.cue) {
        out['attribution.cue'].push(range(s));
        if (att.confidence !== undefined && att.confidence < UNSURE_BELOW)
          out['learned.unsure'].push(range(s));
      }
      for (const s of att.source)
        out[att.anonymous ? 'attribution.anonymousSource' : 'attribution.source'].push(range(s));
      for (const s of att.content)
        out[att.direct ? 'attribution.directContent' : 'attribution.indirectContent'].push(range(s));
    }
  }
  return out;
}

export class Decorator implements vscode.Disposable {
  private readonly types = makeTypes();
  /** Last applied ranges per editor document, read by the test API. */
  readonly applied = new Map<string, Record<Layer, vscode.Range[]>>();
  visible = true;

  apply(editor: vscode.TextEditor, a: Analysis | undefined): void {
    const doc = editor.document;
    // Very large articles: only what is on screen, with a margin, so rendering stays cheap.
    const window =
      docLength(doc) > VISIBLE_ONLY_THRESHOLD
        ? editor.visibleRanges.map((r) => ({
            start: doc.offsetAt(new vscode.Position(Math.max(0, r.start.line - MARGIN_LINES), 0)),
            end:
              doc.offsetAt(new vscode.Position(Math.min(doc.lineCount - 1, r.end.line + MARGIN_LINES), 0)) +
              1,
          }))
        : undefined;
    const ranges = a && this.visible ? layerRanges(doc, a, window) : undefined;
    for (const l of LAYERS) editor.setDecorations(this.types[l], ranges ? ranges[l] : []);
    if (ranges) this.applied.set(editor.document.uri.toString(), ranges);
    else this.applied.delete(editor.document.uri.toString());
  }

  dispose(): void {
    for (const t of Object.values(this.types)) t.dispose();
  }
}
