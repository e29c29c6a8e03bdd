/**
 * Anchors: where an annotation sits in an article that may have changed since it was made.
 * Modelled on the Hypothesis client: a W3C TextQuoteSelector (exact text plus 32 characters of
 * context each side) and a TextPositionSelector. Re-anchoring tries the stored position, then the
 * exact quote, then an approximate match (Myers' bit-parallel algorithm via approx-string-match);
 * what cannot be placed with confidence becomes an orphan, never attached to other text.
 * Offsets are UTF-16 code units.
 */
import search from 'approx-string-match';

export const CONTEXT_LENGTH = 32;

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface Anchor {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export interface Placement {
  start: number;
  end: number;
  /** How the anchor was placed: at its position, by exact quote, or approximately. */
  method: 'position' | 'quote' | 'fuzzy';
  /** Similarity of the placed text to the stored quote, 0..1. */
  similarity: number;
}

/** Minimum quote similarity for an approximate placement. */
export const MIN_SIMILARITY = 0.8;

/**
 * How much approximate matching re-anchoring may do, in cells of Myers' algorithm (characters of
 * text × 32-character words of pattern; about a nanosecond each). A sidecar from anywhere can ask
 * for hundreds of long, slightly changed quotes: what exceeds the budget becomes an orphan (kept,
 * listed, placed again at the next load), never a frozen editor.
 */
export interface AnchoringBudget {
  cells: number;
}
/** Per article (one load, or one edit that removed annotated text). */
export const ARTICLE_ANCHORING_CELLS = 150_000_000;
/** Per annotation: beyond it the whole text is not searched, only a window around the old place. */
export const ANNOTATION_ANCHORING_CELLS = 30_000_000;
export const articleBudget = (): AnchoringBudget => ({ cells: ARTICLE_ANCHORING_CELLS });

const cells = (textLength: number, patternLength: number) => textLength * Math.ceil(patternLength / 32);

export function describe(text: string, start: number, end: number): Anchor {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** 1 − normalised edit distance, computed with the same matcher (pattern inside a window). */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const max = Math.max(a.length, b.length);
  const m = search(b, a, Math.min(max, 256));
  const best = m.reduce((x, y) => Math.min(x, y.errors + Math.abs(y.end - y.start - b.length)), max);
  return Math.max(0, 1 - best / max);
}

function contextScore(text: string, start: number, end: number, q: TextQuoteSelector): number {
  const prefix = text.slice(Math.max(0, start - q.prefix.length), start);
  const suffix = text.slice(end, end + q.suffix.length);
  const p = q.prefix.length ? similarity(q.prefix, prefix) : 1;
  const s = q.suffix.length ? similarity(q.suffix, suffix) : 1;
  return (p + s) / 2;
}

/**
 * Places an anchor in `text`, or returns null (an orphan). `hint` is the expected start when
 * offsets were carried through edits; it weighs candidates by closeness.
 */
export function place(
  text: string,
  anchor: Anchor,
  hint = anchor.position.start,
  budget: AnchoringBudget = articleBudget(),
): Placement | null {
  const { exact } = anchor.quote;
  const { start, end } = anchor.position;
  if (!exact.length) return null;
  // 1. The stored position, if the quote is still there.
  if (start >= 0 && end <= text.length && end - start === exact.length && text.slice(start, end) === exact) {
    return { start, end, method: 'position', similarity: 1 };
  }
  // 2. Exact occurrences of the quote, best context first, then closeness to the old position.
  const candidates: number[] = [];
  for (let i = text.indexOf(exact); i >= 0 && candidates.length < 1000; i = text.indexOf(exact, i + 1))
    candidates.push(i);
  const closeness = (s: number) => 1 - Math.min(1, Math.abs(s - hint) / Math.max(text.length, 1));
  if (candidates.length) {
    let best = -1;
    let bestScore = -1;
    for (const s of candidates) {
      const score = 20 * contextScore(text, s, s + exact.length, anchor.quote) + 2 * closeness(s);
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    // A short, repeated quote with none of its context left is ambiguous: orphan it.
    const ctx = contextScore(text, best, best + exact.length, anchor.quote);
    if (candidates.length === 1 || ctx >= 0.5 || exact.length >= 40) {
      return { start: best, end: best + exact.length, method: 'quote', similarity: 1 };
    }
    return null;
  }
  return approximate(text, anchor, closeness, hint, budget);
}

/**
 * 3. Approximate match: up to 20% errors (Hypothesis allows half; we prefer orphans to wrong text),
 * in the whole text when the budget allows, else in a window around the old place, else none.
 */
function approximate(
  text: string,
  anchor: Anchor,
  closeness: (s: number) => number,
  hint: number,
  budget: AnchoringBudget,
): Placement | null {
  const { exact } = anchor.quote;
  const maxErrors = Math.min(256, Math.floor(exact.length * (1 - MIN_SIMILARITY)));
  if (maxErrors < 1) return null;
  let from = 0;
  let to = text.length;
  if (cells(to - from, exact.length) > Math.min(budget.cells, ANNOTATION_ANCHORING_CELLS)) {
    const margin = Math.max(2000, 4 * exact.length);
    from = Math.max(0, hint - margin);
    to = Math.min(text.length, hint + exact.length + margin);
    if (cells(to - from, exact.length) > budget.cells) return null;
  }
  budget.cells -= cells(to - from, exact.length);
  let bestMatch: Placement | null = null;
  let bestScore = -1;
  const matches = search(from === 0 && to === text.length ? text : text.slice(from, to), exact, maxErrors);
  for (const found of matches) {
    const m = { start: found.start + from, end: found.end + from };
    // Scoring a candidate is another match of the quote against it.
    const cost = cells(m.end - m.start, exact.length);
    if (cost > budget.cells) break;
    budget.cells -= cost;
    const sim = similarity(exact, text.slice(m.start, m.end));
    if (sim < MIN_SIMILARITY) continue;
    const ctx = contextScore(text, m.start, m.end, anchor.quote);
    // A short quote matched only approximately needs its context too ("Путіна" is not "Путіним").
    if (ctx < 0.5 && exact.length < 20) continue;
    const score = 50 * sim + 20 * ctx + 2 * closeness(m.start);
    if (score > bestScore) {
      bestScore = score;
      bestMatch = { start: m.start, end: m.end, method: 'fuzzy', similarity: sim };
    }
  }
  return bestMatch;
}

export interface TextChange {
  /** Offset of the replaced range in the text before the change. */
  start: number;
  end: number;
  /** Length of the inserted text. */
  inserted: number;
}

/**
 * Carries a span through one edit (as reported by the editor): shifts it when the edit is before
 * it, stretches or shrinks it when the edit is inside it. Returns null when the edit removed it.
 */
export function shift(
  span: { start: number; end: number },
  c: TextChange,
): { start: number; end: number } | null {
  const delta = c.inserted - (c.end - c.start);
  if (c.end <= span.start) {
    // Before the span (an insertion exactly at its start pushes it too).
    return { start: span.start + delta, end: span.end + delta };
  }
  if (c.start >= span.end) return span; // after it
  if (c.start <= span.start && c.end >= span.end) return null; // the span was replaced whole
  // Overlapping: keep the parts that survive.
  const start = c.start < span.start ? c.start + c.inserted : span.start;
  const end = c.end > span.end ? c.start + c.inserted : span.end + delta;
  return end > start ? { start, end } : null;
}
