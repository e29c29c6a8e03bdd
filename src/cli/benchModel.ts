/**
 * The learned model's costs, for `npm run bench`: training a quick model on a few dozen articles
 * (the "reviewed articles" case; NER-UK gold when the eval data is beside the repository, else the
 * seeds' own findings), its file's size and load time, and analysis speed with it. The model is
 * made in memory for measuring and never written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type EntityDoc, parseModel, serializeModel, trainEntityTagger } from '../core';

const MB = 1024 * 1024;

function trainingDocs(evalDir: string, root: string, n: number): { docs: EntityDoc[]; from: string } {
  const gold = path.join(evalDir, 'ner-uk-v2-train.jsonl');
  if (fs.existsSync(gold)) {
    const docs = fs
      .readFileSync(gold, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .slice(0, n)
      .map((l) => JSON.parse(l) as EntityDoc);
    return { docs: docs.map((d) => ({ ...d, language: 'uk' })), from: `${n} NER-UK texts` };
  }
  const seed = fs.readFileSync(path.join(root, 'seeds/uk-ukrinform-kndr-russia.txt'), 'utf8');
  const entities = analyze(seed).entities.flatMap((e) =>
    e.mentions.map((m) => ({ start: m.start, end: m.end, label: e.type })),
  );
  return {
    docs: Array.from({ length: n }, () => ({ text: seed, entities, language: 'uk' as const })),
    from: `the seed article's findings ×${n}`,
  };
}

export function benchModel(evalDir: string, root: string, text: string): void {
  console.log('\na learned entity model (newsmark train / Train on Reviewed Articles):');
  const { docs, from } = trainingDocs(evalDir, root, 40);
  let t0 = performance.now();
  const { net, rulesWeight } = trainEntityTagger(docs);
  const trainS = (performance.now() - t0) / 1000;
  const file = serializeModel({
    meta: {
      task: 'ner',
      languages: ['uk'],
      created: new Date().toISOString(),
      trainedOn: { documents: docs.length, spans: 0, tokens: 0 },
      rulesWeight,
    },
    net,
  });
  t0 = performance.now();
  const model = parseModel(file);
  const loadMs = performance.now() - t0;
  console.log(`  training on ${from}, 2 epochs: ${trainS.toFixed(1)} s`);
  console.log(
    `  model file ${(Buffer.byteLength(file) / MB).toFixed(2)} MB, loaded in ${loadMs.toFixed(0)} ms`,
  );
  analyze(text.slice(0, 100_000), { language: 'uk', model });
  const mb = Buffer.byteLength(text) / MB;
  const best = (o: object) => {
    let s = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      analyze(text, { language: 'uk', ...o });
      s = Math.min(s, (performance.now() - t) / 1000);
    }
    return s;
  };
  const rules = best({});
  const learned = best({ model });
  console.log(
    `  analysis of ${mb.toFixed(1)} MB of Ukrainian, best of 3: rules ${(mb / rules).toFixed(2)} MB/s, with the model ${(mb / learned).toFixed(2)} MB/s`,
  );
}
