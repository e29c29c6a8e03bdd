import * as assert from 'node:assert';
import fc from 'fast-check';
import { describe as anchorOf, MIN_SIMILARITY, place, shift } from '../../src/core/annotations/anchoring';

describe('anchoring', () => {
  const text =
    'Про це з посиланням на агентство KCNA повідомляє Yonhap, передає Укрінформ. Yonhap пише далі.';

  it('keeps the stored position when the quote is still there', () => {
    const a = anchorOf(text, 49, 55);
    assert.deepStrictEqual(place(text, a), { start: 49, end: 55, method: 'position', similarity: 1 });
  });

  it('finds the quote again after text was inserted before it, choosing the occurrence by context', () => {
    const a = anchorOf(text, 49, 55); // the first "Yonhap"
    const edited = `Вступ. ${text}`;
    const p = place(edited, a);
    assert.ok(p);
    assert.strictEqual(p.start, 49 + 7);
    assert.strictEqual(p.method, 'quote');
  });

  it('finds a quote with a typo fixed inside it (approximate match)', () => {
    const t = 'Міністр оборони заявив, що перемовини тривають і будуть продовжені наступного тижня.';
    const s = t.indexOf('перемовини тривають');
    const a = anchorOf(t, s, s + 'перемовини тривають і будуть продовжені'.length);
    const edited = t.replace('перемовини', 'переговори');
    const p = place(edited, a);
    assert.ok(p);
    assert.strictEqual(p.method, 'fuzzy');
    assert.ok(edited.slice(p.start, p.end).includes('тривають і будуть продовжені'));
  });

  it('orphans an annotation whose text is gone, never attaching it elsewhere', () => {
    const a = anchorOf(text, text.indexOf('KCNA'), text.indexOf('KCNA') + 4);
    assert.strictEqual(place(text.replace('KCNA', 'ЦТАК'), a), null);
  });

  it('orphans a short repeated quote whose context is gone', () => {
    const t = 'Кім сказав. Потім Кім мовчав. І Кім пішов.';
    const a = anchorOf(t, 18, 21);
    assert.strictEqual(place('Зовсім інший текст: Кім, Кім, Кім.', a), null);
  });

  it('shift: carries spans through insertions, deletions and edits inside them', () => {
    assert.deepStrictEqual(shift({ start: 10, end: 15 }, { start: 0, end: 0, inserted: 3 }), {
      start: 13,
      end: 18,
    });
    assert.deepStrictEqual(shift({ start: 10, end: 15 }, { start: 20, end: 25, inserted: 0 }), {
      start: 10,
      end: 15,
    });
    assert.deepStrictEqual(shift({ start: 10, end: 15 }, { start: 11, end: 12, inserted: 3 }), {
      start: 10,
      end: 17,
    });
    assert.strictEqual(shift({ start: 10, end: 15 }, { start: 8, end: 16, inserted: 1 }), null);
    assert.deepStrictEqual(shift({ start: 10, end: 15 }, { start: 8, end: 12, inserted: 0 }), {
      start: 8,
      end: 11,
    });
  });

  // Property: whatever the edits, a placed annotation sits on text equal to its quote (or an
  // approximate match above the threshold) and never on unrelated text; otherwise it is an orphan.
  it('property: random edits never attach an annotation to wrong text', () => {
    const word = fc.constantFrom(
      'Кім',
      'Путін',
      'Yonhap',
      'заявив',
      'що',
      'агентство',
      'повідомляє',
      'the',
      'said',
      'Росія',
      'КНДР',
      'джерела',
      'і',
      'та',
      'не',
    );
    const article = fc.array(word, { minLength: 8, maxLength: 80 }).map((ws) => ws.join(' '));
    const edit = fc.record({
      at: fc.nat(),
      del: fc.nat({ max: 12 }),
      ins: fc.array(word, { maxLength: 3 }).map((w) => w.join(' ')),
    });
    fc.assert(
      fc.property(
        article,
        fc.nat(),
        fc.nat({ max: 30 }),
        fc.array(edit, { maxLength: 6 }),
        (t, s0, len, edits) => {
          const start = s0 % t.length;
          const end = Math.min(t.length, start + 1 + len);
          const a = anchorOf(t, start, end);
          let cur = t;
          for (const e of edits) {
            const at = e.at % (cur.length + 1);
            cur = cur.slice(0, at) + e.ins + cur.slice(Math.min(cur.length, at + e.del));
          }
          const p = place(cur, a);
          if (!p) return true;
          const got = cur.slice(p.start, p.end);
          if (p.method !== 'fuzzy') return got === a.quote.exact;
          return p.similarity >= MIN_SIMILARITY && got.length > 0;
        },
      ),
      { numRuns: 400 },
    );
  });
});
