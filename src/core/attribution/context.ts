/**
 * What every attribution rule works on: the article's context, a cue, and one object that
 * describes a cue site (the cue in its sentence, with everything its source and content rules
 * read), instead of a dozen positional parameters.
 */
import type { Article } from '../article';
import type { Phrase, VerbClass } from '../lexicon';
import type { Token } from '../text';
import type { Attribution, Entity, Language, Span } from '../types';

export interface AttributionContext {
  article: Article;
  text: string;
  lang: Language;
  entities: Entity[];
}

export interface Cue {
  /** Token index range [a, b] of the cue words (b inclusive). */
  a: number;
  b: number;
  spans: Span[];
  kind: Phrase['kind'] | VerbClass;
  /** Where the source is to be looked for. */
  sourceAt: 'after' | 'before' | 'none' | 'auto';
  /** Token index where an explicit source phrase starts (for possessive "За його словами"). */
  sourceTok?: number;
}

export interface IndexedMention {
  start: number;
  end: number;
  text: string;
  entity: Entity;
}

/** The entity mentions lying wholly inside [start, end), in text order. */
export type MentionIndex = (start: number, end: number) => IndexedMention[];

/** An attribution already built in the same sentence, with its cue. */
export interface Sibling {
  att: Attribution;
  cue: Cue;
}

export function buildMentionIndex(entities: Entity[]): MentionIndex {
  const spans: IndexedMention[] = [];
  for (const e of entities)
    for (const m of e.mentions) spans.push({ start: m.start, end: m.end, text: m.text, entity: e });
  spans.sort((a, b) => a.start - b.start);
  // Binary search for the first mention at or after `start`: keeps large articles linear.
  return (start, end) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    const out: IndexedMention[] = [];
    for (let i = lo; i < spans.length && spans[i].start < end; i++)
      if (spans[i].end <= end) out.push(spans[i]);
    return out;
  };
}

export const isWordTok = (t: Token | undefined) => !!t && (t.kind === 'word' || t.kind === 'number');

export const CLAUSE_STOP = new Set([',', ';', ':', '(', ')', '—', '–', '-', '.', '!', '?', '…']);

export function firstWordIndex(toks: Token[]): number {
  const i = toks.findIndex((t) => t.kind === 'word' || t.kind === 'number');
  return Math.max(i, 0);
}

let tmpId = 0;
/** A provisional id; findAttributions numbers the final list A1, A2, … */
export function nextTmpId(): string {
  return `tmp${++tmpId}`;
}
