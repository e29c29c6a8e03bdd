/**
 * Mention finding, sentence by sentence, rule family by rule family: quoted organisation names
 * (quotedNames.ts), the gazetteer (gazetteerMatch.ts), runs of capitalised words typed by
 * organisation heads, places, people and guesses (runs.ts). Mentions are cached per paragraph.
 */
import type { Article } from '../article';
import type { Token } from '../text';
import type { Language } from '../types';
import { gazetteerMatch } from './gazetteerMatch';
import { productName } from './products';
import {
  descriptorAndQuotedName,
  formAndQuotedName,
  headAndQuotedName,
  nounAndQuotedName,
  wholeQuotedName,
} from './quotedNames';
import { capitalisedRun } from './runs';
import {
  ACRONYM,
  ADJ_END,
  adjacent,
  capWord,
  initialAt,
  LIST_JOINER,
  NAMES_NOTHING,
  type RawMention,
  SentenceScan,
  startsWithAny,
} from './scan';
import { opensStreetList, streetListItem } from './streetLists';

/** Finds entity mentions in the text; overlapping finds are resolved by position and strength. */
export function findMentions(article: Article, lang: Language): RawMention[] {
  const text = article.text;
  const out: RawMention[] = [];
  article.paragraphs.forEach((para, pi) => {
    // Mentions depend only on the paragraph's own text: reused from the cache when it is unchanged.
    const entry = article.entries?.[pi];
    const cached = entry?.extra.get(`mentions:${lang}`) as RawMention[] | undefined;
    if (cached) {
      for (const m of cached)
        out.push({ ...m, start: m.start + para.start, end: m.end + para.start, words: undefined });
      return;
    }
    const from = out.length;
    for (const sent of para.sentences) {
      const x = new SentenceScan(text, sent.tokens, lang, out);
      const first = out.length;
      mentionsInSentence(x);
      bodiesOfPlaces(x, first);
      branchesOfPlaces(x, first);
      placesInLists(x, first);
      placesInTitles(x, first);
    }
    // In boilerplate lines only names the engine knows are kept (Фото: Кіодо), no guesses.
    if (para.boilerplate) {
      const kept = out.slice(from).filter((m) => m.strength >= 2);
      out.length = from;
      for (const m of kept) out.push(m);
    }
    entry?.extra.set(
      `mentions:${lang}`,
      out
        .slice(from)
        .map((m) => ({ ...m, start: m.start - para.start, end: m.end - para.start, words: undefined })),
    );
  });
  return out;
}

/**
 * A place's adjective before a body's acronym (Генічеська РДА, Дніпропетровську РДА, Луганське
 * ОТВ АМКУ) names the body, though the adjective reads as the town's own form (Генічеська: of
 * Генічеськ): the run's rules type it, not the gazetteer.
 */
function bodyOfAdjective(x: SentenceScan, i: number): boolean {
  const { tokens, text, L, gaz } = x;
  const t = tokens[i];
  const nx = tokens[i + 1];
  if (!(ADJ_END.test(t.norm) && capWord(t) && capWord(nx) && ACRONYM.test(nx.text))) return false;
  return adjacent(t, nx, text) && !L.stopCap.has(nx.text) && !gaz.lookup([nx.text]);
}

/**
 * A Roman numeral, also typed with the Cyrillic І and Х (ХІХ століття, ІІ зони, І-го, I-III
 * ступенів); a lone Cyrillic І or Х is a word or an initial.
 */
const ROMAN_NUMERAL = /^(?:[IVXLC]+|[ІХIVXLC]{2,}|[ІХ](?=-\p{Ll}))(?:-(?:[IVXLCІХ]+|\p{Ll}{1,3}))?$/u;

/** A court's noun: with its adjectives before it, it makes one body with the place after it. */
const COURT = /^(?:суд|суду|судом|суді)$/u;

/**
 * An institution named by a lower-case head and its place (прокуратура Донецької області, госпсуду
 * Дніпропетровської області, міськради Черкас) is one organisation, as NER-UK takes it; a country
 * after it stays a place, as does a place after other nouns (мерія Харкова, центрі Києва: NER-UK
 * tags the place alone).
 */
