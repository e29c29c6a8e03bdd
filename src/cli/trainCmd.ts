/**
 * `newsmark train --task ner [--lang uk|ru|en] --out MODEL [--folds K] [--epochs N] <input>...`:
 * a learned entity model from gold JSONL files (the NER-UK shape: text + entities with labels
 * PERS/PER, ORG, LOC) and from articles or folders (their sidecars: annotations, and every finding
 * not rejected of articles marked as reviewed). With --folds it first measures the model by
 * cross-validation against the rules alone, and writes the scores into the model file.
 */
import * as fs from 'node:fs';
import {
  articleTrainingDoc,
  type CrossValidation,
  crossValidate,
  type EntityDoc,
  type Language,
  type ModelMeta,
  trainEntityTagger,
  writeModelFile,
} from '../core';
import { CliError, expand, parseFlags, readArticle, UsageError } from './args';
import { warn } from './terminal';
import { sidecarLocationFor } from './workspaceSettings';

export const TRAIN_USAGE =
  '  newsmark train --task ner [--lang uk|ru|en] --out MODEL [--folds K] [--epochs N] <file.jsonl|article|dir>...';

function jsonlDocs(file: string, lang?: Language): EntityDoc[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      let o: { text?: unknown; entities?: unknown };
      try {
        o = JSON.parse(l);
      } catch {
        throw new CliError(`${file}: line ${i + 1} is not JSON`);
      }
      if (typeof o.text !== 'string' || !Array.isArray(o.entities))
        throw new CliError(`${file}: line ${i + 1} has no "text" and "entities"`);
      return { text: o.text, entities: o.entities as EntityDoc['entities'], language: lang };
    });
}

function collect(inputs: string[], lang?: Language): EntityDoc[] {
  const docs: EntityDoc[] = [];
  for (const input of inputs) {
    if (/\.jsonl$/i.test(input)) {
      docs.push(...jsonlDocs(input, lang));
      continue;
    }
    for (const file of expand([input])) {
      const doc = articleTrainingDoc(file, readArticle(file), sidecarLocationFor(file));
      if (doc) docs.push({ ...doc, language: lang });
    }
  }
  return docs;
}

export async function cmdTrain(args: string[]): Promise<number> {
  const { flags, rest } = parseFlags(args, {
    task: 'value',
    lang: 'value',
    out: 'value',
    folds: 'value',
    epochs: 'value',
  });
  if (flags.task !== 'ner')
    throw new UsageError('--task ner is the one this version trains (attribution models: not yet)');
  if (!flags.out) throw new UsageError('train needs --out MODEL');
  const lang = flags.lang as Language | undefined;
  if (lang && !['uk', 'ru', 'en'].includes(lang)) throw new UsageError('--lang must be uk, ru or en');
  const folds = flags.folds ? Number(flags.folds) : 0;
  if (flags.folds && !(Number.isInteger(folds) && folds >= 2))
    throw new UsageError('--folds must be a whole number from 2');
  const epochs = flags.epochs ? Number(flags.epochs) : undefined;
  const docs = collect(rest, lang);
  if (!docs.length)
    throw new CliError('nothing to learn from: give gold JSONL files, or articles with annotations');
  const spans = docs.reduce((n, d) => n + d.entities.length, 0);
  warn(`training on ${docs.length} documents, ${spans} spans`);
  const t0 = performance.now();
  let cv: CrossValidation | undefined;
  if (folds)
    cv = crossValidate(docs, folds, {
      epochs,
      onFold: (f, r, m) => warn(`fold ${f}/${folds}: micro-F1 rules ${r.toFixed(3)}, model ${m.toFixed(3)}`),
    });
  const { net, rulesWeight } = trainEntityTagger(docs, {
    epochs,
    onEpoch: (e, loss) => warn(`epoch ${e}: loss ${loss.toFixed(4)}`),
  });
  const meta: ModelMeta = {
    task: 'ner',
    languages: lang ? [lang] : [],
    created: new Date().toISOString(),
    trainedOn: { documents: docs.length, spans, tokens: 0 },
    rulesWeight,
    ...(cv ? { scores: { folds: cv.folds, model: cv.model, rules: cv.rules } } : {}),
  };
  writeModelFile(String(flags.out), { meta, net });
  const s = ((performance.now() - t0) / 1000).toFixed(0);
  process.stdout.write(
    `${cv ? `cross-validated micro-F1 (${cv.folds} folds): model ${cv.model.toFixed(3)}, rules ${cv.rules.toFixed(3)}\n` : ''}model written to ${flags.out} (${docs.length} documents, ${spans} spans, ${s} s)\n`,
  );
  return 0;
}
