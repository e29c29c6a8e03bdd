/**
 * What the mention rules share: a language's word sets, the name patterns (adjective and verb
 * endings, acronyms, places), token tests, and the scan of one sentence (its tokens, the
 * mentions found so far, which tokens are taken).
 */
import { alternation, gazetteerIndex, type KnownName, LANGUAGE_DATA, wordSet } from '../lexicon';
import { normalizeWord } from '../morphology';
import { isCapitalized, type Token } from '../text';
import type { EntityType, Language } from '../types';

export interface RawMention {
  start: number;
  end: number;
  /** Name words of the surface text, their stems and key, filled lazily (see wordsOf). */
  words?: string[];
  stems?: string[];
  key?: string;
  type: EntityType;
  known?: KnownName;
  /** How sure the rule was: 2 gazetteer/form, 1 strong pattern, 0 guess. */
  strength: number;
  /** The name opens its sentence (or a list item), where any word is capitalised. */
  initial?: boolean;
  /**
   * A name filling quotes with no noun before it (« Щедрик », « Преса »): a company's in an
   * article about companies, a title's (a song, a book, a slogan) elsewhere; resolve.ts decides.
   */
  bareQuote?: boolean;
  /** A possessive adjective's owner (Дориних: дор-): a person where the article names one so (resolve.ts). */
  ownerKey?: string;
}

export interface LangSets {
  titles: Set<string>;
  orgForms: Set<string>;
  orgMediaNouns: Set<string>;
  orgQuotedNouns: Set<string>;
  /** Stems of organisation heads (міністерств, служб); acronym heads (ОДА, РДА) apart: they are whole words. */
  orgHeads: string[];
  orgAcronymHeads: Set<string>;
  locAcronymHeads: Set<string>;
  locHeads: string[];
  locPrefixes: Set<string>;
  locPreps: Set<string>;
  /** Prepositions of the locative, and a test of its endings (none in English). */
  locativePreps: Set<string>;
  locativeEnd?: RegExp;
  stopCap: Set<string>;
  months: Set<string>;
  patronymics: string[];
  surnames: string[];
  pronouns: Set<string>;
  docHeads: string[];
  lawHeads: string[];
  officeHeads: string[];
  holidayHeads: Set<string>;
  placeBodyHeads: string[];
  workNouns: string[];
  placeQuotedNouns: string[];
  possessives: Set<string>;
  titleOpeners: Set<string>;
  instrumentalPlacePreps: Set<string>;
  streetListHeads: Set<string>;
  streetListJoiners: Set<string>;
  streetYearWords: Set<string>;
}

const setsCache = new Map<Language, LangSets>();
export function langSets(lang: Language): LangSets {
  let s = setsCache.get(lang);
  if (!s) {
    const d = LANGUAGE_DATA[lang];
    s = {
      titles: wordSet(d.titles),
      orgForms: new Set(d.orgForms),
      orgMediaNouns: wordSet(d.orgMediaNouns),
      orgQuotedNouns: wordSet(d.orgQuotedNouns),
      orgHeads: d.orgHeads.filter((h) => h !== h.toUpperCase()).map(normalizeWord),
      orgAcronymHeads: new Set(d.orgHeads.filter((h) => h === h.toUpperCase())),
      locAcronymHeads: new Set(d.locAcronymHeads ?? []),
      locHeads: d.locHeads.map(normalizeWord),
      locPrefixes: wordSet(d.locPrefixes),
      locPreps: wordSet(d.locPrepositions),
      locativePreps: wordSet(d.locativeCase?.prepositions ?? []),
      locativeEnd: d.locativeCase && new RegExp(`(?:${d.locativeCase.endings.join('|')})$`, 'u'),
      stopCap: new Set(d.stopCapitalized),
      months: wordSet(d.monthWords),
      patronymics: d.patronymicSuffixes,
      surnames: d.surnameSuffixes,
      pronouns: wordSet(d.pronouns),
      docHeads: d.docHeads.map(normalizeWord),
      lawHeads: (d.lawHeads ?? []).map(normalizeWord),
      officeHeads: (d.officeHeads ?? []).map(normalizeWord),
      holidayHeads: new Set(d.holidayHeads ?? []),
      placeBodyHeads: (d.placeBodyHeads ?? []).map(normalizeWord),
      workNouns: (d.workNouns ?? []).map(normalizeWord),
      placeQuotedNouns: (d.placeQuotedNouns ?? []).map(normalizeWord),
      possessives: wordSet(d.possessives ?? []),
      titleOpeners: new Set(d.titleOpeners ?? []),
      instrumentalPlacePreps: wordSet(d.instrumentalPlacePrepositions ?? []),
      streetListHeads: wordSet(d.streetLists?.heads ?? []),
      streetListJoiners: wordSet(d.streetLists?.joiners ?? []),
      streetYearWords: wordSet(d.streetLists?.yearWords ?? []),
    };
    setsCache.set(lang, s);
  }
  return s;
}

