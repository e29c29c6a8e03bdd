/**
 * Training the attribution tagger and measuring it: as for entities, a model trained on four
 * fifths chooses on the last fifth how much the rules' own roles weigh against it (so that little
 * data never makes it worse than the rules), then it is trained again on all the documents.
 * Scored as the eval data is: character overlap of cue, source and content.
 */
import { analyze, quoteView } from '../analyze';
import { type Article, parseArticle } from '../article';
import { AttributionScorer } from '../evaluate';
import type { Analysis } from '../types';
import {
  type AttributionDoc,
  LARGE_ROLE_DATA,
  prepareRoles,
  type RoleSpans,
  roleShape,
} from './attributionTagger';
import {
  cueWordSet,
  decodeAttributions,
  type RoleDecoding,
  RULES_DECODING,
  type TaggedParagraphs,
  tagParagraphs,
} from './learnedAttributions';
import { netsOf, type RoleScores } from './modelFile';
import type { Net } from './net';
import { standsAboveZero } from './stats';
import { type Example, type TrainOptions, trainNet } from './trainLoop';

export interface TrainedRoles {
  net: Net;
  /** With a corpus, networks trained with other seeds: the tagger reads the mean of all (see ENSEMBLE). */
  others: Net[];
  decoding: RoleDecoding;
  /** A word of each cue it was trained on (see cueWordsOf). */
  cueWords: string[];
}

export type { RoleScores } from './modelFile';

const WEIGHTS = [0, 0.25, 0.5, 0.75, 1];
const MIN_DOCS_TO_MEASURE = 5;

interface Read {
  doc: AttributionDoc;
  article: Article;
  analysis: Analysis;
}

function readAll(docs: AttributionDoc[]): Read[] {
  return docs.map((doc) => ({
    doc,
    article: parseArticle(quoteView(doc.text)),
    analysis: analyze(doc.text, doc.language ? { language: doc.language } : {}),
  }));
}

/** A document's analysis with its attributions decoded from paragraphs the network tagged. */
function decoded(
  tagged: TaggedParagraphs,
  d: RoleDecoding,
  r: Read,
  cueWords?: ReadonlySet<string>,
): Analysis {
  const atts = decodeAttributions(tagged, d, r.doc.text, r.analysis, r.analysis.language, cueWords);
  return { ...r.analysis, attributions: atts };
}

const tagged = (nets: readonly Net[], r: Read) => tagParagraphs(nets, r.doc.text, r.analysis, r.article);
const learned = (t: TrainedRoles, r: Read) =>
  decoded(tagged(netsOf(t), r), t.decoding, r, cueWordSet(t.cueWords));

/** A word is a cue word only if at least this share of its occurrences in the training texts are in cues. */
export const CUE_WORD_RATE = 0.1;

/**
 * A word of each gold cue, the one most often in a cue when it occurs ("за словами" gives
 * "словами", not "за"), if it is in a cue at least CUE_WORD_RATE of the times it occurs: with
 * the rules' cues and the lexicon they tell which paragraphs the model need read at all
 * (mayHoldCue). A word seldom a cue (a colon that was one once in 30) is no sign of one: the
 * network learns the same and rarely tags it a cue where no other sign is.
 */
export function cueWordsOf(docs: { text: string; attributions: RoleSpans[]; article: Article }[]): string[] {
  const count = new Map<string, number>();
  const inCues = new Map<string, number>();
  const tokensOf = docs.map((d) => d.article.paragraphs.flatMap((p) => p.sentences.flatMap((s) => s.tokens)));
  for (const toks of tokensOf) for (const t of toks) count.set(t.norm, (count.get(t.norm) ?? 0) + 1);
  const cueWords = docs.flatMap((d, i) => {
    const toks = tokensOf[i];
    const tokenAt = new Int32Array(d.text.length).fill(-1);
    toks.forEach((t, k) => {
      tokenAt.fill(k, t.start, t.end);
    });
    return d.attributions.map((a) => {
      const words = new Set<string>();
      for (const sp of a.cue)
        for (let c = Math.max(0, sp.start); c < Math.min(sp.end, d.text.length); c++)
          if (tokenAt[c] >= 0) words.add(toks[tokenAt[c]].norm);
      for (const w of words) inCues.set(w, (inCues.get(w) ?? 0) + 1);
      return words;
    });
  });
  const rate = (w: string) => (inCues.get(w) ?? 0) / (count.get(w) ?? 1);
  // Most often a cue first; then the rarer, the longer, the first in alphabetical order (deterministic).
  const better = (a: string, b: string) =>
    rate(b) - rate(a) ||
    (count.get(a) ?? 0) - (count.get(b) ?? 0) ||
    b.length - a.length ||
    (a < b ? -1 : a > b ? 1 : 0);
  const out = new Set<string>();
  for (const words of cueWords) {
    const best = [...words].sort(better)[0];
    if (best !== undefined && rate(best) >= CUE_WORD_RATE) out.add(best);
  }
  return [...out].sort();
}

type ScoreRows = ReturnType<AttributionScorer['table']>['rows'];

