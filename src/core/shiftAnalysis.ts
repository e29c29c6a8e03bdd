/**
 * Carries an analysis through edits made after it was computed, so that while the user types (and
 * the next analysis waits for the debounce) every finding stays on its words. A span whose text
 * was replaced whole keeps its place, empty, until the next analysis.
 */
import { shift, type TextChange } from './annotations/anchoring';
import type { Analysis, Span } from './types';

/**
 * `changes` as one editor event gives them: non-overlapping, sorted from the last to the first,
 * each in the offsets of the text before the event. `text` is the text after them.
 */
export function shiftAnalysis(analysis: Analysis, changes: readonly TextChange[], text: string): Analysis {
  if (!changes.length) return analysis;
  const move = <T extends Span>(s: T): T => {
    let at: { start: number; end: number } = s;
    for (const c of changes) {
      const next = shift(at, c);
      at = next ?? { start: c.start + c.inserted, end: c.start + c.inserted };
    }
    return at.start === s.start && at.end === s.end
      ? s
      : { ...s, start: at.start, end: at.end, text: text.slice(at.start, at.end) };
  };
  const spans = <T extends Span>(xs: T[]) => xs.map(move);
  return {
    ...analysis,
    entities: analysis.entities.map((e) => ({ ...e, mentions: spans(e.mentions) })),
    attributions: analysis.attributions.map((a) => ({
      ...a,
      cue: spans(a.cue),
      source: spans(a.source),
      content: spans(a.content),
    })),
    boilerplate: spans(analysis.boilerplate),
  };
}
