/**
 * Adversarial text from the engine's own alphabets — its punctuation, quotation marks, cue
 * words and names — in random runs: the engine never throws, never cuts a sentence past its
 * limit, and every span it returns is the text at its offsets.
 */
import * as assert from 'node:assert';
import fc from 'fast-check';
import { analyze } from '../../src/core';
import { MAX_SENTENCE_TOKENS, parseArticle } from '../../src/core/article';
import type { Analysis, Span } from '../../src/core/types';

const PIECES = [
  '.',
  '!',
  '?',
  '…',
  ',',
  ';',
  ':',
  '—',
  '–',
  '-',
  ' - ',
  '(',
  ')',
  '«',
  '»',
  '„',
  '“',
  '”',
  '"',
  "'",
  '‹',
  '›',
  '‘',
  '’',
  "''",
  '``',
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '\t',
  'said',
  'says',
  'told reporters',
  'according to',
  'citing',
  'sources said',
  'he said',
  'It',
  'повідомляє',
  'заявив',
  'Як повідомив',
  'За його словами',
  'Про це',
  'з посиланням на',
  'що',
  'джерела',
  'сообщил',
  'со ссылкой на',
  'Reuters',
  'Yonhap',
  'Кім Чен Ин',
  'Білий дім',
  'ТОВ',
  'Mr.',
  'Sen.',
  'щеплення',
  'Як',
  'Alpha',
  'Beta',
  'В.',
  'Путін',
  'the',
  'that',
  '🇺🇦',
  '👩‍⚕️',
  '\u202e',
  '\u001b[2J',
];

const hostileText = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 400 })
  .map((xs) => xs.join(''));

function spansOf(a: Analysis): Span[] {
  return [
    ...a.entities.flatMap((e) => e.mentions),
    ...a.attributions.flatMap((x) => [...x.cue, ...x.source, ...x.content]),
    ...a.boilerplate,
  ];
}

describe('the engine on adversarial text (property tests)', () => {
  for (const language of ['uk', 'en', 'ru'] as const) {
    it(`${language}: no throw, every span is the text at its offsets, attributions have a cue and content`, () => {
      fc.assert(
        fc.property(hostileText, (text) => {
          const a = analyze(text, { language });
          for (const s of spansOf(a)) {
            assert.ok(s.start >= 0 && s.end <= text.length && s.start <= s.end);
            assert.strictEqual(text.slice(s.start, s.end), s.text);
          }
          for (const x of a.attributions) assert.ok(x.cue.length > 0 && x.content.length > 0);
        }),
        { numRuns: 150, seed: 42 },
      );
    });
  }

  it('no sentence holds more tokens than the limit, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 300, maxLength: 2000 }), (xs) => {
        const text = xs.join('');
        for (const p of parseArticle(text).paragraphs)
          for (const s of p.sentences) assert.ok(s.tokens.length <= MAX_SENTENCE_TOKENS);
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});
