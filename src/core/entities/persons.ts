/**
 * People: a run with initials, a patronymic, a known first name or a title before it is a
 * person; other multi-word capitalised names are people unless a company word or an English
 * organisation or place head ends them.
 */
import { normalizeWord } from '../morphology';
import { isInitialTok } from './organisations';
import { EN_LOC_HEADS, EN_ORG_HEADS, endsWithAny, type NameRun, type SentenceScan } from './scan';
import { COMPANY_WORDS } from './words';

export function hasInitials(x: SentenceScan, r: NameRun): boolean {
  return r.run.some((k) => isInitialTok(x.tokens, k));
}

/** 5e. People: initials, a patronymic, a known first name, a title before the name. */
export function personRun(x: SentenceScan, r: NameRun): number | undefined {
  const { L, gaz } = x;
  const { a, b, words, prevTok, prev } = r;
  const initials = hasInitials(x, r);
  const firstName = gaz.isFirstName(r.first);
  const patronymic = words.length >= 2 && words.slice(1).some((w) => endsWithAny(w, L.patronymics));
  const titled = L.titles.has(prev) || (prevTok?.text === '.' && a >= 2 && L.titles.has(`${x.low(a - 2)}.`));
  if (!(initials || patronymic || firstName || titled)) return undefined;
  x.push(a, b, 'PER', firstName || patronymic || initials ? 1 : 0);
  return b;
}

/** Multi-word capitalised names: people, unless a company word or an English organisation or place head ends them. */
export function multiWordName(x: SentenceScan, r: NameRun): number | undefined {
  const { a, b, words, last } = r;
  if (words.length < 2) return undefined;
  const lastN = normalizeWord(last);
  const en = x.lang === 'en';
  if (words.some((w) => COMPANY_WORDS.has(w))) x.push(a, b, 'ORG', 0);
  else if (en && EN_ORG_HEADS.has(lastN)) x.push(a, b, 'ORG', 0);
  else if (en && EN_LOC_HEADS.has(lastN)) x.push(a, b, 'LOC', 0);
  else if (!r.sentenceInitial || endsWithAny(last, x.L.surnames)) x.push(a, b, 'PER', 0);
  else x.guess(a, b, 'PER', -1);
  return b;
}
