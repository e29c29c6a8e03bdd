/**
 * Attributions from the learned tagger's roles. Each run of cue tokens (runs a few untagged words
 * apart in one sentence together) is an attribution; each run of source or content tokens joins
 * the nearest cue of its sentence (a cue inside a content run is that content's nested
 * attribution, not its own), else the nearest of its paragraph; a cue given no source takes the
 * rules' source for it. The rest is built as the rules build it: the source classified (person,
 * outlet, anonymous …), pronouns and documents resolved across the article, and a chain link kept
 * where the rules saw the same link. A model that leaves every role to the rules gives the rules'
 * attributions as they are, each with how sure the model was of its cue.
 */
import type { Article, ArticleParagraph } from '../article';
import { type Compiled, compile, verbClassOf } from '../attribution/compiled';
import { buildMentionIndex, type Cue } from '../attribution/context';
import { classifySource } from '../attribution/finish';
import { resolveSources } from '../attribution/resolveSources';
import { EN } from '../attribution/words';
import type { Token } from '../text';
import type { Analysis, Attribution, Language, Span } from '../types';
import {
  CONTENT,
  CUE,
  INSIDE_QUOTES,
  prepareRoles,
  ROLE_BITS,
  ROLE_DENSE,
  ROLE_TAGS,
  type RoleUnit,
  SOURCE,
  TAG_BITS,
  tagOfBits,
} from './attributionTagger';
import { inferMean, inferMeanAt } from './inference';
import type { Net } from './net';

interface Run {
  a: number;
  b: number;
  sentence: number;
  /** Mean probability of the tokens' tags. */
  confidence: number;
}

/** A number for each role (a weight, a threshold, a score). */
export interface RoleValues {
  cue: number;
  source: number;
  content: number;
}

/**
 * How tags become roles, role by role: the model's probability of the role mixed with the rules'
 * own finding (1 or 0) by the role's weight, and the role taken where that reaches the role's
 * threshold (both chosen on held-out data when the model was trained).
 */
export interface RoleDecoding {
  weights: RoleValues;
  thresholds: RoleValues;
  /** 1: the model may add to the rules' finding of the role but not take it away. */
  keep?: RoleValues;
  /**
   * A lower threshold for a token next to one of the role in its sentence: a run grows over its
   * weaker ends ("has also intensified", where "intensified" alone passes). 1: no growing.
   */
  extend?: RoleValues;
}

/** The rules' roles exactly: what a model trained on too little data to measure decodes to. */
export const RULES_DECODING: RoleDecoding = {
  weights: { cue: 1, source: 1, content: 1 },
  thresholds: { cue: 0.5, source: 0.5, content: 0.5 },
};

/** The rules' weight over the three roles, for the model's metadata (`rulesWeight`). */
export const meanWeight = (d: RoleDecoding) => (d.weights.cue + d.weights.source + d.weights.content) / 3;

/** The role bits of a token's rules' tag (the unit's first dense features). */
function ruleBits(unit: RoleUnit, t: number): number {
  for (let c = 1; c < ROLE_TAGS.length; c++)
    if (unit.input.dense[t * ROLE_DENSE + c] === 1) return TAG_BITS[c];
  return 0;
}

/**
 * The model's probability of a role at a token mixed with the rules' finding (1 or 0) by the
 * role's weight; `rule` is the token's ruleBits.
 */
function mixOf(
  probs: Float32Array,
  t: number,
  rule: number,
  role: keyof RoleValues,
  bit: number,
  d: RoleDecoding,
) {
  const T = ROLE_TAGS.length;
  let p = 0;
  for (let k = 1; k < T; k++) if (TAG_BITS[k] & bit) p += probs[t * T + k];
  const w = d.weights[role];
  return (1 - w) * p + w * (rule & bit ? 1 : 0);
}

/** Each token's tag from the model's probabilities and the rules' tag. */
export function roleTags(probs: Float32Array, unit: RoleUnit, d: RoleDecoding): Int32Array {
  const n = unit.input.n;
  const tags = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    const rule = ruleBits(unit, t);
    let bits = 0;
    for (const [role, bit] of ROLE_BITS)
      if (mixOf(probs, t, rule, role, bit, d) >= d.thresholds[role] || (d.keep?.[role] && rule & bit))
        bits |= bit;
    tags[t] = tagOfBits(bits);
  }
  if (d.extend) extendRuns(probs, unit, d, tags);
  return tags;
}

