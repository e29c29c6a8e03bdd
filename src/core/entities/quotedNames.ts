/**
 * Organisation names in quotation marks: after an organisation form or acronym (ТОВ «Укргеоекологія»,
 * ДП «НАЕК «Енергоатом»), after a common noun (компанія «Нафтогаз», видання «Страна» → the name
 * alone), after a capitalised descriptor (Міжнародний благодійний фонд «Покуття»).
 * Each rule returns the index of the last token it took, or undefined.
 */
import { isCapitalized } from '../text';
import {
  ACRONYM,
  ADJ_END,
  ADJ_END_WIDE,
  capWord,
  isOrgHead,
  lowerWordIn,
  type SentenceScan,
  VERB_END,
} from './scan';

const JOINS = /^(?:і|й|та|и|або|чи)$/u;

/** 1. Organisation form (or any acronym) + quoted name, also with a descriptor: ТОВ фірма «Київ». */
export function formAndQuotedName(x: SentenceScan, i: number): number | undefined {
  const { tokens, lang, L } = x;
  const t = tokens[i];
  // Upper case at the start, without a regex: the lower-cased form differs there.
  const upper = t.kind === 'word' && t.text.charCodeAt(0) !== t.norm.charCodeAt(0);
  if (lang === 'en' || !upper || !(L.orgForms.has(t.text) || ACRONYM.test(t.text))) return undefined;
  let q = i + 1;
  // Between the form and the name: lower-case words (ТОВ фірма «Київ») or another form or
  // acronym (ТОВ НПП «Укргазгеоавтоматика»).
  // A verb between them makes a clause (ФДМУ пояснили законом «Про оренду …»), no name.
  // A conjunction joins two bodies (РДА і ТОВ «Главбуд»), not a form to its name.
  const between = (t: (typeof tokens)[number] | undefined) =>
    t?.kind === 'word' &&
    ((!isCapitalized(t.text) && !VERB_END.test(t.norm) && !JOINS.test(t.norm)) ||
      L.orgForms.has(t.text) ||
      ACRONYM.test(t.text));
  while (q < i + 3 && between(tokens[q])) q++;
  // The quoted name starts with a capital (ТОВ «Альфа»); «активно діяти» after КНДР is a quote.
  if (!x.isOpenQuote(q) || !/^[\p{Lu}\d]/u.test(tokens[q + 1]?.text ?? '')) return undefined;
  const c = x.quoteEnd(q);
  if (c <= q + 1) return undefined;
  // A housing estate's acronym makes a place (ЖК «Печерський бастіон»).
  x.push(i, c, L.locAcronymHeads.has(t.text) ? 'LOC' : 'ORG', 2);
  return c;
}

/** 2. A common noun + a name in quotes: компанія «Нафтогаз», видання «Страна» → the name alone. */
export function nounAndQuotedName(x: SentenceScan, i: number): number | undefined {
  const { tokens, L, gaz } = x;
  if (!x.isOpenQuote(i) || i === 0) return undefined;
  const prev = x.low(i - 1);
  const media = L.orgMediaNouns.has(prev);
  if (!(media || L.orgQuotedNouns.has(prev)) || isCapitalized(tokens[i - 1].text)) return undefined;
  const c = x.quoteEnd(i);
  if (!(c > i + 1 && capWord(tokens[i + 1]))) return undefined;
  const close = tokens[c - 1]?.kind === 'quote' ? c - 1 : c;
  const known = gaz.lookup(tokens.slice(i + 1, close).map((y) => y.text));
  x.push(i + 1, close - 1, 'ORG', 2, known ?? (media ? { name: '', type: 'ORG', kind: 'media' } : undefined));
  x.used[i] = x.used[c] = x.used[close] = 1;
  return c;
}

/**
 * 3. A capitalised institution's noun + a name in quotes is one name (Шахта «Білозерська»,
 * Санаторій «Едельвейс», Друкарня «Літера»). Not фірма, компанія: NER-UK takes them now with
 * the name, now without (the name alone, by nounAndQuotedName or the quoted-name rule).
 */
export function headAndQuotedName(x: SentenceScan, i: number): number | undefined {
  const { tokens, L } = x;
  const t = tokens[i];
  if (x.lang === 'en' || !capWord(t) || ACRONYM.test(t.text) || !x.isOpenQuote(i + 1)) return undefined;
  if (L.orgQuotedNouns.has(t.norm) || !isOrgHead(L, t) || !capWord(tokens[i + 2])) return undefined;
  const c = x.quoteEnd(i + 1);
  if (c <= i + 2) return undefined;
  x.push(i, c, 'ORG', 2);
  return c;
}

/** An adjective's ending, a participle's (Керуюча) or a soft stem's (Дочірнє): a descriptor's word. */
const describes = (w: string) => ADJ_END.test(w) || ADJ_END_WIDE.test(w) || /(ча|че|чий|нє)$/u.test(w);

/** 4. Capitalised descriptor + lower-case words + a name in quotes: Будівельна компанія «Дніпроінвестбуд». */
export function descriptorAndQuotedName(x: SentenceScan, i: number): number | undefined {
  const { tokens, lang, L } = x;
  if (lang === 'en') return undefined;
  let q = i + 1;
  while (q < i + 4 && tokens[q]?.kind === 'word' && !isCapitalized(tokens[q].text)) q++;
  if (!(q > i + 1 && x.isOpenQuote(q) && (L.orgQuotedNouns.has(x.low(q - 1)) || isOrgHead(L, tokens[q - 1]))))
    return undefined;
  // The words before the head noun describe it (Міжнародний благодійний фонд); a noun among them
  // is no part of the name (Власником фірми «УПС», Кінцевих бенефіціарів компанії «Юнітранс»).
  for (let k = i; k < q - 1; k++) if (!describes(x.low(k))) return undefined;
  const c = x.quoteEnd(q);
  if (c <= q + 1) return undefined;
  x.push(i, c, 'ORG', 1);
  return c;
}

/**
 * 5. Capitalised words alone filling quotes where the run rules would part them: an acronym
 * beside a word («ЮГ Комснаб») or a title's word («Прем'єр Лізинг») — one name, a company's
 * (in an article about companies: see bareQuote).
 */
export function wholeQuotedName(x: SentenceScan, i: number): number | undefined {
  const { tokens, L, gaz } = x;
  if (x.lang === 'en' || !x.isOpenQuote(i)) return undefined;
  const c = x.quoteEnd(i);
  const close = tokens[c - 1]?.kind === 'quote' ? c - 1 : c;
  const inner = tokens.slice(i + 1, close);
  if (inner.length < 2 || inner.length > 4 || !inner.every((t) => capWord(t))) return undefined;
  const parted =
    inner.some((t) => ACRONYM.test(t.text)) !== inner.every((t) => ACRONYM.test(t.text)) ||
    inner.some((t) => L.titles.has(t.norm) || L.stopCap.has(t.text));
  if (!parted || gaz.isFirstName(inner[0].text)) return undefined;
  const before = tokens[i - 1];
  // A product's title after its noun (засобу «Біопагдез КС») is no company's.
  if (lowerWordIn(before, L.workNouns)) return undefined;
  const m = x.push(i + 1, close - 1, 'ORG', 1);
  if (before?.kind !== 'word') m.bareQuote = true;
  return c;
}
