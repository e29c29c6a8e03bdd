/**
 * People: a run with initials, a patronymic, a known first name or a title before it is a
 * person; other multi-word capitalised names are people unless a company word or an English
 * organisation or place head ends them.
 */
import { normalizeWord } from '../morphology';
import { isInitialTok } from './organisations';
import {
  ACRONYM,
  adjacent,
  capWord,
  EN_LOC_HEADS,
  EN_ORG_HEADS,
  endsWithAny,
  INNER_CAPITAL,
  inLocative,
  type NameRun,
  type SentenceScan,
  startsWithAny,
} from './scan';
import { COMPANY_WORDS } from './words';

/** A company's form written as initials at a Latin name's end: B. V., S. A., N. V., A. G. */
const LATIN_FORM = /^[A-Za-z].*\b(?:B\. ?V|S\. ?A|N\. ?V|A\. ?G)\.?$/u;

export function hasInitials(x: SentenceScan, r: NameRun): boolean {
  return r.run.some((k) => isInitialTok(x.tokens, k));
}

/** A row of acronyms, company forms or words with capitals inside (ТОВ НПП, ЗакДУ) names no person. */
const allAcronyms = (x: SentenceScan, words: string[]) =>
  words.every((w) => ACRONYM.test(w) || x.L.orgForms.has(w) || INNER_CAPITAL.test(w));

/** 5e. People: initials, a patronymic, a known first name, a title before the name. */
export function personRun(x: SentenceScan, r: NameRun): number | undefined {
  const { L, gaz } = x;
  const { a, b, words, prevTok, prev } = r;
  const initials = hasInitials(x, r);
  const firstName = gaz.isFirstName(r.first);
  const patronymic = words.length >= 2 && words.slice(1).some((w) => endsWithAny(w, L.patronymics));
  const titled = L.titles.has(prev) || (prevTok?.text === '.' && a >= 2 && L.titles.has(`${x.low(a - 2)}.`));
  if (!(initials || patronymic || firstName || titled) || allAcronyms(x, words)) return undefined;
  // Initials of a company's form (Metinvest B. V., Leman Commodities S. A.) or beside a company
  // word (MAKO Holding B. V.) make a company, not a person.
  if (
    initials &&
    (words.some((w) => COMPANY_WORDS.has(w)) ||
      LATIN_FORM.test(x.text.slice(x.tokens[a].start, x.tokens[b].end)))
  ) {
    x.push(a, b, 'ORG', 1);
    return b;
  }
  // A given name alone in the locative (у Станіславі) is a place named after it.
  if (!(initials || patronymic || titled) && inLocative(x, r)) return undefined;
  const end = firstName && words.length === 1 ? (nickname(x, b) ?? sharedSurname(x, b)) : b;
  x.push(a, end, 'PER', firstName || patronymic || initials ? 1 : 0);
  return end;
}

/** A nickname in quotes between a given name and the surname belongs to the name: Дмитро «Бобін» Александров. */
function nickname(x: SentenceScan, b: number): number | undefined {
  const { tokens } = x;
  if (!x.isOpenQuote(b + 1)) return undefined;
  const c = x.quoteEnd(b + 1);
  if (c < 0 || c - (b + 1) > 3 || c - (b + 1) < 2) return undefined;
  for (let k = b + 2; k < c; k++) if (!capWord(tokens[k])) return undefined;
  const surname = tokens[c + 1];
  return capWord(surname) && !x.isOpenQuote(c + 1) ? c + 1 : undefined;
}

const AND = new Set(['та', 'і', 'й', 'и']);

/**
 * Two first names with one surname are one name ("Микола та Лариса Онули", as NER-UK annotates
 * them): the end of the second name, or b.
 */
function sharedSurname(x: SentenceScan, b: number): number {
  const { tokens, text, gaz } = x;
  const [conj, first, surname] = [tokens[b + 1], tokens[b + 2], tokens[b + 3]];
  if (!(conj && first && surname) || !AND.has(conj.norm) || x.used[b + 2] || x.used[b + 3]) return b;
  if (!gaz.isFirstName(first.text) || !capWord(surname) || gaz.isFirstName(surname.text)) return b;
  const near =
    adjacent(tokens[b], conj, text) && adjacent(conj, first, text) && adjacent(first, surname, text);
  return near ? b + 3 : b;
}

/** Multi-word capitalised names: people, unless a company word or an English organisation or place head ends them. */
export function multiWordName(x: SentenceScan, r: NameRun): number | undefined {
  const { a, b, words, last } = r;
  if (words.length < 2) return undefined;
  const lastN = normalizeWord(last);
  const en = x.lang === 'en';
  // A document's or a symbol's name after its adjectives (Державного Герба, Кримінального Кодексу).
  if (!en && startsWithAny(lastN, x.L.docHeads)) return b;
  if (allAcronyms(x, words) || words.some((w) => COMPANY_WORDS.has(w))) x.push(a, b, 'ORG', 0);
  else if (en && EN_ORG_HEADS.has(lastN)) x.push(a, b, 'ORG', 0);
  else if (en && EN_LOC_HEADS.has(lastN)) x.push(a, b, 'LOC', 0);
  else if (inLocative(x, r)) x.push(a, b, 'LOC', 0);
  else if (!r.sentenceInitial || endsWithAny(last, x.L.surnames)) x.push(a, b, 'PER', 0);
  else x.guess(a, b, 'PER', -1);
  return b;
}
