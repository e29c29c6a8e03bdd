/**
 * The learned models' costs, for `npm run bench`: training quick models on a few dozen articles
 * (the "reviewed articles" case; NER-UK and the Ukrainian attribution texts when the eval data is
 * beside the repository, else the seed's own findings), their files' size and load time, and
 * analysis speed with them. The models are made in memory for measuring and never written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type AnalyzeOptions,
  analyze,
  type LearnedModel,
  type ModelTask,
  meanWeight,
  type Net,
  parseModel,
  serializeModel,
  type TrainingDoc,
  trainAttributionTagger,
  trainEntityTagger,
} from '../core';

const MB = 1024 * 1024;

const jsonl = (file: string, n: number) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, n)
    .map((l) => JSON.parse(l));

function trainingDocs(evalDir: string, root: string, n: number): { docs: TrainingDoc[]; from: string } {
  const ner = path.join(evalDir, 'ner-uk-v2-train.jsonl');
  const roles = path.join(evalDir, 'uk-attribution-dev.jsonl');
  if (fs.existsSync(ner) && fs.existsSync(roles)) {
    const docs = [...jsonl(ner, n), ...jsonl(roles, n)].map((d) => ({
      text: d.text,
      entities: d.entities ?? [],
      attributions: d.attributions ?? [],
      language: 'uk' as const,
    }));
    return { docs, from: `${n} NER-UK texts and the 10 Ukrainian attribution texts` };
  }
  const seed = fs.readFileSync(path.join(root, 'seeds/uk-ukrinform-kndr-russia.txt'), 'utf8');
  const a = analyze(seed);
  const entities = a.entities.flatMap((e) =>
    e.mentions.map((m) => ({ start: m.start, end: m.end, label: e.type })),
  );
  const attributions = a.attributions.map((x) => ({ cue: x.cue, source: x.source, content: x.content }));
  return {
    docs: Array.from({ length: n }, () => ({ text: seed, entities, attributions, language: 'uk' as const })),
    from: `the seed article's findings ×${n}`,
  };
}

/** A model through its file: trained, written to text, read back (timed). */
function throughFile(
  task: ModelTask,
  net: Net,
  decoding: { rulesWeight: number; dropBelow?: number },
  documents: number,
  cueWords?: string[],
) {
  const meta = { task, languages: ['uk'], created: new Date().toISOString(), ...decoding, cueWords };
  const file = serializeModel({ meta: { ...meta, trainedOn: { documents, spans: 0, tokens: 0 } }, net });
  const t0 = performance.now();
  const model: LearnedModel = parseModel(file);
  return { model, mb: Buffer.byteLength(file) / MB, loadMs: performance.now() - t0 };
}

export function benchModel(evalDir: string, root: string, text: string): void {
  console.log('\nlearned models (newsmark train / Train on Reviewed Articles):');
  const { docs, from } = trainingDocs(evalDir, root, 40);
  const nerDocs = docs.filter((d) => d.entities.length);
  const roleDocs = docs.filter((d) => d.attributions.length);
  let t0 = performance.now();
  const ner = trainEntityTagger(nerDocs);
  const nerS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const roles = trainAttributionTagger(roleDocs, { quick: true });
  const rolesS = (performance.now() - t0) / 1000;
  const entities = throughFile(
    'ner',
    ner.net,
    { rulesWeight: ner.rulesWeight, dropBelow: ner.dropBelow },
    nerDocs.length,
  );
  const attributions = throughFile(
    'attribution',
    roles.net,
    { rulesWeight: meanWeight(roles.decoding) },
    roleDocs.length,
    roles.cueWords,
  );
  console.log(
    `  trained quickly (Train quickly) on ${from}: entities (${nerDocs.length} texts) ${nerS.toFixed(1)} s, attributions (${roleDocs.length} texts) ${rolesS.toFixed(1)} s`,
  );
  for (const [name, m] of [
    ['entity', entities],
    ['attribution', attributions],
  ] as const)
    console.log(`  ${name} model file ${m.mb.toFixed(2)} MB, loaded in ${m.loadMs.toFixed(0)} ms`);
  const models = { model: entities.model, attributionModel: attributions.model };
  analyze(text.slice(0, 100_000), { language: 'uk', ...models });
  const mb = Buffer.byteLength(text) / MB;
  const speed = (o: AnalyzeOptions) => {
    let s = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      analyze(text, { language: 'uk', ...o });
      s = Math.min(s, (performance.now() - t) / 1000);
    }
    return (mb / s).toFixed(2);
  };
  // Trained on a few texts, the attribution model leaves the roles to the rules (it then only
  // rates the rules' cues), or the cues only (as the Ukrainian model does); trained on many, it
  // decides every role, tagging every token: timed each way.
  const half = { cue: 0.5, source: 0.5, content: 0.5 };
  const deciding = (cue: number): LearnedModel => ({
    ...attributions.model,
    meta: {
      ...attributions.model.meta,
      decoding: { weights: { cue, source: 0, content: 0 }, thresholds: half },
    },
  });
  console.log(
    `  analysis of ${mb.toFixed(1)} MB of Ukrainian, best of 3, MB/s: rules ${speed({})}, with the entity model ${speed({ model: entities.model })}`,
  );
  console.log(
    `  with both models, MB/s: ${speed(models)} (the attribution model rating the rules' roles), ${speed({ ...models, attributionModel: deciding(1) })} (deciding sources and content, the cues the rules'), ${speed({ ...models, attributionModel: deciding(0) })} (deciding every role)`,
  );
  // Hostile: one paragraph packed with attributions (every span of it near every other).
  const packed = Array.from(
    { length: 8000 },
    (_, i) => `Іваненко заявив: «План ${i} працює», — повідомили журналісти, а джерела спростували це.`,
  ).join(' ');
  const t = performance.now();
  const n = analyze(packed, { language: 'uk', ...models }).attributions.length;
  console.log(
    `  one ${(Buffer.byteLength(packed) / MB).toFixed(1)} MB paragraph of ${n} attributions, both models: ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
}
