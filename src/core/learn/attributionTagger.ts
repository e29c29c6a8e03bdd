/**
 * The learned attribution tagger: each token of a paragraph gets its roles (cue, source, content;
 * a token of a quoted attribution nested in another's content has two), read by the network from
 * the tokens and from the rules' own attributions, which pass straight to the output at first.
 * Paragraphs, not sentences, are the sequences: content runs across sentences.
 */
import type { Article, ArticleParagraph } from '../article';
import { compile, isAnonymousWord, verbClassOf } from '../attribution/compiled';
import { findQuotes } from '../quotes';
import type { Token } from '../text';
import type { Analysis, Attribution, Language } from '../types';
import { FEATURE_ROWS, lookOf } from './features';
import type { NetShape, SeqInput } from './net';
import { shapeFor, type TrainOptions } from './trainLoop';

export const ROLE_TAGS = ['O', 'CUE', 'SOURCE', 'CONTENT', 'CONTENT+CUE', 'CONTENT+SOURCE'] as const;
/** Role bits of a tag (cue 1, source 2, content 4), by tag id. */
export const TAG_BITS = [0, 1, 2, 4, 5, 6];
export const CUE = 1;
export const SOURCE = 2;
export const CONTENT = 4;
export const ROLE_BITS = [
  ['cue', CUE],
  ['source', SOURCE],
  ['content', CONTENT],
] as const;
/**
 * Dense features: the rules' tag (6); capitalised, all capitals, digits, first word of its
 * sentence, punctuation, quotation mark, inside quotation marks; inside a PER / ORG / LOC mention;
 * the sentence has a rules' cue, before its first one, after its last one; a speech verb or cue
 * word of the lexicon, a word for an unnamed source, a pronoun.
 */
export const ROLE_DENSE = ROLE_TAGS.length + 16;
/** The dense feature that says a token is inside quotation marks. */
export const INSIDE_QUOTES = ROLE_TAGS.length + 6;

/** The tag of a token with these role bits: a cue wins over a source (a token has one inner role). */
export function tagOfBits(bits: number): number {
  const inner = bits & CUE ? CUE : bits & SOURCE ? SOURCE : 0;
  return TAG_BITS.indexOf(inner | (bits & CONTENT));
}

export interface Range {
  start: number;
  end: number;
}

export interface RoleSpans {
  cue: Range[];
  source: Range[];
  content: Range[];
}

export interface AttributionDoc {
  text: string;
  attributions: RoleSpans[];
  language?: Language;
  /** Only these parts were annotated: the rest is neither trained on nor scored. */
  regions?: Range[];
}

/** A paragraph as the network reads it. */
export interface RoleUnit {
  input: SeqInput;
  tokens: Token[];
  /** Index of each token's sentence in the article (counted over all paragraphs). */
  sentenceOf: Int32Array;
  /** Gold tags (−1: not annotated, not trained on). */
  gold: Int32Array;
  paragraph: number;
}

/** Documents from which the role tagger is made wider and deeper. */
export const LARGE_ROLE_DATA = 200;

/**
 * Wider and deeper than the entity tagger's: roles depend on words further away. With a corpus
 * (PolNeAR's 840 articles) a window of four tokens each side and 64 units: source +1.2 points,
 * attribution-level +1.8, cue +0.4 (seeds 1–3); 128 units: cue, source and content +0.2 to +0.4
 * (seeds 1–3), attribution level +1.1, and with three of them averaged (ENSEMBLE) a point more
 * than three of 64 units in source and level. Its four layers see 1, 2, 4 and 8 tokens away
 * (dilation.ts), 15 each side in all, for the same cost: one network, trained on train and scored
 * on dev (seeds 1 and 2, each role at its best of the same six decodings), source 0.759 → 0.778
 * and 0.751 → 0.773, content 0.829 → 0.842 and 0.821 → 0.842, attribution level 0.734 → 0.731
 * and 0.712 → 0.731, cue 0.665 → 0.661 and 0.648 → 0.658. With a few dozen reviewed articles
 * the smaller network, which trains in a third of the time of one wider one, with plain layers:
 * trained on 40 PolNeAR articles, layers looking 1, 2 and 4 away gained nothing (seeds 1 and 2).
 */
