/**
 * Worker thread for learning: reading a workspace's articles as training data, cross-validating
 * and training the entity model and the attribution model, and ranking unreviewed articles by how unsure the model is of
 * them. It is a thread of its own so that the editor stays responsive for the minutes training
 * can take; cancelling terminates it, and the model file is only replaced (atomically) at the end.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import {
  type AnalyzeOptions,
  analyze,
  articleTrainingDoc,
  crossValidate,
  crossValidateAttribution,
  detectLanguage,
  type LearnedModel,
  MIN_DOCS_TO_MEASURE,
  type ModelMeta,
  type ModelTask,
  meanWeight,
  openArticleAnnotations,
  readModelFile,
  stripBom,
  type TrainingDoc,
  trainAttributionTagger,
  trainEntityTagger,
  writeModelFile,
} from '../core';
import { msg } from './i18n';
import type { LearnJob, LearnReply, RankedArticle, TrainReport } from './learnProtocol';

/** Articles larger than this are not news articles; they are left out of learning. */
const MAX_ARTICLE_BYTES = 4 * 1024 * 1024;
const FOLDS = 5;

const post = (m: LearnReply) => parentPort?.postMessage(m);

function readText(file: string): string | undefined {
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > MAX_ARTICLE_BYTES) return undefined;
    const buf = fs.readFileSync(file);
    return buf.includes(0) ? undefined : stripBom(buf.toString('utf8'));
  } catch {
    return undefined;
  }
}

function currentModel(file: string, task: ModelTask): LearnedModel | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    const m = readModelFile(file);
    return m.meta.task === task ? m : undefined;
  } catch {
    return undefined;
  }
}

/** The workspace's current models, as the engine takes them. */
function currentModels(job: LearnJob): Pick<AnalyzeOptions, 'model' | 'attributionModel'> {
  return {
    model: currentModel(job.modelFiles.ner, 'ner'),
    attributionModel: currentModel(job.modelFiles.attribution, 'attribution'),
  };
}

// Progress messages are English templates; the extension host shows them in the display language.
const READING = msg('reading articles ({0}/{1})');

function trainingDocs(job: LearnJob): TrainingDoc[] {
  const models = currentModels(job);
  const docs: TrainingDoc[] = [];
  job.files.forEach((file, i) => {
    if (i % 10 === 0) post({ kind: 'progress', message: READING, args: [i, job.files.length], fraction: 0 });
    const text = readText(file);
    const doc = text === undefined ? undefined : articleTrainingDoc(file, text, job.location, models);
    if (doc) docs.push({ ...doc, language: detectLanguage(doc.text) });
  });
  return docs;
}

function save(file: string, model: LearnedModel): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeModelFile(file, model);
}

type Step = (message: string, args?: (string | number)[]) => void;

function metaOf(docs: TrainingDoc[], task: ModelTask, n: number, w: number): ModelMeta {
  return {
    task,
    languages: [...new Set(docs.map((d) => String(d.language)))].sort(),
    created: new Date().toISOString(),
    trainedOn: { documents: docs.length, spans: n, tokens: 0 },
    rulesWeight: w,
  };
}

/** The entity model: cross-validated first unless quick, then trained on all; written. */
function learnEntities(job: LearnJob, docs: TrainingDoc[], folds: number, step: Step): TrainReport {
  const cv = job.quick
    ? undefined
    : crossValidate(docs, folds, {
        epochs: job.epochs,
        onFold: (f, rules, model) =>
          step(msg('measured on part {0} of {1}: learned {2}, rules {3}'), [
            f,
            folds,
            model.toFixed(3),
            rules.toFixed(3),
          ]),
      });
  const { net, rulesWeight, dropBelow } = trainEntityTagger(docs, { epochs: job.epochs });
  step(msg('trained on all reviewed articles'));
  const spans = docs.reduce((n, d) => n + d.entities.length, 0);
  const scores = cv && { folds: cv.folds, model: cv.model, rules: cv.rules };
  const meta = { ...metaOf(docs, 'ner', spans, rulesWeight), ...(dropBelow ? { dropBelow } : {}) };
  save(job.modelFiles.ner, { meta: { ...meta, ...(scores ? { scores } : {}) }, net });
  return { documents: docs.length, spans, languages: meta.languages, rulesWeight, scores, seconds: 0 };
}

/** The attribution model, the same way. */
function learnRoles(
  job: LearnJob,
  docs: TrainingDoc[],
  folds: number,
  step: Step,
): TrainReport['attribution'] {
  const attributions = docs.reduce((n, d) => n + d.attributions.length, 0);
  const cv = job.quick
    ? undefined
    : crossValidateAttribution(docs, folds, {
        epochs: job.epochs,
        onFold: (f) => step(msg('attributions: measured on part {0} of {1}'), [f, folds]),
      });
  const roles = trainAttributionTagger(docs, { epochs: job.epochs, quick: job.quick });
  step(msg('trained on all reviewed articles'));
  const scores = cv && { folds: cv.folds, model: cv.model, rules: cv.rules };
  const rulesWeight = meanWeight(roles.decoding);
  const meta = metaOf(docs, 'attribution', attributions, rulesWeight);
  save(job.modelFiles.attribution, {
    meta: {
      ...meta,
      decoding: roles.decoding,
      cueWords: roles.cueWords,
      ...(scores ? { roleScores: scores } : {}),
    },
    net: roles.net,
    others: roles.others,
  });
  return { attributions, rulesWeight, scores };
}

function train(job: LearnJob): void {
  const t0 = performance.now();
  const docs = trainingDocs(job);
  if (docs.length < MIN_DOCS_TO_MEASURE) {
    post({ kind: 'tooFew', documents: docs.length, needed: MIN_DOCS_TO_MEASURE });
    return;
  }
  const folds = Math.min(FOLDS, docs.length);
  const withRoles = docs.some((d) => d.attributions.length);
  // Cross-validation trains `folds` models, the final one more, for each task learned.
  const steps = (job.quick ? 1 : folds + 1) * (withRoles ? 2 : 1);
  const step: Step = (message, args = []) => post({ kind: 'progress', message, args, fraction: 1 / steps });
  const report = learnEntities(job, docs, folds, step);
  if (withRoles) report.attribution = learnRoles(job, docs, folds, step);
  report.seconds = (performance.now() - t0) / 1000;
  post({ kind: 'trained', report });
}

/** Unreviewed articles, the ones the model is least sure of first (path order without a model). */
function rank(job: LearnJob): void {
  const models = currentModels(job);
  const out: RankedArticle[] = [];
  job.files.forEach((file, i) => {
    if (i % 10 === 0) post({ kind: 'progress', message: READING, args: [i, job.files.length], fraction: 0 });
    const text = readText(file);
    if (text === undefined) return;
    const opened = openArticleAnnotations(file, text, { location: job.location });
    if (opened.kind === 'ok' && opened.set.reviewed) return;
    const { entities, attributions } = analyze(text, models);
    const sure = [...entities, ...attributions]
      .map((e) => e.confidence)
      .filter((c): c is number => c !== undefined);
    const confidence = sure.length ? sure.reduce((a, b) => a + b, 0) / sure.length : undefined;
    out.push({ file, confidence, entities: entities.length });
  });
  out.sort(
    (a, b) => (a.confidence ?? 2) - (b.confidence ?? 2) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
  );
  post({ kind: 'ranked', articles: out });
}

parentPort?.on('message', (job: LearnJob) => {
  try {
    if (job.job === 'train') train(job);
    else rank(job);
  } catch (e) {
    post({ kind: 'error', error: (e as Error).message });
  }
});
