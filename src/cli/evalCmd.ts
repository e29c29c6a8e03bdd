/** `newsmark eval`: the engine scored against gold data in the shapes of ../shared/eval. */
import * as fs from 'node:fs';
import type { Language } from '../core';
import { type AttributionGold, AttributionScorer, analyze, type NerGold, NerScorer, type PRF } from '../core';
import { parseFlags, UsageError } from './args';
import { readModels } from './models';

type Models = ReturnType<typeof readModels>;

function fmt(s: PRF) {
  return `${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}  ${s.f1.toFixed(3)}`;
}

function evalNer(docs: NerGold[], lang: Language | undefined, models: Models): void {
  const scorer = new NerScorer();
  for (const doc of docs)
    scorer.add(doc, analyze(doc.text, { ...(lang ? { language: lang } : {}), ...models }));
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  console.log(`NER, exact match (${docs.length} docs, ${(chars / 1e6).toFixed(2)} M chars)`);
  console.log('group          type    P      R      F1     (tp/fp/fn)');
  for (const r of scorer.table())
    console.log(
      `${r.group.padEnd(14)} ${r.type.padEnd(6)}  ${fmt(r.score)}  (${r.score.tp}/${r.score.fp}/${r.score.fn})`,
    );
}

function evalAttribution(docs: AttributionGold[], lang: Language | undefined, models: Models): void {
  const scorer = new AttributionScorer();
  for (const doc of docs)
    scorer.add(doc, analyze(doc.text, { ...(lang ? { language: lang } : {}), ...models }));
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  const { rows, agreement } = scorer.table();
  console.log(`Attribution (${docs.length} docs, ${(chars / 1e6).toFixed(2)} M chars)`);
  console.log('metric                    P      R      F1');
  for (const r of rows) console.log(`${r.metric.padEnd(24)}  ${fmt(r.score)}`);
  console.log(
    `field agreement on matched attributions: anonymous ${agreement.anonymous.toFixed(3)}, direct ${agreement.direct.toFixed(3)}, sourceKind ${agreement.sourceKind.toFixed(3)}`,
  );
}

export function cmdEval(args: string[]): number {
  const { flags, rest } = parseFlags(args, { task: 'value', lang: 'value', limit: 'value', model: 'value' });
  const models = readModels(flags.model);
  const task = flags.task;
  if (task !== 'ner' && task !== 'attribution') throw new UsageError('--task must be ner or attribution');
  if (rest.length !== 1) throw new UsageError('eval needs one JSONL file');
  const limit = flags.limit ? Number(flags.limit) : Infinity;
  const docs = fs
    .readFileSync(rest[0], 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, limit)
    .map((l) => JSON.parse(l));
  const lang = flags.lang as Language | undefined;
  const t0 = performance.now();
  if (task === 'ner') evalNer(docs, lang, models);
  else evalAttribution(docs, lang, models);
  console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return 0;
}