export const roleShape = (o: TrainOptions = {}, documents = 0): NetShape =>
  shapeFor(
    { dense: ROLE_DENSE, tags: ROLE_TAGS.length },
    o,
    documents >= LARGE_ROLE_DATA
      ? { hidden: 128, windows: 4, dilations: [1, 2, 4, 8] }
      : { hidden: 48, windows: 3 },
  );

/** A span with a bit: a role (cue, source, content) or an entity type. */
export interface TaggedSpan extends Range {
  bit: number;
}

/** Spans in text order, asked for paragraph after paragraph: each span is looked at a bounded number of times. */
export class SpanSweep<S extends Range> {
  private readonly spans: S[];
  private k = 0;
  private open: S[] = [];

  constructor(spans: S[]) {
    this.spans = [...spans].sort((a, b) => a.start - b.start);
  }

  /** The spans overlapping [from, to); calls must come with `from` and `to` not decreasing. */
  overlapping(from: number, to: number): S[] {
    while (this.k < this.spans.length && this.spans[this.k].start < to) this.open.push(this.spans[this.k++]);
    this.open = this.open.filter((s) => s.end > from);
    return this.open.filter((s) => s.start < to);
  }
}

/** Every role span of some attributions, with its role's bit. */
export function roleSpans(atts: RoleSpans[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (const a of atts)
    for (const [role, bit] of ROLE_BITS)
      for (const s of a[role]) out.push({ start: s.start, end: s.end, bit });
  return out;
}

/** Role bits per character of [from, to). */
function roleMask(from: number, to: number, spans: TaggedSpan[]): Uint8Array {
  const mask = new Uint8Array(to - from);
  for (const s of spans)
    for (let i = Math.max(s.start, from); i < Math.min(s.end, to); i++) mask[i - from] |= s.bit;
  return mask;
}

function bitsOf(mask: Uint8Array, from: number, tok: Token): number {
  let bits = 0;
  for (let i = tok.start; i < tok.end; i++) bits |= mask[i - from];
  return bits;
}

const ENTITY_BIT: Record<string, number> = { PER: 1, ORG: 2, LOC: 3 };

/** Per sentence: the first and the last token of the rules' cues in it. */
function cuesBySentence(ruleBits: number[], sentenceOf: number[]) {
  const firstCue = new Map<number, number>();
  const lastCue = new Map<number, number>();
  ruleBits.forEach((b, t) => {
    if (!(b & CUE)) return;
    const s = sentenceOf[t];
    if (!firstCue.has(s)) firstCue.set(s, t);
    lastCue.set(s, t);
  });
  return { firstCue, lastCue };
}

/** What the paragraph's tokens look like to the tagger, and (with gold) what they should be. */
function paragraphUnit(
  text: string,
  p: ArticleParagraph,
  firstSentence: number,
  rules: TaggedSpan[],
  entityMask: Uint8Array,
  lang: Language,
  gold?: Uint8Array,
  regions?: Range[],
): RoleUnit {
  const c = compile(lang);
  const tokens: Token[] = [];
  const sentenceOf: number[] = [];
  const firstWord = new Set<number>();
  p.sentences.forEach((s, k) => {
    const first = s.tokens.findIndex((t) => t.kind === 'word' || t.kind === 'number');
    if (first >= 0) firstWord.add(tokens.length + first);
    for (const t of s.tokens) {
      tokens.push(t);
      sentenceOf.push(firstSentence + k);
    }
  });
  const n = tokens.length;
  const ruleMask = roleMask(p.start, p.end, rules);
  const quoted = new Uint8Array(p.end - p.start);
  for (const q of findQuotes(text, p.start, p.end)) quoted.fill(1, q.open + 1 - p.start, q.close - p.start);
  const ruleBits = tokens.map((t) => bitsOf(ruleMask, p.start, t));
  const { firstCue, lastCue } = cuesBySentence(ruleBits, sentenceOf);
  const T = ROLE_TAGS.length;
  const F = FEATURE_ROWS.length;
  const ids = new Int32Array(n * F);
  const dense = new Float32Array(n * ROLE_DENSE);
  const goldTags = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    const tok = tokens[t];
    const look = lookOf(tok);
    ids.set(look.ids, t * F);
    const d = t * ROLE_DENSE;
    dense[d + tagOfBits(ruleBits[t])] = 1;
    const s = sentenceOf[t];
    const ent = entityMask[tok.start - p.start];
    const feats = [
      look.capital,
      look.allCaps,
      look.digits,
      firstWord.has(t) ? 1 : 0,
      tok.kind === 'punct' ? 1 : 0,
      tok.kind === 'quote' ? 1 : 0,
      quoted[tok.start - p.start] ?? 0,
      ent === 1 ? 1 : 0,
      ent === 2 ? 1 : 0,
      ent === 3 ? 1 : 0,
      firstCue.has(s) ? 1 : 0,
      firstCue.has(s) && t < firstCue.get(s)! ? 1 : 0,
      lastCue.has(s) && t > lastCue.get(s)! ? 1 : 0,
      tok.kind === 'word' && (c.cueStarts.has(tok.norm) || verbClassOf(c, tok.norm)) ? 1 : 0,
      tok.kind === 'word' && isAnonymousWord(c, tok.norm) ? 1 : 0,
      tok.kind === 'word' && c.pronouns.has(tok.norm) ? 1 : 0,
    ];
    for (let k = 0; k < feats.length; k++) dense[d + T + k] = feats[k];
    if (gold) {
      const inside = !regions || regions.some((r) => tok.start < r.end && tok.end > r.start);
      goldTags[t] = inside ? tagOfBits(bitsOf(gold, p.start, tok)) : -1;
    }
  }
  return {
    input: { ids, dense, n },
    tokens,
    sentenceOf: Int32Array.from(sentenceOf),
    gold: goldTags,
    paragraph: p.sentences[0]?.paragraph ?? 0,
  };
}