/**
 * Runs of each role grown over neighbours in their sentence whose mix reaches the role's lower
 * threshold (d.extend).
 */
function extendRuns(probs: Float32Array, unit: RoleUnit, d: RoleDecoding, tags: Int32Array): void {
  const n = unit.input.n;
  for (const [role, bit] of ROLE_BITS) {
    const low = d.extend?.[role] ?? 1;
    if (low >= d.thresholds[role]) continue;
    const has = (t: number) => (TAG_BITS[tags[t]] & bit) !== 0;
    const grow = (t: number, from: number) => {
      if (has(t) || !has(from) || unit.sentenceOf[t] !== unit.sentenceOf[from]) return;
      // A cue does not grow over a source, nor a source over a cue: a token holds one of them.
      if (bit !== CONTENT && TAG_BITS[tags[t]] & (CUE | SOURCE)) return;
      if (mixOf(probs, t, ruleBits(unit, t), role, bit, d) >= low)
        tags[t] = tagOfBits(TAG_BITS[tags[t]] | bit);
    };
    for (let t = 1; t < n; t++) grow(t, t - 1);
    for (let t = n - 2; t >= 0; t--) grow(t, t + 1);
  }
}

/** Runs of tokens holding a role bit (a cue or source run stays in its sentence). */
function runsOf(unit: RoleUnit, tags: Int32Array, probs: Float32Array, bit: number): Run[] {
  const T = ROLE_TAGS.length;
  const runs: Run[] = [];
  let cur: (Run & { sum: number }) | undefined;
  for (let t = 0; t <= unit.tokens.length; t++) {
    const on = t < unit.tokens.length && (TAG_BITS[tags[t]] & bit) !== 0;
    const s = unit.sentenceOf[t];
    if (cur && (!on || (bit !== CONTENT && s !== cur.sentence))) {
      runs.push({ a: cur.a, b: cur.b, sentence: cur.sentence, confidence: cur.sum / (cur.b - cur.a + 1) });
      cur = undefined;
    }
    if (!on) continue;
    if (!cur) cur = { a: t, b: t, sentence: s, confidence: 0, sum: 0 };
    cur.b = t;
    cur.sum += probs[t * T + tags[t]];
  }
  return runs;
}

/** Cue runs of one attribution: a few untagged words apart in one sentence ("said … on Monday in a statement"). */
interface CueGroup extends Run {
  runs: Run[];
}

const CUE_GAP = 3;

function cueGroups(runs: Run[], tags: Int32Array): CueGroup[] {
  const groups: CueGroup[] = [];
  for (const r of runs) {
    const g = groups[groups.length - 1];
    const between = g ? tags.subarray(g.b + 1, r.a) : undefined;
    if (
      g &&
      g.sentence === r.sentence &&
      between &&
      between.length <= CUE_GAP &&
      between.every((x) => TAG_BITS[x] === 0)
    ) {
      g.runs.push(r);
      g.confidence = Math.min(g.confidence, r.confidence);
      g.b = r.b;
    } else groups.push({ ...r, runs: [r] });
  }
  return groups;
}

const NO_WORDS: ReadonlySet<string> = new Set();
/** Words before a source's name that belong to it (the New York Times, his aides). */
const SOURCE_LEAD: Partial<Record<Language, ReadonlySet<string>>> = { en: EN.determiners };
/** Untagged words a source's run may have a hole of (EB-5 [funding for] development projects). */
const SOURCE_GAP = 2;

/**
 * Source runs as the tagger leaves them, mended: a run often lacks its first word ("New York
 * Times" for "the New York Times", ". Obama" for "Mr. Obama") or has a hole ("Ronald R.
 * Fieldstone, a Miami lawyer … using EB-5" and "development projects"). A run takes a determiner
 * or an abbreviation's word just before it, and runs a few untagged words apart in one sentence
 * are one (no quotation mark between: a quote parts a source from the next).
 */