function bodiesOfPlaces(x: SentenceScan, first: number): void {
  const { tokens, out, L } = x;
  if (x.lang === 'en') return;
  let k = 0;
  for (let m = first; m < out.length; m++) {
    const mention = out[m];
    if (mention.type !== 'LOC' || mention.known?.kind === 'country') continue;
    while (k < tokens.length && tokens[k].start < mention.start) k++;
    const head = tokens[k - 1];
    if (!head || tokens[k]?.start !== mention.start || head.kind !== 'word' || capWord(head)) continue;
    if (!adjacent(head, tokens[k], x.text)) continue;
    // A court with its own lower-case adjectives is one too (господарського суду Черкаської
    // області, районного суду м. Києва); after a capitalised adjective the name is the run's.
    let a = k - 1;
    while (a > 0 && a > k - 4 && tokens[a - 1].kind === 'word' && ADJ_END.test(tokens[a - 1].norm)) a--;
    if (a < k - 1 && (capWord(tokens[a]) || !COURT.test(head.norm))) continue;
    if (a === k - 1 && !startsWithAny(head.norm, L.placeBodyHeads)) continue;
    out[m] = {
      ...mention,
      start: tokens[a].start,
      type: 'ORG',
      known: undefined,
      strength: Math.max(mention.strength, 1),
    };
  }
}

/**
 * An organisation's place right after its name, with no preposition, is its branch's name
 * (Ради міністрів Автономної Республіки Крим, Міндоходів Луганської області: one organisation
 * in NER-UK); a country stays a place of its own unless a rule took it into the name.
 */