/** The rules' attributions as role spans. */
export const rolesOf = (atts: Attribution[]): RoleSpans[] =>
  atts.map((a) => ({ cue: a.cue, source: a.source, content: a.content }));

/**
 * An article's paragraphs (those with tokens, outside boilerplate) as network inputs, with gold
 * tags when `gold` is given; with `regions`, only paragraphs touching them, and only their
 * tokens inside them are trained on; with `reads`, only the paragraphs it takes (told whether
 * the rules found a cue in each).
 */
export function prepareRoles(
  text: string,
  analysis: Analysis,
  article: Article,
  gold?: RoleSpans[],
  regions?: Range[],
  reads?: (p: ArticleParagraph, rulesCue: boolean) => boolean,
): RoleUnit[] {
  const out: RoleUnit[] = [];
  // Sweeps, not a pass over every span for each paragraph: linear in a long article.
  const rules = new SpanSweep(roleSpans(rolesOf(analysis.attributions)));
  const golds = gold && new SpanSweep(roleSpans(gold));
  const mentions = new SpanSweep(
    analysis.entities.flatMap((e) =>
      e.mentions.map((m) => ({ start: m.start, end: m.end, bit: ENTITY_BIT[e.type] ?? 0 })),
    ),
  );
  let sentence = 0;
  for (const p of article.paragraphs) {
    const first = sentence;
    sentence += p.sentences.length;
    if (p.boilerplate || !p.sentences.some((s) => s.tokens.length)) continue;
    if (regions && !regions.some((r) => r.start < p.end && r.end > p.start)) continue;
    const entityMask = new Uint8Array(p.end - p.start);
    for (const m of mentions.overlapping(p.start, p.end))
      if (m.bit)
        entityMask.fill(m.bit, Math.max(m.start, p.start) - p.start, Math.min(m.end, p.end) - p.start);
    const goldMask = golds ? roleMask(p.start, p.end, golds.overlapping(p.start, p.end)) : undefined;
    const ruleSpans = rules.overlapping(p.start, p.end);
    if (
      reads &&
      !reads(
        p,
        ruleSpans.some((r) => r.bit === CUE),
      )
    )
      continue;
    out.push(paragraphUnit(text, p, first, ruleSpans, entityMask, analysis.language, goldMask, regions));
  }
  return out;
}
