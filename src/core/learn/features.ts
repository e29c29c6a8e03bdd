/**
 * What the learned tagger reads of a token: hashed ids of its normal form, prefix, suffix and
 * shape (no vocabulary to ship: any word has a row), and dense features that carry the rules'
 * own findings (their entity label for the token) and the token's look.
 */
import type { Sentence } from '../article';
import type { Token } from '../text';
import type { Analysis, EntityType } from '../types';
import type { SeqInput } from './net';

export const ENTITY_TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'] as const;
export const LEARNED_TYPES: EntityType[] = ['PER', 'ORG', 'LOC'];
/** Rows of the hashed tables: normal form, prefix, suffix, shape. */
export const FEATURE_ROWS = [32768, 4096, 8192, 1024];
/**
 * Dense features: the rules' tag (7), capitalised, all capitals, digits, first word, punctuation,
 * quote; and the document's memory: the rules found the word (by its first letters) elsewhere in
 * the article as a person, an organisation, a place.
 */
export const DENSE = ENTITY_TAGS.length + 9;
const MEMORY_BITS: Record<string, number> = { PER: 1, ORG: 2, LOC: 4 };

/** A capitalised word's key in the document's memory: its first letters, so that inflected forms meet. */
const memoryKey = (word: string) => word.toLowerCase().slice(0, 5);

/**
 * What the rules found each capitalised word of the article to be, anywhere in it (a name the
 * rules typed in one sentence is likely the same thing in another, even where they missed it).
 */
export function documentMemory(text: string, spans: TypedSpan[]): Map<string, number> {
  const memory = new Map<string, number>();
  for (const s of spans)
    for (const m of text.slice(s.start, s.end).matchAll(/\p{Lu}[\p{L}'’-]*/gu)) {
      const key = memoryKey(m[0]);
      memory.set(key, (memory.get(key) ?? 0) | MEMORY_BITS[s.type]);
    }
  return memory;
}

/** FNV-1a, 32 bits. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The word's shape: Xxxx, XX, dd, x-x … (runs of one class shortened to two). */
export function shapeOf(w: string): string {
  let out = '';
  for (const ch of w.slice(0, 12)) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (!(out.length >= 2 && out[out.length - 1] === c && out[out.length - 2] === c)) out += c;
  }
  return out;
}

export interface TypedSpan {
  start: number;
  end: number;
  type: EntityType;
}

/** The rules' PER/ORG/LOC mentions of an analysis, in text order: made once per document. */
export function ruleSpans(analysis: Analysis | undefined): TypedSpan[] {
  const spans: TypedSpan[] = [];
  for (const e of analysis?.entities ?? [])
    if (LEARNED_TYPES.includes(e.type))
      for (const m of e.mentions) spans.push({ start: m.start, end: m.end, type: e.type });
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * The rules' entity tag of each token, as tag ids. `cursor` carries the position in `spans` from
 * one sentence to the next, so that tagging a document's sentences in order reads each span once.
 */
export function rulesTags(tokens: Token[], spans: TypedSpan[], cursor = { k: 0 }): Int32Array {
  const tags = new Int32Array(tokens.length);
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    while (cursor.k < spans.length && spans[cursor.k].end <= tok.start) cursor.k++;
    const s = spans[cursor.k];
    if (!s || s.start >= tok.end) continue;
    tags[t] = ENTITY_TAGS.indexOf(
      `${tok.start <= s.start ? 'B' : 'I'}-${s.type}` as (typeof ENTITY_TAGS)[number],
    );
  }
  return tags;
}

export interface Look {
  ids: Int32Array;
  capital: number;
  allCaps: number;
  digits: number;
}

/**
 * A word's hashed ids and look, by its text (its normal form is made from its text alone): words
 * repeat, so each is worked out once.
 */
const looks = new Map<string, Look>();
const LOOKS_KEPT = 100_000;

export function lookOf(tok: Token): Look {
  const key = tok.text;
  let look = looks.get(key);
  if (look) return look;
  const w = tok.norm;
  const text = tok.text;
  look = {
    ids: Int32Array.from([
      hash(w) % FEATURE_ROWS[0],
      hash(`p:${w.slice(0, 3)}`) % FEATURE_ROWS[1],
      hash(`s:${w.slice(-3)}`) % FEATURE_ROWS[2],
      hash(shapeOf(text)) % FEATURE_ROWS[3],
    ]),
    capital: /\p{Lu}/u.test(text[0] ?? '') ? 1 : 0,
    allCaps: text.length > 1 && text === text.toUpperCase() && /\p{L}/u.test(text) ? 1 : 0,
    digits: /\p{N}/u.test(text) ? 1 : 0,
  };
  if (looks.size >= LOOKS_KEPT) looks.clear();
  looks.set(key, look);
  return look;
}

/** One sentence's input for the network. */
export function sentenceInput(
  s: Sentence,
  rules: Int32Array,
  firstWord: number,
  memory?: Map<string, number>,
): SeqInput {
  const F = FEATURE_ROWS.length;
  const n = s.tokens.length;
  const ids = new Int32Array(n * F);
  const dense = new Float32Array(n * DENSE);
  const T = ENTITY_TAGS.length;
  for (let t = 0; t < n; t++) {
    const tok = s.tokens[t];
    const look = lookOf(tok);
    ids.set(look.ids, t * F);
    const d = t * DENSE;
    dense[d + rules[t]] = 1;
    dense[d + T] = look.capital;
    dense[d + T + 1] = look.allCaps;
    dense[d + T + 2] = look.digits;
    dense[d + T + 3] = t === firstWord ? 1 : 0;
    dense[d + T + 4] = tok.kind === 'punct' ? 1 : 0;
    dense[d + T + 5] = tok.kind === 'quote' ? 1 : 0;
    const seen = look.capital && memory ? (memory.get(memoryKey(tok.text)) ?? 0) : 0;
    for (let k = 0; k < 3; k++) dense[d + T + 6 + k] = (seen >> k) & 1;
  }
  return { ids, dense, n };
}
