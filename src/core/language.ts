/**
 * Language of an article: uk, ru or en. Script letters decide (і ї є ґ are Ukrainian only,
 * ы э ъ ё Russian only), with frequent function words as a tie-breaker: on short news texts this
 * beats n-gram detectors, which confuse Ukrainian and Russian on a few sentences.
 */
import type { Language } from './types';

const UK_WORDS = new Set([
  'і',
  'та',
  'що',
  'не',
  'на',
  'з',
  'до',
  'як',
  'це',
  'від',
  'його',
  'її',
  'також',
  'який',
  'щодо',
]);
const RU_WORDS = new Set([
  'и',
  'что',
  'не',
  'на',
  'с',
  'до',
  'как',
  'это',
  'от',
  'его',
  'ее',
  'также',
  'который',
  'по',
]);

export function detectLanguage(text: string): Language {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  let cyr = 0;
  let lat = 0;
  let uk = 0;
  let ru = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i) | 0x20; // ASCII lower case; Cyrillic handled by ranges below
    if (c >= 0x61 && c <= 0x7a) lat++;
    else {
      const u = sample.charCodeAt(i);
      if (u >= 0x400 && u <= 0x4ff) {
        cyr++;
        // і ї є ґ (and capitals) are Ukrainian; ы э ъ ё (and capitals) Russian.
        if (
          u === 0x456 ||
          u === 0x406 ||
          u === 0x457 ||
          u === 0x407 ||
          u === 0x454 ||
          u === 0x404 ||
          u === 0x491 ||
          u === 0x490
        )
          uk++;
        else if (
          u === 0x44b ||
          u === 0x42b ||
          u === 0x44d ||
          u === 0x42d ||
          u === 0x44a ||
          u === 0x42a ||
          u === 0x451 ||
          u === 0x401
        )
          ru++;
      }
    }
  }
  if (lat > cyr) return 'en';
  if (uk + ru > 0 && (uk > 2 * ru || ru > 2 * uk)) return uk > ru ? 'uk' : 'ru';
  let ukW = 0;
  let ruW = 0;
  for (const w of sample.toLowerCase().match(/[\p{L}]+/gu) ?? []) {
    if (UK_WORDS.has(w)) ukW++;
    if (RU_WORDS.has(w)) ruW++;
  }
  if (ukW !== ruW) return ukW > ruW ? 'uk' : 'ru';
  return uk >= ru ? 'uk' : 'ru';
}