function branchesOfPlaces(x: SentenceScan, first: number): void {
  const { out, text } = x;
  for (let m = first + 1; m < out.length; m++) {
    const org = out[m - 1];
    const place = out[m];
    if (org.type !== 'ORG' || place.type !== 'LOC' || place.known?.kind === 'country') continue;
    // A quoted name is whole (КП «Імпульс» Сумської області: the region is where it is).
    if (!/^ +$/.test(text.slice(org.end, place.start)) || /[»”"]$/.test(text.slice(org.start, org.end)))
      continue;
    out[m - 1] = { ...org, end: place.end, known: undefined };
    out.splice(m, 1);
    m--;
  }
}

/**
 * A place inside a title that says what it is about (Закону « Про місцеве самоврядування в
 * Україні »: the law's words) is no place of the article's: NER-UK tags none there.
 */
function placesInTitles(x: SentenceScan, first: number): void {
  const { tokens, out } = x;
  const titles: { start: number; end: number }[] = [];
  for (let k = 0; k < tokens.length - 1; k++) {
    if (!x.isOpenQuote(k) || !x.L.titleOpeners.has(tokens[k + 1].text)) continue;
    const c = x.quoteEnd(k);
    if (c > k) titles.push({ start: tokens[k].end, end: tokens[c].start });
  }
  if (!titles.length) return;
  const inTitle = (m: RawMention) => titles.some((t) => m.start >= t.start && m.end <= t.end);
  for (let m = out.length - 1; m >= first; m--)
    if (out[m].type === 'LOC' && inTitle(out[m])) out.splice(m, 1);
}

/**
 * A one-word guess listed beside known places is a place too (Моршин, Корчин і Крушельниця;
 * Варшаві, Перемишлі, Битомі, Ілаві): a list names things of one kind.
 */
function placesInLists(x: SentenceScan, first: number): void {
  const { out, text } = x;
  // Most sentences hold no guess to retype: leave them at once.
  let guesses = false;
  for (let m = first; m < out.length && !guesses; m++)
    guesses = out[m].strength <= 0 && out[m].type !== 'LOC';
  if (!guesses) return;
  const found = out.slice(first).sort((a, b) => a.start - b.start);
  const joined = (a: RawMention, b: RawMention) => {
    const gap = text.slice(a.end, b.start).trim();
    return LIST_JOINER.test(gap);
  };
  const listed = new Set<RawMention>();
  const known = (m: RawMention | undefined) => !!m && m.type === 'LOC' && (m.strength >= 1 || listed.has(m));
  // Twice over, so that a place reaches along the list both ways (Моршин, Корчин і Крушельниця).
  for (let pass = 0; pass < 2; pass++)
    for (let k = 0; k < found.length; k++) {
      const m = found[k];
      const word = text.slice(m.start, m.end);
      if (m.strength > 0 || m.type === 'LOC' || /\s/.test(word)) continue;
      // A given name keeps a person (Київ і Тарас).
      if (x.gaz.isFirstName(word)) continue;
      const before = found[k - 1];
      const after = found[k + 1];
      if ((known(before) && joined(before, m)) || (known(after) && joined(m, after))) {
        m.type = 'LOC';
        listed.add(m);
      }
    }
}

/** A token that may start a name: a capitalised word, or a number like "1+1" (a TV channel). */
function mayStartName(t: Token): boolean {
  if (!(t.kind === 'word' || (t.kind === 'number' && /^\d+\+\d+$/.test(t.text)))) return false;
  const upper = t.kind === 'word' && t.text.charCodeAt(0) !== t.norm.charCodeAt(0);
  return upper || (t.kind === 'number' && /^\d/.test(t.text));
}

/** Token i follows an office's title (Президента, Міністра оборони, Міністр закордонних справ): up to three lower-case words between. */
function afterOffice(x: SentenceScan, i: number): boolean {
  const { tokens, L } = x;
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const t = tokens[k];
    if (t.kind !== 'word') return false;
    // Written as an official title, with a capital (NER-UK tags the country after "президента").
    if (startsWithAny(t.norm, L.officeHeads)) return capWord(t);
    if (capWord(t)) return false;
  }
  return false;
}

/**
 * The capitalised words of a document's or a holiday's name after its head at i, up to a
 * person's name (Указ Віктора Ющенка, Указ В. Ющенка, У День Конституції Петро Іваненко …) or
 * a word where `stops`: the index of the last word taken.
 */
function skipTitleWords(x: SentenceScan, i: number, stops: (k: number) => boolean): number {
  const { tokens, gaz } = x;
  const person = (k: number) => gaz.isFirstName(tokens[k].text) || initialAt(tokens, k, x.text) > 0;
  while (i + 1 < tokens.length && capWord(tokens[i + 1]) && !person(i + 1) && !stops(i + 1)) i++;
  return i;
}

function mentionsInSentence(x: SentenceScan): void {
  const { tokens, L, gaz } = x;
  for (let i = 0; i < tokens.length; i++) {
    if (x.used[i]) continue;
    const quoted =
      formAndQuotedName(x, i) ?? nounAndQuotedName(x, i) ?? headAndQuotedName(x, i) ?? wholeQuotedName(x, i);
    if (quoted !== undefined) {
      i = quoted;
      continue;
    }
    const t = tokens[i];
    // Lists of streets: cheap tests first, an item only where a list is open.
    if (opensStreetList(x, i)) continue;
    const street = x.streetListEnd >= 0 ? streetListItem(x, i) : undefined;
    if (street !== undefined) {
      i = street;
      continue;
    }
    // A quoted one is a name all the same («АРС-2015», «АТП-11410»).
    if (!mayStartName(t) || (t.text.includes('-') && NAMES_NOTHING.test(t.text) && !x.isOpenQuote(i - 1)))
      continue;
    // A law's country is part of the law's name (Закону України, Кримінального кодексу України),
    // an office's of the office (Президента України, Міністр оборони України: a job in NER-UK).
    if (
      i > 0 &&
      gaz.lookup([t.text])?.kind === 'country' &&
      (startsWithAny(tokens[i - 1].norm, L.lawHeads) || afterOffice(x, i))
    )
      continue;
    // A holiday's name, places in it included, names no person, organisation or place (День
    // Києва, Дня Незалежності України).
    if (L.holidayHeads.has(t.text)) {
      i = skipTitleWords(x, i, (k) => !adjacent(tokens[k - 1], tokens[k], x.text));
      continue;
    }
    const product = productName(x, i);
    if (product !== undefined) {
      i = product;
      continue;
    }
    const known = bodyOfAdjective(x, i) ? undefined : gazetteerMatch(x, i);
    if (known !== undefined) {
      i = known;
      continue;
    }
    // A capitalised function word (Про, У, Раніше, The) never starts a name; nor does a Roman
    // numeral; a document's name (Закону України «Про …», Кримінального кодексу) is not PER/ORG/LOC.
    // An initial may be such a word (А . Кекуле, В . Ющенка, І . Я . Горбачевського).
    const initial = initialAt(tokens, i, x.text) > 0;
    // Nor does a lone letter that is no initial (70 °С, 78,3 ° С ., літера К, термінал D).
    const lone = t.text.length === 1 && (tokens[i + 1]?.text !== '.' || tokens[i - 1]?.text === '°');
    if (!initial && (L.stopCap.has(t.text) || ROMAN_NUMERAL.test(t.text) || lone)) continue;
    if (startsWithAny(t.norm, L.docHeads)) {
      // … nor a known name or a body's name after it (Рішення Господарського суду Одеської
      // області: the court is named).
      const body = (k: number) => ADJ_END.test(tokens[k].norm) && !!x.headAfter(k + 1, 3);
      i = skipTitleWords(x, i, (k) => !!gaz.lookup([tokens[k].text]) || body(k));
      continue;
    }
    i = descriptorAndQuotedName(x, i) ?? capitalisedRun(x, i);
  }
}