const f1Of = (rows: ScoreRows, metric: string) => rows.find((x) => x.metric === metric)?.score.f1 ?? 0;

const rolesOf = (rows: ScoreRows): RoleScores => ({
  cue: f1Of(rows, 'cue (char overlap)'),
  source: f1Of(rows, 'source (char overlap)'),
  content: f1Of(rows, 'content (char overlap)'),
});

const scoreOf = (s: AttributionScorer): RoleScores => rolesOf(s.table().rows);

/**
 * What a decoding is chosen by: each role's character overlap, and for cues also the
 * attributions they make (cue and source right). Cue overlap alone is flat across thresholds
 * where the number of false attributions is not: on PolNeAR, thresholds 0.3 and 0.4 both gave
 * cue 0.640, and attribution-level F1 0.675 and 0.705.
 */
function choiceOf(s: AttributionScorer): RoleScores {
  const rows = s.table().rows;
  const r = rolesOf(rows);
  return { ...r, cue: (r.cue + f1Of(rows, 'attribution')) / 2 };
}

function goldOf(d: AttributionDoc) {
  const span = (x: { start: number; end: number }) => ({ ...x, text: d.text.slice(x.start, x.end) });
  return {
    id: '',
    text: d.text,
    attributions: d.attributions.map((a) => ({
      cue: a.cue.map(span),
      source: a.source.map(span),
      content: a.content.map(span),
    })),
  };
}

function score(t: TrainedRoles, reads: Read[]): RoleScores {
  const s = new AttributionScorer();
  for (const r of reads) s.add(goldOf(r.doc), learned(t, r));
  return scoreOf(s);
}

const examples = (reads: Read[]): Example[] =>
  reads.flatMap((r) => prepareRoles(r.doc.text, r.analysis, r.article, r.doc.attributions, r.doc.regions));

/**
 * Networks trained with different seeds whose probabilities are averaged, with a corpus (as many
 * documents as make the network wider). On PolNeAR (trained on train, scored on dev), three of
 * 128 units against one: cue 0.657 against 0.649, source 0.758 against 0.747, content 0.829
 * against 0.823, attribution level 0.720 against 0.712 (the single network the mean of seeds
 * 1–3, which varied by 2.3 points of cue); three of 64 units 0.656 / 0.750 / 0.825 / 0.712.
 */
export const ENSEMBLE = 3;
/** How far apart the ensemble's seeds are (seed, seed + 100, …): distinct from the seeds users pass. */
const SEED_STEP = 100;

function train(reads: Read[], o: TrainOptions): Net[] {
  const data = examples(reads);
  const shape = roleShape(o, reads.length);
  const count = reads.length >= LARGE_ROLE_DATA ? ENSEMBLE : 1;
  const nets: Net[] = [];
  for (let k = 0; k < count && !(k && o.isCancelled?.()); k++) {
    const network = count > 1 ? { k: k + 1, of: count } : undefined;
    const onEpoch = o.onEpoch && ((e: number, loss: number) => o.onEpoch?.(e, loss, network));
    const seed = (o.seed ?? 1) + k * SEED_STEP;
    nets.push(trainNet(data, shape, { ...o, seed, onEpoch }, { epochs: 4, lr: 0.001, minSteps: 400 }));
  }
  return nets;
}

const THRESHOLDS = [0.3, 0.4, 0.5];
/**
 * The lower threshold a run may grow over its ends at (see RoleDecoding.extend); 1: none. With
 * PolNeAR's ensemble (trained on train, scored on dev, threshold 0.4) growing cues over tokens
 * of 0.3, 0.2, 0.15, 0.1 gave cue 0.662, 0.664, 0.658, 0.641 against 0.657 (recall up, precision down).
 */
const EXTENDS = [1, 0.2];
const NO_EXTEND = { cue: 1, source: 1, content: 1 };
const ROLES = ['cue', 'source', 'content'] as const;
/** A role leaves the rules only for a model that beats them on held-out documents by this much. */
const MARGIN = 0.005;
/** Fewer documents than this are held out in turn (k-fold) to choose the decoding: one fifth is too few. */
const FOLD_BELOW = 50;

/** The decodings tried: the rules' roles, and the model's mixed with them at each weight and threshold. */
const CANDIDATES: RoleDecoding[] = [
  RULES_DECODING,
  ...WEIGHTS.filter((w) => w < 1).flatMap((w) =>
    THRESHOLDS.flatMap((th) =>
      [0, 1].flatMap((keep) =>
        EXTENDS.map((x) => ({
          weights: { cue: w, source: w, content: w },
          thresholds: { cue: th, source: th, content: th },
          keep: { cue: keep, source: keep, content: keep },
          extend: { cue: x, source: x, content: x },
        })),
      ),
    ),
  ),
];

/**
 * Each role's weight of the rules and threshold, chosen on documents the model did not see
 * (roles are scored apart): the rules alone unless the model is better by a margin. With little
 * data every document is held out once (k-fold), so that the choice rests on all of them.
 */
