/**
 * Import of annotations made in other tools: brat standoff (.ann, e.g. NER-UK documents), W3C Web
 * Annotation JSON, doccano JSONL, CoNLL (conll.ts). Everything becomes user annotations in the sidecar, after a
 * preview that counts what is new, already there, or in conflict.
 */
import { place } from '../annotations/anchoring';
import type { AnnotationSet } from '../annotations/annotationSet';
import { fromConll } from './conll';
import { ImportError, type Imported, normLabel } from './imported';
import { OffsetMap } from './offsets';

export { ImportError, type Imported } from './imported';

export type ImportFormat = 'brat' | 'w3c' | 'jsonl' | 'conll';
export const IMPORT_FORMATS: ImportFormat[] = ['brat', 'w3c', 'jsonl', 'conll'];

function checkSpan(text: string, s: number, e: number, where: string): void {
  if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e > s && e <= text.length)) {
    throw new ImportError(
      `${where}: the span ${s}–${e} is not inside the article (${text.length} characters)`,
    );
  }
}

/**
 * brat .ann: T lines (discontinuous spans become one annotation per fragment), AnnotatorNotes.
 * Lenient about tabs and spaces between label and offsets (NER-UK files use tabs there).
 */
export function fromBrat(ann: string, text: string): Imported[] {
  const map = new OffsetMap(text);
  const out: Imported[] = [];
  const byId = new Map<string, Imported[]>();
  const lines = ann.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const m = /^(T\d+)\t([^\t ]+)[\t ]+(\d+[\t ]+\d+(?:;\d+[\t ]+\d+)*)(?:\t(.*))?$/.exec(line);
    if (m) {
      const frags = m[3]
        .split(';')
        .map((f) =>
          f
            .trim()
            .split(/[\t ]+/)
            .map(Number),
        )
        .map(([cs, ce]) => [map.fromCodePoint(cs), map.fromCodePoint(ce)]);
      // Fragments split only by a line break (how brat writes a span across lines) are one span.
      const merged: number[][] = [];
      for (const f of frags) {
        const last = merged[merged.length - 1];
        if (last && f[0] >= last[1] && /^\s*$/.test(text.slice(last[1], f[0]))) last[1] = f[1];
        else merged.push([...f]);
      }
      const list: Imported[] = [];
      for (const [s, e] of merged) {
        checkSpan(text, s, e, `line ${i + 1} (${m[1]})`);
        // The text column holds the whole span (fragments joined by a space): a quote for one fragment only.
        const it: Imported = { start: s, end: e, label: normLabel(m[2]) };
        if (m[4] !== undefined && frags.length === 1) it.quote = m[4];
        list.push(it);
        out.push(it);
      }
      byId.set(m[1], list);
      return;
    }
    const note = /^#\d+\tAnnotatorNotes[\t ]+(T\d+)\t(.*)$/.exec(line);
    if (note) {
      for (const it of byId.get(note[1]) ?? []) it.note = note[2].slice(0, 20000);
      return;
    }
    // Relations, events, attributes (spans are what we import), and text that a span across a
    // line break carried onto the next line: skipped.
    if (/^T\d+\t/.test(line))
      throw new ImportError(`line ${i + 1}: cannot read this span: ${line.slice(0, 60)}`);
  });
  return out;
}

type W3CBody = { value?: unknown; purpose?: unknown };

/** W3C Web Annotation: an Annotation, an array, or a collection/page with items. */
export function fromW3C(json: string, text: string): Imported[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new ImportError(`not valid JSON: ${(e as Error).message}`);
  }
  const items: unknown[] = Array.isArray(data)
    ? data
    : ((data as { first?: { items?: unknown[] }; items?: unknown[] })?.first?.items ??
      (data as { items?: unknown[] })?.items ?? [data]);
  const map = new OffsetMap(text);
  const out: Imported[] = [];
  items.forEach((raw, i) => {
    const a = raw as { motivation?: unknown; body?: W3CBody | W3CBody[]; target?: { selector?: unknown } };
    if (!a || typeof a !== 'object' || a.motivation === 'linking') return;
    const sels = a.target?.selector;
    const list = (Array.isArray(sels) ? sels : [sels]) as {
      type?: unknown;
      start?: unknown;
      end?: unknown;
      exact?: unknown;
    }[];
    const pos = list.find((s) => s?.type === 'TextPositionSelector');
    const quote = list.find((s) => s?.type === 'TextQuoteSelector');
    let start = -1;
    let end = -1;
    if (pos && typeof pos.start === 'number' && typeof pos.end === 'number') {
      start = map.fromCodePoint(pos.start);
      end = map.fromCodePoint(pos.end);
    }
    const exact = quote && typeof quote.exact === 'string' && quote.exact ? quote.exact : undefined;
    if (start < 0 && exact) {
      // No position: the quote's first place (re-anchored with the others below).
      start = 0;
      end = exact.length;
    }
    if (start < 0) return;
    if (!exact) checkSpan(text, start, end, `annotation ${i + 1}`);
    const bodies = (Array.isArray(a.body) ? a.body : a.body ? [a.body] : []).filter(
      (b) => b && typeof b.value === 'string',
    );
    const tag = bodies.find((b) => b.purpose === 'tagging') ?? bodies.find((b) => b.purpose !== 'commenting');
    const comment = bodies.find((b) => b.purpose === 'commenting');
    out.push({
      start,
      end,
      label: normLabel(String(tag?.value ?? 'NOTE')),
      ...(comment ? { note: String(comment.value).slice(0, 20000) } : {}),
      ...(exact ? { quote: exact } : {}),
    });
  });
  return out;
}