export function mendSourceRuns(
  unit: RoleUnit,
  tags: Int32Array,
  runs: Run[],
  lead: ReadonlySet<string>,
): Run[] {
  const { tokens, sentenceOf } = unit;
  const free = (t: number) => t >= 0 && TAG_BITS[tags[t]] === 0 && sentenceOf[t] === sentenceOf[t + 1];
  const out: Run[] = [];
  for (const run of runs) {
    const r = { ...run };
    for (;;) {
      const before = tokens[r.a - 1];
      if (!free(r.a - 1) || !before) break;
      // "Mr" before ". Obama", "S" before ".E.C.": the period's word.
      const glued = tokens[r.a].text === '.' && before.end === tokens[r.a].start && before.kind === 'word';
      if (!(glued || lead.has(before.norm))) break;
      r.a--;
    }
    const last = out[out.length - 1];
    const gap = last ? r.a - last.b - 1 : -1;
    if (
      last &&
      last.sentence === r.sentence &&
      gap >= 0 &&
      gap <= SOURCE_GAP &&
      tokens.slice(last.b + 1, r.a).every((t, k) => free(last.b + 1 + k) && t.kind !== 'quote')
    ) {
      last.confidence = Math.min(last.confidence, r.confidence);
      last.b = r.b;
    } else out.push(r);
  }
  return out;
}

/** The first index in [0, n) where a predicate that turns from false to true holds (n if none). */
function firstWhere(n: number, holds: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The cue a source or content run belongs to: nearest in its sentence, else in its paragraph.
 * Cues are in text order and apart, so only the run's neighbours can be nearest (found by
 * bisection: a paragraph of thousands of cues costs no more per run).
 */
function nearestCue(run: Run, cues: Run[], nested: boolean): number {
  const before = firstWhere(cues.length, (i) => cues[i].a >= run.a) - 1;
  const lastIn = firstWhere(cues.length, (i) => cues[i].a > run.b) - 1;
  let best = -1;
  let bestKey = Number.POSITIVE_INFINITY;
  for (const i of new Set([before, before + 1, lastIn, lastIn + 1])) {
    const c = cues[i];
    // A cue inside a content run is the cue of an attribution nested in that content.
    if (!c || (nested && c.a >= run.a && c.b <= run.b)) continue;
    const gap = c.b < run.a ? run.a - c.b : c.a > run.b ? c.a - run.b : 0;
    const key = (c.sentence === run.sentence ? 0 : 1e6) + gap;
    if (key < bestKey || (key === bestKey && i < best)) [best, bestKey] = [i, key];
  }
  return best;
}

/** Spans of attributions sorted by start, apart: the one a span overlaps, found by bisection. */
function spanIndex(atts: Attribution[]): (s: { start: number; end: number }) => Attribution | undefined {
  const spans = atts.flatMap((att) => att.cue.map((s) => ({ start: s.start, end: s.end, att })));
  spans.sort((a, b) => a.start - b.start);
  return (s) => {
    // The last span starting before s ends overlaps s if it ends after s starts.
    const k = firstWhere(spans.length, (i) => spans[i].start >= s.end) - 1;
    return k >= 0 && spans[k].end > s.start ? spans[k].att : undefined;
  };
}

const spanOf = (text: string, unit: RoleUnit, r: Run): Span => {
  const start = unit.tokens[r.a].start;
  const end = unit.tokens[r.b].end;
  return { start, end, text: text.slice(start, end) };
};

/** The article's attributions by the learned tagger, in text order, ids A1, A2, …. */
export function learnedAttributions(
  nets: readonly Net[],
  decoding: RoleDecoding,
  text: string,
  rules: Analysis,
  article: Article,
  lang: Language,
  cueWords?: ReadonlySet<string>,
): Attribution[] {
  // Only paragraphs that can hold a cue are made into network inputs (decoding asks again:
  // training decodes paragraphs tagged without this choice).
  const c = compile(lang);
  const onlyRules = cuesAreTheRules(decoding);
  const reads = (p: ArticleParagraph, rulesCue: boolean) =>
    canHoldCue(rulesCue, p.sentences, onlyRules, c, cueWords);
  // Rating the rules' own attributions needs no ensemble: its first network says how sure it is.
  const readers = leavesAllToRules(decoding) ? nets.slice(0, 1) : nets;
  const tagged = tagParagraphs(readers, text, rules, article, reads);
  return decodeAttributions(tagged, decoding, text, rules, lang, cueWords);
}

/** An article's paragraphs as the tagger reads them, and its probabilities for each (made when first asked, once). */
export interface TaggedParagraphs {
  units: RoleUnit[];
  probs: (i: number) => Float32Array;
  /** Only these tokens' rows filled (the network run around them alone): for a few tokens of a long paragraph. */
  probsAt: (i: number, positions: number[]) => Float32Array;
}