export const EN_ORG_HEADS = wordSet(LANGUAGE_DATA.en.orgHeads);
export const EN_LOC_HEADS = wordSet(LANGUAGE_DATA.en.locHeads);

/** One compiled pattern per word list: a stem followed by at most four letters (an ending). */
const stemPatterns = new WeakMap<string[], RegExp>();
export const startsWithAny = (n: string, stems: string[]) => {
  // An empty list would compile to a pattern of any short word.
  if (!stems.length) return false;
  let re = stemPatterns.get(stems);
  if (!re) {
    re = new RegExp(`^(?:${alternation([...stems].sort((a, b) => b.length - a.length))})[^\\s]{0,4}$`, 'u');
    stemPatterns.set(stems, re);
  }
  return re.test(n);
};
/** A lower-case word opening with one of these stems (препарату, заказника «…»). */
export const lowerWordIn = (t: Token | undefined, stems: string[]) =>
  t?.kind === 'word' && !isCapitalized(t.text) && startsWithAny(t.norm, stems);
/** One compiled pattern per suffix list: a suffix after at least two other letters. */
const suffixPatterns = new WeakMap<string[], RegExp>();
export const endsWithAny = (w: string, suffixes: string[]) => {
  let re = suffixPatterns.get(suffixes);
  if (!re) {
    re = new RegExp(`^[^]{2,}(?:${alternation(suffixes.map(normalizeWord))})$`, 'u');
    suffixPatterns.set(suffixes, re);
  }
  return re.test(normalizeWord(w));
};

export const ADJ_END =
  /(ий|ій|ого|ої|ому|ою|их|ими|им|ім|ього|ьої|ьому|ая|ое|ый|ой|ую|ые|ых|ськ[уе]|цьк[уе]|зьк[уе]|ськ[аі]|цьк[аі]|зьк[аі])$/u;
/** A feminine noun's instrumental (радою, службою, інспекцією), not an adjective's (обласною, міською, новою). */
const INSTRUMENTAL_NOUN = /(?<![нкгчжшщвь])(?:ою|ією)$/u;
/** Also nominative/accusative adjective endings that names share (Державна, Олена): used only with a head noun after. */
export const ADJ_END_WIDE = /(на|не|ні|ну|ва|ве)$/u;
export const VERB_END = /(ла|ло|ли|ив|ав|яв|ов|ів|ть|ться|ся|сь|ає|ює|ять|ють|уть|ить|ать|ється|ується)$/u;
export const INSTRUMENTAL_END = /(ом|ем|єм|ою|ею|єю|им)$/u;
/**
 * Words that name no person, organisation or place though capitalised: an event by its year
 * (Євро-2012, Євробаскету-2015), a model's code (СУ-100, БУК-3К, РМ-80), a Latin acronym
 * compounded with a common noun (IP-адреси, GPS-навігатором, PR-супроводом).
 */
