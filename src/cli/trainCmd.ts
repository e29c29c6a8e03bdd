/**
 * `newsmark train --task ner|attribution [--lang uk|ru|en] --out MODEL [--folds K] [--epochs N] [--seed S] <input>...`:
 * a learned model from gold JSONL files (the shapes of ../shared/eval: text + entities with labels
 * PERS/PER, ORG, LOC; text + attributions with cue, source and content spans), CoNLL files
 * (entities: a token and its BIO tag a line) and from articles or
 * folders (their sidecars: annotations, and every finding not rejected of articles marked as
 * reviewed). With --folds it first measures the model by cross-validation against the rules alone,
 * and writes the scores into the model file.
 */
import * as fs from 'node:fs';
import {
  articleTrainingDoc,
  conllDocument,
  crossValidate,
  crossValidateAttribution,
  type Language,
  type LearnedModel,
  type ModelMeta,
  type ModelTask,
  meanWeight,
  type RoleScores,
  readConll,
  type TrainingDoc,
  trainAttributionTagger,
  trainEntityTagger,
  writeModelFile,
} from '../core';
import { CliError, expand, parseFlags, readArticle, UsageError } from './args';
import { warn } from './terminal';
import { sidecarLocationFor } from './workspaceSettings';

export const TRAIN_USAGE =
  '  newsmark train --task ner|attribution [--lang uk|ru|en] --out MODEL [--folds K] [--epochs N] [--seed S] <file.jsonl|file.conll|article|dir>...';

function jsonlDocs(file: string, task: ModelTask, lang?: Language): TrainingDoc[] {
  const need = task === 'ner' ? 'entities' : 'attributions';
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      let o: { text?: unknown; entities?: unknown; attributions?: unknown };
      try {
        o = JSON.parse(l);
      } catch {
        throw new CliError(`${file}: line ${i + 1} is not JSON`);
      }
      if (typeof o.text !== 'string' || !Array.isArray(o[need]))
        throw new CliError(`${file}: line ${i + 1} has no "text" and "${need}"`);
      return {
        text: o.text,
        entities: (o.entities ?? []) as TrainingDoc['entities'],
        attributions: (o.attributions ?? []) as TrainingDoc['attributions'],
        language: lang,
      };
    });
}

/** CoNLL files (CoNLL-2003, IOB2, BIOES): each document its tokens' text and entities. */
const CONLL_FILE = /\.(conll|iob2?|bio|bioes)$/i;

function conllDocs(file: string, task: ModelTask, lang?: Language): TrainingDoc[] {
  if (task !== 'ner')
    throw new CliError(`${file}: a CoNLL file holds entities only; train it with --task ner`);
  try {
    return readConll(fs.readFileSync(file, 'utf8')).map((d) => ({
      ...conllDocument(d),
      attributions: [],
      language: lang,
    }));
  } catch (e) {
    throw new CliError(`${file}: ${(e as Error).message}`);
  }
}

function collect(inputs: string[], task: ModelTask, lang?: Language): TrainingDoc[] {
  const docs: TrainingDoc[] = [];
  for (const input of inputs) {
    if (/\.jsonl$/i.test(input)) {
      docs.push(...jsonlDocs(input, task, lang));
      continue;
    }
    if (CONLL_FILE.test(input)) {
      docs.push(...conllDocs(input, task, lang));
      continue;
    }
    for (const file of expand([input])) {
      const doc = articleTrainingDoc(file, readArticle(file), sidecarLocationFor(file));
      if (doc) docs.push({ ...doc, language: lang });
    }
  }
  return docs;
}

const roles = (s: RoleScores) =>
  `cue ${s.cue.toFixed(3)}, source ${s.source.toFixed(3)}, content ${s.content.toFixed(3)}`;