/** The costly part, the network's pass, apart from decoding: several decodings of one article share it. */
export function tagParagraphs(
  nets: readonly Net[],
  text: string,
  rules: Analysis,
  article: Article,
  reads?: (p: ArticleParagraph, rulesCue: boolean) => boolean,
): TaggedParagraphs {
  const units = prepareRoles(text, rules, article, undefined, undefined, reads);
  const made: Float32Array[] = [];
  return {
    units,
    probs: (i) => (made[i] ??= inferMean(nets, units[i].input)),
    probsAt: (i, positions) => made[i] ?? inferMeanAt(nets, units[i].input, positions),
  };
}

/** The attributions of tagged paragraphs with one decoding. */
export function decodeAttributions(
  tagged: TaggedParagraphs,
  decoding: RoleDecoding,
  text: string,
  rules: Analysis,
  lang: Language,
  cueWords?: ReadonlySet<string>,
): Attribution[] {
  if (leavesAllToRules(decoding)) return rulesWithConfidence(tagged, rules);
  const c = compile(lang);
  const mentionAt = buildMentionIndex(rules.entities);
  const out: Attribution[] = [];
  const sentenceOf = new Map<Attribution, number>();
  const ruleAt = spanIndex(rules.attributions);
  const onlyRulesCues = cuesAreTheRules(decoding);
  const lead = SOURCE_LEAD[lang] ?? NO_WORDS;
  for (const [i, unit] of tagged.units.entries()) {
    // No cue, no attribution: a paragraph that cannot hold a cue needs no network at all (most
    // paragraphs of a news article).
    if (!canHoldCue(rulesHaveCue(unit), [unit], onlyRulesCues, c, cueWords)) continue;
    const probs = tagged.probs(i);
    const tags = roleTags(probs, unit, decoding);
    const cues = cueGroups(runsOf(unit, tags, probs, CUE), tags);
    if (!cues.length) continue;
    const atts = cues.map((cue) => ({ cue, source: [] as Span[], content: [] as Span[], direct: true }));
    for (const r of mendSourceRuns(unit, tags, runsOf(unit, tags, probs, SOURCE), lead))
      atts[nearestCue(r, cues, false)]?.source.push(spanOf(text, unit, r));
    for (const r of runsOf(unit, tags, probs, CONTENT)) {
      const x = atts[nearestCue(r, cues, true)];
      if (!x) continue;
      x.content.push(spanOf(text, unit, r));
      x.direct &&= quotedRun(unit, r);
    }
    for (const x of atts) {
      const cueSpans = x.cue.runs.map((r) => spanOf(text, unit, r));
      const ruled = cueSpans.map(ruleAt).find((a) => a);
      // No source tagged, but the rules found one for this cue: theirs (the tagger missed it).
      if (!x.source.length && ruled?.source.length) x.source = ruled.source.map((sp) => ({ ...sp }));
      const cue: Cue = { a: x.cue.a, b: x.cue.b, spans: cueSpans, kind: 'verb', sourceAt: 'auto' };
      const { kind, entity } = classifySource(c, x.source, mentionAt, cue, ruled?.sourceKind);
      const att: Attribution = {
        id: '',
        cue: cueSpans,
        source: x.source,
        content: x.content,
        direct: x.content.length > 0 && x.direct,
        anonymous: kind === 'anonymous' || kind === 'none',
        sourceKind: kind,
        confidence: x.cue.confidence,
      };
      if (entity) att.sourceEntity = entity;
      out.push(att);
      sentenceOf.set(att, x.cue.sentence);
    }
  }
  out.sort((a, b) => a.cue[0].start - b.cue[0].start);
  out.forEach((a, i) => {
    a.id = `A${i + 1}`;
  });
  linkAsRulesDo(out, rules.attributions);
  resolveSources(text, out, sentenceOf, c, rules.entities, mentionAt);
  return out;
}

/**
 * Whether the model cannot make a cue where the rules have none: there the mix is (1 − w) × p,
 * and p ≤ 1 (with room for the rounding of a sum of probabilities) keeps it below the threshold.
 */
export const cuesAreTheRules = (d: RoleDecoding) => 1 - d.weights.cue + 1e-6 < d.thresholds.cue;

