import * as assert from 'node:assert';
import { analyze } from '../../src/core';
import { tagEntities } from '../../src/core/learn/entityTagger';
import { ENTITY_TAGS } from '../../src/core/learn/features';
import { Net, type SeqInput } from '../../src/core/learn/net';
import { trainEntityTagger } from '../../src/core/learn/training';

describe('the learned tagger', () => {
  it('computes the gradients it trains with (finite differences)', () => {
    const net = new Net({ rows: [16, 8], emb: 3, dense: 9, hidden: 4, windows: 1, tags: 7 }, 3);
    const x: SeqInput = {
      ids: Int32Array.from([1, 2, 5, 3, 9, 0]),
      dense: new Float32Array(27).map((_, i) => (i % 4) / 3),
      n: 3,
    };
    const gold = Int32Array.from([1, 2, 0]);
    const g = new Float32Array(net.p.length);
    const ge = net.e.map(() => new Map<number, Float32Array>());
    net.backward(x, net.forward(x), gold, 1, g, ge);
    const loss = () => {
      const { probs } = net.forward(x);
      let l = 0;
      for (let t = 0; t < 3; t++) l -= Math.log(probs[t * 7 + gold[t]]);
      return l;
    };
    const eps = 1e-2;
    for (const i of [0, 5, 40, 77, net.p.length - 3, net.p.length - 20]) {
      const keep = net.p[i];
      net.p[i] = keep + eps;
      const up = loss();
      net.p[i] = keep - eps;
      const down = loss();
      net.p[i] = keep;
      assert.ok(
        Math.abs((up - down) / (2 * eps) - g[i]) < 2e-2,
        `parameter ${i}: ${(up - down) / (2 * eps)} vs ${g[i]}`,
      );
    }
    const row = ge[0].get(1)!;
    const keep = net.e[0][3];
    net.e[0][3] = keep + eps;
    const up = loss();
    net.e[0][3] = keep - eps;
    const down = loss();
    net.e[0][3] = keep;
    assert.ok(Math.abs((up - down) / (2 * eps) - row[0]) < 2e-2);
  });

  it('learns a labelling convention the rules do not have, deterministically', () => {
    // Made-up data: a capitalised word after "кодом" is an organisation here.
    const names = ['Альфа', 'Бета', 'Гамма', 'Дельта', 'Омега', 'Сигма', 'Каппа', 'Лямбда'];
    const docs = names.map((n, i) => {
      const text = `Компанія з кодом ${n} працює ${i + 1} рік. Вона відома.`;
      const start = text.indexOf(n);
      return { text, entities: [{ start, end: start + n.length, label: 'ORG' }], language: 'uk' as const };
    });
    const train = (seed: number) => trainEntityTagger(docs, { epochs: 30, seed, lr: 0.01, dropout: 0 }).net;
    const a = train(7);
    const b = train(7);
    assert.deepStrictEqual(
      Array.from(a.p.slice(0, 50)),
      Array.from(b.p.slice(0, 50)),
      'same seed, same model',
    );
    const text = 'Компанія з кодом Дзета працює 3 рік. Вона відома.';
    const spans = tagEntities(a, text, analyze(text, { language: 'uk' }));
    assert.deepStrictEqual(
      spans.map((s) => [text.slice(s.start, s.end), s.type]),
      [['Дзета', 'ORG']],
    );
    assert.ok(ENTITY_TAGS.length === 7);
  });
});