function chooseDecoding(reads: Read[], o: TrainOptions): RoleDecoding {
  const k = reads.length < FOLD_BELOW && !o.quick ? Math.min(3, reads.length) : 1;
  const scorers = CANDIDATES.map(() => new AttributionScorer());
  /** Per candidate, each held-out document's own scores (for how much a gain varies). */
  const perDoc: RoleScores[][] = CANDIDATES.map(() => []);
  for (let f = 0; f < k; f++) {
    const held = (i: number) => (k === 1 ? i % 5 === 4 : i % k === f);
    const net = train(
      reads.filter((_, i) => !held(i)),
      o,
    );
    for (const r of reads.filter((_, i) => held(i))) {
      // One pass of the network per document; each candidate only decodes it.
      const t = tagged(net, r);
      CANDIDATES.forEach((c, ci) => {
        const a = decoded(t, c, r);
        scorers[ci].add(goldOf(r.doc), a);
        const one = new AttributionScorer();
        one.add(goldOf(r.doc), a);
        perDoc[ci].push(choiceOf(one));
      });
    }
  }
  const scores = scorers.map(choiceOf);
  const best = {
    weights: { ...RULES_DECODING.weights },
    thresholds: { ...RULES_DECODING.thresholds },
    keep: { cue: 0, source: 0, content: 0 },
    extend: { ...NO_EXTEND },
  };
  for (const role of ROLES) {
    let top = scores[0][role] + MARGIN;
    CANDIDATES.forEach((c, ci) => {
      if (ci === 0 || scores[ci][role] <= top + 1e-9 || !steadyGain(perDoc[ci], perDoc[0], role)) return;
      top = scores[ci][role];
      best.weights[role] = c.weights[role];
      best.thresholds[role] = c.thresholds[role];
      best.keep[role] = c.keep?.[role] ?? 0;
      best.extend[role] = c.extend?.[role] ?? 1;
    });
  }
  return best;
}

/**
 * How many standard errors the mean gain must stand above zero. 48 decodings are tried
 * for each role, so a test at 5 % for each would let one in by chance: 3.1 is about 5 % / 48
 * (Bonferroni). With one or two, a model trained on 8 Ukrainian texts took over content with
 * +0.03 (2.1 standard errors) on its held-out texts, and lost 13 points on the next two;
 * PolNeAR's gains (5 to 12 standard errors on 168 held-out documents) pass.
 */
const STEADY = 3.1;

/**
 * Whether a candidate's gain over the rules holds across documents, not in one or two: the mean
 * of its per-document gains is STEADY standard errors above zero.
 */
export function steadyGain(model: RoleScores[], rules: RoleScores[], role: keyof RoleScores): boolean {
  return standsAboveZero(
    model.map((m, i) => m[role] - rules[i][role]),
    STEADY,
  );
}

function trainWithWeight(reads: Read[], o: TrainOptions): TrainedRoles {
  // Too few documents to hold any out: the rules decide, and the model only says how sure it is.
  const decoding = reads.length >= MIN_DOCS_TO_MEASURE ? chooseDecoding(reads, o) : RULES_DECODING;
  const cueWords = cueWordsOf(reads.map((r) => ({ ...r.doc, article: r.article })));
  const [net, ...others] = train(reads, o);
  return { net, others, decoding, cueWords };
}

export function trainAttributionTagger(docs: AttributionDoc[], o: TrainOptions = {}): TrainedRoles {
  return trainWithWeight(readAll(docs), o);
}

/** The model's and the rules' scores on documents the model was not trained on. */
export function scoreAttributionTagger(
  t: TrainedRoles,
  docs: AttributionDoc[],
): { model: RoleScores; rules: RoleScores } {
  const reads = readAll(docs);
  const rules = new AttributionScorer();
  for (const r of reads) rules.add(goldOf(r.doc), r.analysis);
  return { model: score(t, reads), rules: scoreOf(rules) };
}

export interface RoleCrossValidation {
  folds: number;
  rules: RoleScores;
  model: RoleScores;
}

/** k-fold cross-validation of the whole training (weight choice included). */
export function crossValidateAttribution(
  docs: AttributionDoc[],
  k: number,
  o: TrainOptions & { onFold?: (fold: number, rules: RoleScores, model: RoleScores) => void } = {},
): RoleCrossValidation {
  const reads = readAll(docs);
  const allRules = new AttributionScorer();
  const allModel = new AttributionScorer();
  for (let f = 0; f < k; f++) {
    const t = trainWithWeight(
      reads.filter((_, i) => i % k !== f),
      o,
    );
    const rules = new AttributionScorer();
    const model = new AttributionScorer();
    reads.forEach((r, i) => {
      if (i % k !== f) return;
      const gold = goldOf(r.doc);
      const a = learned(t, r);
      rules.add(gold, r.analysis);
      allRules.add(gold, r.analysis);
      model.add(gold, a);
      allModel.add(gold, a);
    });
    o.onFold?.(f + 1, scoreOf(rules), scoreOf(model));
    if (o.isCancelled?.()) break;
  }
  return { folds: k, rules: scoreOf(allRules), model: scoreOf(allModel) };
}