/** Whether a paragraph has a token of a rules' cue (its rules' tag, the first dense features, has the cue bit). */
export function rulesHaveCue(unit: RoleUnit): boolean {
  const T = ROLE_TAGS.length;
  const dense = unit.input.dense;
  for (let t = 0; t < unit.input.n; t++)
    for (let c = 1; c < T; c++) if (TAG_BITS[c] & CUE && dense[t * ROLE_DENSE + c] === 1) return true;
  return false;
}

const cueSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** A model's cue words as a set, made once per model. */
export function cueWordSet(words: readonly string[] | undefined): ReadonlySet<string> | undefined {
  if (!words) return undefined;
  let s = cueSets.get(words);
  if (!s) {
    s = new Set(words);
    cueSets.set(words, s);
  }
  return s;
}

/**
 * Whether a paragraph can hold an attribution: it has a rules' cue, or the model makes its own
 * cues and the paragraph has a sign of one (mayHoldCue).
 */
function canHoldCue(
  rulesCue: boolean,
  sentences: readonly { tokens: readonly Token[] }[],
  onlyRulesCues: boolean,
  c: Compiled,
  cueWords: ReadonlySet<string> | undefined,
): boolean {
  return rulesCue || (!onlyRulesCues && mayHoldCue(sentences, c, cueWords));
}

/**
 * Whether a model that makes its own cues could make one in these sentences where the rules
 * have none: they have a speech verb or a word of another cue of the lexicon (cueAnchors), or
 * a word of the cues the model was trained on (one word per cue, see cueWordsOf). Without its
 * cue words (a model file from before them) any could.
 */
function mayHoldCue(
  sentences: readonly { tokens: readonly Token[] }[],
  c: Compiled,
  cueWords: ReadonlySet<string> | undefined,
): boolean {
  if (!cueWords) return true;
  return sentences.some((s) =>
    s.tokens.some(
      (t) =>
        cueWords.has(t.norm) ||
        (t.kind === 'word' && (c.cueAnchors.has(t.norm) || verbClassOf(c, t.norm) !== undefined)),
    ),
  );
}

/** With a weight of 1 a role is the rules' exactly, whatever its threshold. */
const leavesAllToRules = (d: RoleDecoding) => ROLE_BITS.every(([role]) => d.weights[role] === 1);

/** The rules' attributions, each with the model's mean probability of a cue over its cue tokens. */
function rulesWithConfidence(tagged: TaggedParagraphs, rules: Analysis): Attribution[] {
  const T = ROLE_TAGS.length;
  const out = rules.attributions.map((a) => ({ ...a }));
  const cueAt = spanIndex(out);
  const sums = new Map<Attribution, { sum: number; n: number }>();
  for (const [i, unit] of tagged.units.entries()) {
    const hits = unit.tokens.map((tok) => cueAt(tok));
    const positions = hits.flatMap((h, t) => (h ? [t] : []));
    if (!positions.length) continue;
    const probs = tagged.probsAt(i, positions);
    hits.forEach((att, t) => {
      if (!att) return;
      let p = 0;
      for (let k = 1; k < T; k++) if (TAG_BITS[k] & CUE) p += probs[t * T + k];
      const acc = sums.get(att) ?? { sum: 0, n: 0 };
      acc.sum += p;
      acc.n++;
      sums.set(att, acc);
    });
  }
  for (const [att, { sum, n }] of sums) att.confidence = sum / n;
  return out;
}

/** Whether every word of a run is inside quotation marks (the tagger's feature of each token). */
function quotedRun(unit: RoleUnit, r: Run): boolean {
  const D = ROLE_DENSE;
  for (let t = r.a; t <= r.b; t++)
    if (unit.tokens[t].kind === 'word' && unit.input.dense[t * D + INSIDE_QUOTES] !== 1) return false;
  return true;
}

/** A chain link (this attribution relays that one) kept where the rules link the same two cues. */
function linkAsRulesDo(learned: Attribution[], rules: Attribution[]): void {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const at = spanIndex(learned);
  const counterpart = (r: Attribution) => r.cue.map(at).find((x) => x);
  for (const r of rules) {
    const via = r.via && byId.get(r.via);
    if (!via) continue;
    const l = counterpart(r);
    const lv = counterpart(via);
    if (l && lv && l !== lv) l.via = lv.id;
  }
}