/** doccano JSONL: the line whose text is the article's (or the only line); label [[s, e, l]]. */
export function fromDoccano(jsonl: string, text: string): Imported[] {
  const lines = jsonl.split(/\r?\n/).filter((l) => l.trim());
  const parsed = lines.map((l, i) => {
    try {
      return JSON.parse(l) as {
        text?: unknown;
        label?: unknown;
        labels?: unknown;
        data?: { text?: unknown };
      };
    } catch (e) {
      throw new ImportError(`line ${i + 1}: not valid JSON: ${(e as Error).message}`);
    }
  });
  const line =
    parsed.find((p) => p.text === text || p.data?.text === text) ??
    (parsed.length === 1 ? parsed[0] : undefined);
  if (!line) throw new ImportError('no line of the JSONL file has this article\u2019s text');
  // A line with another text (an older version, another article): its spans carry that text's
  // words as quotes, to be found in this article or refused.
  const own =
    typeof line.text === 'string' ? line.text : typeof line.data?.text === 'string' ? line.data.text : text;
  const spans = (
    Array.isArray(line.label) ? line.label : Array.isArray(line.labels) ? line.labels : []
  ) as unknown[];
  const map = new OffsetMap(own);
  return spans.map((s, i) => {
    if (!Array.isArray(s) || s.length < 3)
      throw new ImportError(`label ${i + 1}: expected [start, end, label]`);
    const start = map.fromCodePoint(Number(s[0]));
    const end = map.fromCodePoint(Number(s[1]));
    checkSpan(own, start, end, `label ${i + 1}`);
    return {
      start,
      end,
      label: normLabel(String(s[2])),
      ...(own !== text ? { quote: own.slice(start, end) } : {}),
    };
  });
}

export interface ImportPreview {
  /** Not in the sidecar yet (moved to where their quote is, when the file's offsets were off). */
  added: Imported[];
  /** Their quote is not at their place, nor anywhere else in the article: not imported. */
  contradicting: Imported[];
  /** The same span and label are there already. */
  duplicates: Imported[];
  /** The same span is there with another label: kept as it is, not imported. */
  conflicts: Imported[];
}

/**
 * An imported span whose quote is not the article's text there is moved to the quote's place
 * nearest to it (the file's offsets may be off, or the article edited since); when the quote is
 * nowhere, null: the annotation would contradict the text it is attached to.
 */
export function anchorImported(text: string, it: Imported): Imported | null {
  if (it.quote === undefined) return it;
  if (it.end <= text.length && text.slice(it.start, it.end) === it.quote) return it;
  const start = Math.max(0, Math.min(it.start, text.length));
  const p = place(text, {
    quote: { type: 'TextQuoteSelector', exact: it.quote, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + it.quote.length },
  });
  if (!p || p.method === 'fuzzy') return null;
  return { ...it, start: p.start, end: p.end };
}

export function previewImport(set: AnnotationSet, raw: Imported[]): ImportPreview {
  const text = set.articleText;
  const items: Imported[] = [];
  const contradicting: Imported[] = [];
  for (const it of raw) {
    const placed = anchorImported(text, it);
    if (placed) items.push(placed);
    else contradicting.push(it);
  }
  const have = new Map<string, Set<string>>();
  for (const p of set.placed) {
    const k = `${p.at.start}:${p.at.end}`;
    const labels = have.get(k) ?? new Set();
    labels.add(p.annotation.label);
    have.set(k, labels);
  }
  const preview: ImportPreview = { added: [], contradicting, duplicates: [], conflicts: [] };
  const seen = new Set<string>();
  for (const it of items) {
    const k = `${it.start}:${it.end}`;
    const key = `${k}:${it.label}`;
    if (seen.has(key) || have.get(k)?.has(it.label)) preview.duplicates.push(it);
    else if (have.has(k)) preview.conflicts.push(it);
    else preview.added.push(it);
    seen.add(key);
  }
  return preview;
}

export function applyImport(set: AnnotationSet, preview: ImportPreview): number {
  set.batch('import', () => {
    for (const it of preview.added) set.add({ start: it.start, end: it.end, label: it.label, note: it.note });
  });
  return preview.added.length;
}

export function parseImport(format: ImportFormat, content: string, text: string): Imported[] {
  if (format === 'brat') return fromBrat(content, text);
  if (format === 'w3c') return fromW3C(content, text);
  if (format === 'conll') return fromConll(content, text);
  return fromDoccano(content, text);
}
