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
import { type AttributionDoc, prepareRoles, roleShape } from './attributionTagger';
import { DEFAULT_THRESHOLDS, learnedAttributions, type RoleDecoding } from './learnedAttributions';
import type { RoleScores } from './modelFile';
import type { Net } from './net';
import { type Example, type TrainOptions, trainNet } from './trainLoop';

export interface TrainedRoles {
  net: Net;
  decoding: RoleDecoding;
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

/** The learned attributions of a document in the analysis the scorer reads, cut to its regions. */
function learned(net: Net, d: RoleDecoding, r: Read): Analysis {
  const atts = learnedAttributions(net, d, r.doc.text, r.analysis, r.article, r.analysis.language);
  return { ...r.analysis, attributions: atts };
}

function scoreOf(s: AttributionScorer): RoleScores {
  const rows = s.table().rows;
  const f = (role: string) => rows.find((x) => x.metric === `${role} (char overlap)`)?.score.f1 ?? 0;
  return { cue: f('cue'), source: f('source'), content: f('content') };
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

function score(net: Net, d: RoleDecoding, reads: Read[]): RoleScores {
  const s = new AttributionScorer();
  for (const r of reads) s.add(goldOf(r.doc), learned(net, d, r));
  return scoreOf(s);
}

const examples = (reads: Read[]): Example[] =>
  reads.flatMap((r) => prepareRoles(r.doc.text, r.analysis, r.article, r.doc.attributions, r.doc.regions));

function train(reads: Read[], o: TrainOptions): Net {
  return trainNet(examples(reads), roleShape(o), o, { epochs: 4, lr: 0.001 });
}

const THRESHOLDS = [0.3, 0.4, 0.5];
const ROLES = ['cue', 'source', 'content'] as const;

/**
 * The rules' weight and each role's threshold that score best on held-out documents: for each
 * weight, each role its best threshold (roles are scored apart), then the weight best on average.
 */
function chooseDecoding(net: Net, held: Read[]): RoleDecoding {
  let best = { f: -1, decoding: { rulesWeight: 1, thresholds: { ...DEFAULT_THRESHOLDS } } };
  for (const rulesWeight of WEIGHTS) {
    const byTh = THRESHOLDS.map((th) =>
      score(net, { rulesWeight, thresholds: { cue: th, source: th, content: th } }, held),
    );
    const thresholds = { ...DEFAULT_THRESHOLDS };
    let sum = 0;
    for (const role of ROLES) {
      let k = THRESHOLDS.indexOf(0.5);
      byTh.forEach((sc, i) => {
        if (sc[role] > byTh[k][role] + 1e-9) k = i;
      });
      thresholds[role] = THRESHOLDS[k];
      sum += byTh[k][role];
    }
    if (sum / ROLES.length > best.f + 1e-9)
      best = { f: sum / ROLES.length, decoding: { rulesWeight, thresholds } };
  }
  return best.decoding;
}

function trainWithWeight(reads: Read[], o: TrainOptions): TrainedRoles {
  // Too few documents to hold any out: the rules decide, and the model only says how sure it is.
  let decoding: RoleDecoding = { rulesWeight: 1, thresholds: { ...DEFAULT_THRESHOLDS } };
  if (reads.length >= MIN_DOCS_TO_MEASURE) {
    const held = (i: number) => i % 5 === 4;
    const net = train(
      reads.filter((_, i) => !held(i)),
      o,
    );
    decoding = chooseDecoding(
      net,
      reads.filter((_, i) => held(i)),
    );
  }
  return { net: train(reads, o), decoding };
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
  return { model: score(t.net, t.decoding, reads), rules: scoreOf(rules) };
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
      const a = learned(t.net, t.decoding, r);
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