describe('a learned model in analysis', () => {
  const names = ['Альфа', 'Бета', 'Гамма', 'Дельта', 'Омега', 'Сигма', 'Каппа', 'Лямбда'];
  const docs = names.map((n, i) => {
    const text = `Компанія з кодом ${n} працює ${i + 1} рік. Вона відома.`;
    const start = text.indexOf(n);
    return { text, entities: [{ start, end: start + n.length, label: 'ORG' }], language: 'uk' as const };
  });
  const meta = (languages: string[], rulesWeight: number) => ({
    task: 'ner' as const,
    languages,
    created: '2026-01-01T00:00:00Z',
    trainedOn: { documents: 8, spans: 8, tokens: 0 },
    rulesWeight,
  });
  const text = 'Компанія з кодом Дзета працює 3 рік. Вона відома.';
  const spans = (a: ReturnType<typeof analyze>) =>
    a.entities.flatMap((e) => e.mentions.map((m) => `${m.text}:${e.type}:${e.confidence !== undefined}`));

  it('reads only the languages it was trained on', () => {
    const { net } = trainEntityTagger(docs, { epochs: 30, seed: 7, lr: 0.01, dropout: 0 });
    const rules = analyze(text, { language: 'uk' });
    const uk = analyze(text, { language: 'uk', model: { meta: meta(['uk'], 0), net } });
    assert.deepStrictEqual(spans(uk), ['Дзета:ORG:true']);
    const en = analyze(text, { language: 'uk', model: { meta: meta(['en'], 0), net } });
    assert.deepStrictEqual(spans(en), spans(rules), 'an English model leaves Ukrainian to the rules');
  });

  it("with too few documents to measure it, keeps the rules' findings", () => {
    const few = trainEntityTagger(docs.slice(0, 3), { epochs: 30, seed: 7, lr: 0.01, dropout: 0 });
    assert.strictEqual(few.rulesWeight, 1);
    const rules = analyze(text, { language: 'uk' });
    const learned = analyze(text, {
      language: 'uk',
      model: { meta: meta([], few.rulesWeight), net: few.net },
    });
    assert.deepStrictEqual(
      spans(learned).map((s) => s.replace(/:(true|false)$/, '')),
      spans(rules).map((s) => s.replace(/:(true|false)$/, '')),
    );
  });
});

describe('learned models on disk and from the CLI', () => {
  it('trains from gold JSONL, writes a versioned model with its metadata, and analyses with it', () => {
    const fs = require('node:fs') as typeof import('node:fs');
    const os = require('node:os') as typeof import('node:os');
    const path = require('node:path') as typeof import('node:path');
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-train-'));
    const names = ['Альфа', 'Бета', 'Гамма', 'Дельта', 'Омега', 'Сигма'];
    const lines = names.map((n) => {
      const text = `Компанія з кодом ${n} працює в Києві.`;
      const s = text.indexOf(n);
      const k = text.indexOf('Києві');
      return JSON.stringify({
        text,
        entities: [
          { start: s, end: s + n.length, label: 'ORG' },
          { start: k, end: k + 5, label: 'LOC' },
        ],
      });
    });
    const gold = path.join(tmp, 'gold.jsonl');
    fs.writeFileSync(gold, `${lines.join('\n')}\n`);
    const model = path.join(tmp, 'm.json');
    const bin = path.resolve(__dirname, '../../../bin/newsmark.js');
    const r = spawnSync(
      process.execPath,
      [bin, 'train', '--task', 'ner', '--lang', 'uk', '--folds', '2', '--out', model, gold],
      { encoding: 'utf8' },
    );
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /cross-validated micro-F1 \(2 folds\)/);
    const m = JSON.parse(fs.readFileSync(model, 'utf8'));
    assert.strictEqual(m.format, 'newsmark-model');
    assert.strictEqual(m.version, 1);
    assert.deepStrictEqual(m.trainedOn.documents, 6);
    assert.ok(m.scores && m.scores.folds === 2);
    const article = path.join(tmp, 'a.txt');
    fs.writeFileSync(article, 'Компанія з кодом Каппа працює в Києві.\n');
    const a = spawnSync(process.execPath, [bin, 'analyze', '--json', '--model', model, article], {
      encoding: 'utf8',
    });
    assert.strictEqual(a.status, 0, a.stderr);
    const out = JSON.parse(a.stdout);
    assert.ok(
      out.entities.some((e: { confidence?: number }) => typeof e.confidence === 'number'),
      'learned entities carry a confidence',
    );
    fs.writeFileSync(model, JSON.stringify({ ...m, version: 9 }));
    const bad = spawnSync(process.execPath, [bin, 'analyze', '--model', model, article], {
      encoding: 'utf8',
    });
    assert.strictEqual(bad.status, 1);
    assert.match(bad.stderr, /version 9/);
    fs.writeFileSync(
      model,
      '{"format":"newsmark-model","version":1,"task":"ner","shape":{"rows":[1]},"params":"AAAA"}',
    );
    assert.match(
      spawnSync(process.execPath, [bin, 'analyze', '--model', model, article], { encoding: 'utf8' }).stderr,
      /shape/,
    );
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});