/** Cross-validates (when asked) and trains the task's model; returns it and what to print. */
function trainTask(
  task: ModelTask,
  docs: TrainingDoc[],
  folds: number,
  run: { epochs?: number; seed?: number },
): { model: LearnedModel; summary: string } {
  const { epochs, seed } = run;
  const onEpoch = (e: number, loss: number, network?: { k: number; of: number }) =>
    warn(`${network ? `network ${network.k} of ${network.of}, ` : ''}epoch ${e}: loss ${loss.toFixed(4)}`);
  const base = { languages: [] as string[], created: new Date().toISOString() };
  if (task === 'ner') {
    const cv = folds
      ? crossValidate(docs, folds, {
          epochs,
          seed,
          onFold: (f, r, m) =>
            warn(`fold ${f}/${folds}: micro-F1 rules ${r.toFixed(3)}, model ${m.toFixed(3)}`),
        })
      : undefined;
    const { net, rulesWeight, dropBelow } = trainEntityTagger(docs, { epochs, seed, onEpoch });
    const spans = docs.reduce((n, d) => n + d.entities.length, 0);
    const meta: ModelMeta = {
      ...base,
      task,
      trainedOn: { documents: docs.length, spans, tokens: 0 },
      rulesWeight,
      ...(dropBelow ? { dropBelow } : {}),
      ...(cv ? { scores: { folds: cv.folds, model: cv.model, rules: cv.rules } } : {}),
    };
    const measured = cv
      ? `cross-validated micro-F1 (${cv.folds} folds): model ${cv.model.toFixed(3)}, rules ${cv.rules.toFixed(3)}\n`
      : '';
    return { model: { meta, net }, summary: `${measured}${entityDecodingLine(rulesWeight, dropBelow)}\n` };
  }
  const cv = folds
    ? crossValidateAttribution(docs, folds, {
        epochs,
        seed,
        onFold: (f, r, m) => warn(`fold ${f}/${folds}: rules ${roles(r)}; model ${roles(m)}`),
      })
    : undefined;
  const { net, others, decoding, cueWords } = trainAttributionTagger(docs, { epochs, seed, onEpoch });
  const spans = docs.reduce((n, d) => n + d.attributions.length, 0);
  const meta: ModelMeta = {
    ...base,
    task,
    trainedOn: { documents: docs.length, spans, tokens: 0 },
    rulesWeight: meanWeight(decoding),
    decoding,
    cueWords,
    ...(cv ? { roleScores: { folds: cv.folds, model: cv.model, rules: cv.rules } } : {}),
  };
  const summary = cv
    ? `cross-validated character-overlap F1 (${cv.folds} folds): model ${roles(cv.model)}; rules ${roles(cv.rules)}\n`
    : '';
  return { model: { meta, net, others }, summary };
}

/** What the entity model will do, as chosen on held-out documents. */
function entityDecodingLine(rulesWeight: number, dropBelow = 0): string {
  if (rulesWeight < 1) return `entities: the model's tags mixed with the rules' at weight ${rulesWeight}`;
  return dropBelow
    ? `entities: the rules' spans, less those the model rates below ${dropBelow}`
    : "entities: the rules' spans, each rated by the model";
}

export async function cmdTrain(args: string[]): Promise<number> {
  const { flags, rest } = parseFlags(args, {
    task: 'value',
    lang: 'value',
    out: 'value',
    folds: 'value',
    epochs: 'value',
    seed: 'value',
  });
  const task = flags.task;
  if (task !== 'ner' && task !== 'attribution') throw new UsageError('--task must be ner or attribution');
  if (!flags.out) throw new UsageError('train needs --out MODEL');
  const lang = flags.lang as Language | undefined;
  if (lang && !['uk', 'ru', 'en'].includes(lang)) throw new UsageError('--lang must be uk, ru or en');
  const folds = flags.folds ? Number(flags.folds) : 0;
  if (flags.folds && !(Number.isInteger(folds) && folds >= 2))
    throw new UsageError('--folds must be a whole number from 2');
  const epochs = flags.epochs ? Number(flags.epochs) : undefined;
  if (flags.epochs && !(Number.isInteger(epochs) && (epochs as number) >= 1))
    throw new UsageError('--epochs must be a whole number from 1');
  // Training is deterministic for a seed; another seed shows how much a score owes to chance.
  const seed = flags.seed ? Number(flags.seed) : undefined;
  if (flags.seed && !(Number.isInteger(seed) && (seed as number) >= 1))
    throw new UsageError('--seed must be a whole number from 1');
  const docs = collect(rest, task, lang);
  if (!docs.length)
    throw new CliError('nothing to learn from: give gold JSONL or CoNLL files, or articles with annotations');
  const count = docs.reduce((n, d) => n + (task === 'ner' ? d.entities.length : d.attributions.length), 0);
  warn(`training on ${docs.length} documents, ${count} ${task === 'ner' ? 'spans' : 'attributions'}`);
  const t0 = performance.now();
  const { model, summary } = trainTask(task, docs, folds, { epochs, seed });
  model.meta.languages = lang ? [lang] : [];
  writeModelFile(String(flags.out), model);
  const s = ((performance.now() - t0) / 1000).toFixed(0);
  process.stdout.write(
    `${summary}model written to ${flags.out} (${task}; ${docs.length} documents, ${count} ${task === 'ner' ? 'spans' : 'attributions'}, ${s} s)\n`,
  );
  return 0;
}