export const EVENT_YEAR = /^\p{Lu}\p{Ll}[\p{L}'’]*-(?:19|20)\d\d$/u;
export const NAMES_NOTHING =
  /^(?:\p{Lu}\p{Ll}[\p{L}'’]*-(?:19|20)\d\d|\p{Lu}{1,5}-\d+\p{L}{0,2}|[A-Z]{2,5}-\p{Ll}{3,})$/u;
/** What joins the items of a list: a comma or a conjunction (Моршин, Корчин і Крушельниця). */
export const LIST_JOINER = /^(?:,|і|й|та|и|and)$/u;
/** Capitals inside a word (ЗакДУ, ГоловКРУ, СЕТАМу): an acronym or a brand, never a person's name. */
export const INNER_CAPITAL = /^\p{Lu}\p{L}*\p{Lu}/u;
export const ACRONYM = /^[\p{Lu}\d][\p{Lu}\d-]{1,7}$/u;

export const isWord = (t: Token | undefined) => t !== undefined && (t.kind === 'word' || t.kind === 'number');
export const capWord = (t: Token | undefined) =>
  t !== undefined && t.kind === 'word' && isCapitalized(t.text);
/** Only spaces or tabs between two tokens (a char scan: this is asked for every name word). */
export const adjacent = (a: Token, b: Token, text: string) => {
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
};

/** A run of name tokens and what the typing rules read of it. */
export interface NameRun {
  run: number[];
  /** First and last token of the name (a may skip a glued sentence-initial word). */
  a: number;
  b: number;
  words: string[];
  prevTok: Token | undefined;
  /** The normal form of the token before the name. */
  prev: string;
  first: string;
  last: string;
  /** The start of a sentence, a list item ("* Використовували …") or a table cell. */
  sentenceInitial: boolean;
}

/**
 * A name in the locative after у, в, на (у Станіславі, в Приазовському, на Медовій Печері) is a
 * place: people after these prepositions are in the genitive (у Зеленського). In NER-UK, 477 of
 * 496 such names are places or organisations.
 */
export function inLocative(x: SentenceScan, r: NameRun): boolean {
  const end = x.L.locativeEnd;
  return !!end && x.L.locativePreps.has(r.prev) && end.test(normalizeWord(r.first));
}

/** An organisation's head noun (Міністерство, служби) or acronym (ОДА); an acronym's letters never open another word (Одарич). */
export const isOrgHead = (L: LangSets, t: Token) =>
  L.orgAcronymHeads.has(t.text) || (startsWithAny(t.norm, L.orgHeads) && !NOT_ORG_HEAD.test(t.norm));
/** Words a head's stem opens that name no body: рад- of радість, суд- of суддя. */
const NOT_ORG_HEAD = /^(?:радіс|радост|радощ|судд)/u;

/** A single-letter initial ("В." or, in pre-tokenised text, "В ."); returns the index after it. */
export function initialAt(tokens: Token[], i: number, text: string): number {
  const t = tokens[i];
  const dot = tokens[i + 1];
  if (t?.kind !== 'word' || !/^\p{Lu}$/u.test(t.text) || dot?.text !== '.' || dot.start - t.end > 1) return 0;
  if (!/^[ \t]?$/.test(text.slice(t.end, dot.start))) return 0;
  // An initial is followed by another initial or a capitalised word.
  const n = tokens[i + 2];
  return n && n.kind === 'word' && /^\p{Lu}/u.test(n.text) ? i + 2 : 0;
}

const OPENING_MARKS = new Set(['«', '„', '“', '"']);

/** One sentence being scanned for mentions. */
export class SentenceScan {
  readonly used: Uint8Array;
  readonly firstWord: number;
  readonly L: LangSets;
  readonly gaz = gazetteerIndex();
  /** The token after which a list of streets may go on (streetLists.ts); −1: none open. */
  streetListEnd = -1;
  /** Whether the open list was opened by a plural head or a colon (ремонт вулиць:), not by one street. */
  streetListDeclared = false;

  constructor(
    readonly text: string,
    readonly tokens: Token[],
    readonly lang: Language,
    readonly out: RawMention[],
  ) {
    this.used = new Uint8Array(tokens.length);
    this.firstWord = tokens.findIndex((t) => t.kind === 'word' || t.kind === 'number');
    this.L = langSets(lang);
  }

  /** Records a mention of tokens a..b (and takes them). */
  push(a: number, b: number, type: EntityType, strength: number, known?: KnownName): RawMention {
    const { tokens } = this;
    for (let k = a; k <= b; k++) this.used[k] = 1;
    let end = tokens[b].end;
    // English possessive: Clinton’s → Clinton.
    if (this.lang === 'en' && /['’]s$/.test(tokens[b].text)) end -= 2;
    const m: RawMention = {
      start: tokens[a].start,
      end,
      type,
      known,
      strength,
      initial: this.opensSentence(a),
    };
    this.out.push(m);
    return m;
  }

  /** Records a guess of tokens a..b (not taking them). */
  guess(a: number, b: number, type: EntityType, strength: number): void {
    const { tokens } = this;
    this.out.push({
      start: tokens[a].start,
      end: tokens[b].end,
      type,
      strength,
      initial: this.opensSentence(a),
    });
  }

  /** Token a opens the sentence: first, after an opening mark or dash, or after a list or cell marker. */
  opensSentence(a: number): boolean {
    const { tokens, firstWord } = this;
    return (
      a === firstWord ||
      (a - 1 === firstWord && /^[«"“„(—–-]$/.test(tokens[a - 1].text)) ||
      (a > 0 && /^[*•;|]$/.test(tokens[a - 1].text)) ||
      // A numbered item: "1 ) Підготувати", "б) Укласти".
      (a >= 2 &&
        tokens[a - 1].text === ')' &&
        /^(?:\d{1,2}|\p{L})$/u.test(tokens[a - 2].text) &&
        (a - 2 <= firstWord || /^[:;.]$/.test(tokens[a - 3]?.text ?? '')))
    );
  }

  low(k: number): string {
    return this.tokens[k] ? this.tokens[k].norm : '';
  }

  isOpenQuote(k: number): boolean {
    const t = this.tokens[k];
    return t?.kind === 'quote' && OPENING_MARKS.has(t.text);
  }

  /**
   * Index of the token closing a quote opened at k: the first closing mark, plus an adjacent one
   * for nested names («ІБК «Рассвет»»); Ukrainian typography often drops the outer closing mark.
   */
  quoteEnd(k: number): number {
    const { tokens, text } = this;
    for (let j = k + 1; j < tokens.length && j < k + 30; j++) {
      const t = tokens[j];
      if (t.kind !== 'quote' || /^[«„]$/.test(t.text)) continue;
      // A straight quote glued to the next word opens an inner name: "Компанія "Рассвет"".
      if (t.text === '"' && /^[\p{L}\d]/u.test(text[t.end] ?? '') && text[t.start - 1] === ' ') continue;
      const n = tokens[j + 1];
      return n && n.kind === 'quote' && /^[»”"]$/.test(n.text) && n.start - t.end <= 1 ? j + 1 : j;
    }
    return -1;
  }

  /** Lower-case words after `from` up to a head noun: returns the head index and its kind. */
  headAfter(from: number, max: number): { k: number; kind: 'ORG' | 'LOC' } | undefined {
    const { tokens, text, L } = this;
    for (let k = from; k < tokens.length && k < from + max; k++) {
      const t = tokens[k];
      // A territory's acronym is its head (П’ядицька ОТГ).
      if (k === from && L.locAcronymHeads.has(t.text) && adjacent(tokens[k - 1], t, text))
        return { k, kind: 'LOC' };
      if (t.kind !== 'word' || isCapitalized(t.text) || !adjacent(tokens[k - 1], t, text)) return undefined;
      // An institution's noun in the instrumental ends as an adjective does (Дніпропетровською
      // міськрадою, Рівненською службою): by its stem and the letter before -ою it is the head.
      if (INSTRUMENTAL_NOUN.test(t.norm) && isOrgHead(L, t)) return { k, kind: 'ORG' };
      // Adjectives (районної, обласної, аудиторська) come before the head noun.
      if (
        ADJ_END.test(this.low(k)) ||
        (ADJ_END_WIDE.test(this.low(k)) && !isOrgHead(L, t) && !startsWithAny(t.norm, L.locHeads))
      )
        continue;
      if (isOrgHead(L, t)) return { k, kind: 'ORG' };
      if (!startsWithAny(t.norm, L.locHeads)) return undefined;
      // "обласна", "районна" look like a place head but are adjectives before an institution's:
      // Житомирська обласна державна адміністрація.
      const org = ADJ_END_WIDE.test(this.low(k)) ? this.headAfter(k + 1, from + max - k - 1) : undefined;
      return org?.kind === 'ORG' ? org : { k, kind: 'LOC' };
    }
    return undefined;
  }
}
