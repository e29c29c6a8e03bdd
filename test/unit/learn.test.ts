import * as assert from 'node:assert';
import { analyze } from '../../src/core';
import { tagEntities, trainEntityTagger } from '../../src/core/learn/entityTagger';
import { ENTITY_TAGS } from '../../src/core/learn/features';
import { Net, type SeqInput } from '../../src/core/learn/net';

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
    const train = (seed: number) => trainEntityTagger(docs, { epochs: 30, seed, lr: 0.01, dropout: 0 });
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
