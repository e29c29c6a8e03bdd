/** Loads the language data files once and indexes them for the engine. */
import countries from 'i18n-iso-countries';
import enCountries from 'i18n-iso-countries/langs/en.json';
import ruCountries from 'i18n-iso-countries/langs/ru.json';
import ukCountries from 'i18n-iso-countries/langs/uk.json';
import givenNameGenders from 'shevchenko/dist/es/gender-detection/given-names-genders.json.js';
import en from './data/en.json';
import gazetteer from './data/gazetteer.json';
import moreOrganisations from './data/organisations-more.json';
import morePlaces from './data/places-more.json';
import ru from './data/ru.json';
import uk from './data/uk.json';
import { nameKey, nameWords, normalizeWord, stem } from './morphology';
import type { EntityKind, EntityType, Language } from './types';

countries.registerLocale(enCountries);
countries.registerLocale(ruCountries);
countries.registerLocale(ukCountries);

export interface Phrase {
  cue: string;
  source: 'after' | 'none' | 'auto';
  kind: 'citation' | 'according' | 'parenthetical' | 'document' | 'impersonal' | 'verb';
}

export type VerbClass = 'say' | 'directive' | 'belief';

export interface LanguageData {
  /** English lists verbs as lemmas, inflected by rule; Ukrainian and Russian as stems (the default). */
  verbEntries?: 'lemmas' | 'stems';
  verbs: Record<VerbClass, string[]>;
  /** English verbs that are nouns as often (a protest, a voice): only their past forms are cues. */
  pastOnly?: string[];
  /** English forms the generator makes that are not cues: "supposed" (is supposed to). */
  notCueForms?: string[];
  /** English irregular forms by lemma (speak: spoke, spoken). */
  irregular?: Record<string, string[]>;
  /** English adjectives that make a belief cue after a copula: "is confident that". */
  attitudeAdjectives?: string[];
  /** English verbs that are cues only before a colon or a quotation: "continued: …". */
  colonVerbs?: string[];
  verbEndings: string[];
  phrases: Phrase[];
  possessivePhrase: { prefixes: string[]; nouns: string[]; pronouns: string[] };
  complementizers: string[];
  about: string[];
  pronouns: string[];
  anonymous: string[];
  impersonal: string[];
  documents: string[];
  notSpeech: string[];
  authorVoice: string[];
  titles: string[];
  orgHeads: string[];
  orgForms: string[];
  orgMediaNouns: string[];
  orgQuotedNouns: string[];
  /** Words before a place's name that belong to it: вул., просп., парк (парк Герхта), майдан, міст. */
  locPrefixes: string[];
  locHeads: string[];
  locPrepositions: string[];
  /**
   * Prepositions that take the locative (у, в, на) and the locative's endings: a name in the
   * locative after them is where something is, not who (у Станіславі, в Приазовському).
   */
  locativeCase?: { prepositions: string[]; endings: string[] };
  personPrepositions: string[];
  patronymicSuffixes: string[];
  surnameSuffixes: string[];
  stopCapitalized: string[];
  monthWords: string[];
  /** Heads of document names (Закон, Кодекс): such names are not people, places or organisations. */
  docHeads: string[];
  /**
   * Heads of laws', symbols' and books' names: the country after them is part of the name
   * (Закону України, Кримінального кодексу України, Державного Герба України, Книги рекордів України).
   */
  lawHeads?: string[];
  /** A holiday's head (День Києва, Дня Незалежності): the place after it is part of the holiday's name. */
  holidayHeads?: string[];
  /** Offices whose country is part of the office's name (Президента України, Міністр оборони України). */
  officeHeads?: string[];
  /** Lower-case heads that make one organisation with the place after them (прокуратури Донецької області). */
  placeBodyHeads?: string[];
  /** Nouns that introduce a work's or a product's title in quotes (препарату «…», програмі «Схеми»): no organisation. */
  workNouns?: string[];
  /** Prepositions after which an instrumental names a place (під Корсунем, над Прутом): a person is rarely there. */
  instrumentalPlacePrepositions?: string[];
  /** Words opening a title that says what it is about (« Про місцеве самоврядування … »). */
  titleOpeners?: string[];
  /** Possessive pronouns (її, його, свій): after a conjunction they start no part of a name. */
  possessives?: string[];
  /** Nouns after which a quoted name is a place's: заказник «Острів Жуків», метро «Кловська». */
  placeQuotedNouns?: string[];
  /** Acronyms that head a territory's name after its adjective (П’ядицька ОТГ). */
  locAcronymHeads?: string[];
  /**
   * Lists of streets: plural heads that open one (ремонт вулиць: Різдвяна, Одеська), the words that
   * join its items besides commas, and the words of a dated name (30 років Перемоги).
   */
  streetLists?: { heads: string[]; joiners: string[]; yearWords: string[] };
  /** Words that open a clausal content after a comma (скільки, як, чи): "пояснили, скільки …". */
  contentIntroducers: string[];
}

export const LANGUAGE_DATA: Record<Language, LanguageData> = {
  uk: uk as unknown as LanguageData,
  ru: ru as unknown as LanguageData,
  en: en as unknown as LanguageData,
};

export interface KnownName {
  name: string;
  /** The canonical name in Russian and English, where the entry has one. */
  names?: Partial<Record<Language, string>>;
  type: EntityType;
  kind?: EntityKind;
  stateMedia?: boolean;
}

/** Canonical names per language from an entry's forms (uk first; Latin for en; no іїєґ for ru). */
function namesOf(uk: string, forms: string[]): Partial<Record<Language, string>> {
  const en = forms.find((f) => /^[A-Za-z]/.test(f) && f.length > 2) ?? forms.find((f) => /^[A-Za-z]/.test(f));
  // Russian: a Cyrillic form without Ukrainian letters (an entry's "ru" overrides: МЗС → МИД).
  const ru = /[іїєґІЇЄҐ]/.test(uk)
    ? forms.find((f) => /^[\u0400-\u04ff]/.test(f) && !/[іїєґІЇЄҐ'’]/.test(f) && f.length >= 4)
    : uk;
  return { uk, ...(en ? { en } : {}), ...(ru ? { ru } : {}) };
}

/** Ukrainian and Russian adjective endings of -ськ/-цьк place names (Донецький, Луганського). */
// Only endings no noun form shares (Донецька, Донецьку are the city's genitive and locative).
const ADJECTIVAL = /(?:ськ|цьк|зьк|ск|цк)(?:ий|ого|ому|им|ими|их|ій|ої|ою|ая|ое|ой|ую|ые|ых|ым|ыми)$/iu;

/** Adjective endings a short name's stem may meet (Малий, Малого of мал-). */
const SHORT_STEM_ADJECTIVE = /(?:ий|ого|ому|им|ій|ої|ою|их|ими)$/u;

/** A word with an adjective's ending on a stem of three letters or fewer: its stem is no name's key. */
export const shortStemAdjective = (word: string) =>
  stem(word).length <= 3 && SHORT_STEM_ADJECTIVE.test(normalizeWord(word));

/** Known names indexed by the stem key of every form; `maxWords` bounds the lookup window. */
export class Gazetteer {
  readonly byKey = new Map<string, KnownName>();
  readonly firstNames = new Set<string>();
  /** Given names per language, in the nominative (for canonical names). */
  readonly firstNamesByLang = new Map<string, string[]>();
  /** Longest entry (in words) starting with a given first-word stem: prunes lookups. */
  private readonly maxByFirst = new Map<string, number>();

  /** Keys with a form whose last word is an adjective (Хмельницький, Білий дім): such keys may
   * be met in adjectival forms; the others (Донецьк, Покровськ) not — "Покровський" is a surname,
   * "Донецький" an adjective. */
  private readonly adjectivalKeys = new Set<string>();

  /** Known names written in capitals (МВС, США): a word in capitals matches only these, not a stem. */
  private readonly acronyms = new Set<string>();

  /** Every one-word form as written (lower-cased): a short stem's adjective-like form must be one. */
  private readonly written = new Set<string>();

  add(form: string, entry: KnownName): void {
    const words = nameWords(form);
    if (words.length === 0) return;
    if (words.length === 1) this.written.add(normalizeWord(words[0]));
    if (words.length === 1 && isCapitals(words[0])) this.acronyms.add(words[0]);
    for (const variant of [words, ...alternations(words)]) {
      const key = nameKey(variant);
      if (!this.byKey.has(key)) this.byKey.set(key, entry);
      if (ADJECTIVAL.test(variant[variant.length - 1])) this.adjectivalKeys.add(key);
      const first = stem(variant[0]);
      this.maxByFirst.set(first, Math.max(this.maxByFirst.get(first) ?? 0, variant.length));
    }
  }

  /** 0 when no known name starts with this word. */
  maxWordsFrom(word: string): number {
    return this.maxByFirst.get(stem(word)) ?? 0;
  }

  lookup(words: string[]): KnownName | undefined {
    // "ГУ" (головне управління) shares its stem with Гуам: capitals are matched as written.
    if (words.length === 1 && isCapitals(words[0]) && !this.acronyms.has(words[0])) return undefined;
    const key = nameKey(words);
    const hit = this.byKey.get(key);
    // A short stem meets adjectives: Малий, Малого are no forms of Малі (мал-).
    if (
      hit &&
      words.length === 1 &&
      shortStemAdjective(words[0]) &&
      !this.written.has(normalizeWord(words[0]))
    )
      return undefined;
    if (hit && ADJECTIVAL.test(words[words.length - 1]) && !this.adjectivalKeys.has(key)) return undefined;
    return hit;
  }

  isFirstName(word: string): boolean {
    return this.firstNames.has(stem(word));
  }
}

/**
 * A name's forms the stems cannot meet, by the Ukrainian sound changes of its last word: і in a
 * closed last syllable turns to о when the syllable opens (Краків, Кракова: the stems are крак and
 * краков), and к, г, х turn to ц, з, с before the dative and locative і (Африка, Африці; Прага,
 * Празі). Each is written out as one more form, its stem then meets the rest.
 */
export function alternations(words: string[]): string[][] {
  const last = words[words.length - 1];
  const head = words.slice(0, -1);
  const out: string[][] = [];
  if (last.length >= 4 && /[бвгґджзклмнпрстфхцчшщ]ів$/u.test(last))
    out.push([...head, `${last.slice(0, -2)}ова`]);
  const soft = { к: 'ці', г: 'зі', х: 'сі' }[last.slice(-2, -1)];
  if (soft && last.length >= 4 && last.endsWith('а') && /[\u0400-\u04ff]/u.test(last))
    out.push([...head, last.slice(0, -2) + soft]);
  return out;
}

interface GazEntry {
  name: string;
  forms: string[];
  kind?: string;
  state?: boolean;
  eachForm?: boolean;
  canonical?: string;
  /** The Russian canonical name where the forms cannot tell it (МЗС → МИД). */
  ru?: string;
}

/** Entries written "canonical|other form|…", grouped under their kind; the first form names the entry. */
function compactGroups(groups: Record<string, unknown>): GazEntry[] {
  return Object.entries(groups).flatMap(([kind, list]) =>
    Array.isArray(list)
      ? list.map((e: string) => {
          const forms = e.split('|').filter(Boolean);
          return { name: forms[0], forms, kind };
        })
      : [],
  );
}

let cached: Gazetteer | undefined;

export function gazetteerIndex(): Gazetteer {
  if (cached) return cached;
  const g = new Gazetteer();
  const addGroup = (entries: GazEntry[], type: EntityType, defaultKind?: EntityKind) => {
    for (const e of entries) {
      for (const form of e.forms) {
        const name = e.eachForm ? form : (e.canonical ?? e.name);
        const kind = (e.kind as EntityKind | undefined) ?? defaultKind;
        const names = e.eachForm
          ? { uk: form, en: form, ru: form }
          : { ...namesOf(name, e.forms), ...(e.ru ? { ru: e.ru } : {}) };
        g.add(form, { name, names, type, kind, stateMedia: e.state || undefined });
      }
    }
  };
  addGroup(gazetteer.media as GazEntry[], 'ORG', 'media');
  for (const m of gazetteer.media as GazEntry[])
    if (m.state) for (const f of m.forms) g.byKey.get(nameKey(nameWords(f)))!.kind = 'state-media';
  addGroup(gazetteer.organisations as GazEntry[], 'ORG');
  addGroup(compactGroups(moreOrganisations), 'ORG');
  addGroup(gazetteer.countryAliases as GazEntry[], 'LOC', 'country');
  addGroup(gazetteer.places as GazEntry[], 'LOC');
  // "Ukrainian|Russian|English" entries: the Ukrainian name is the canonical one.
  // A place whose name shares its stem with a given name (Софія, Олександрія ~ Олександр) would
  // turn people into places: left out.
  const givenNames = new Set(
    Object.values(gazetteer.firstNames)
      .filter(Array.isArray)
      .flat()
      .map((n) => stem(n)),
  );
  addGroup(
    compactGroups({ city: morePlaces.cities, region: morePlaces.regions }).filter(
      (e) => !givenNames.has(nameKey(nameWords(e.name))),
    ),
    'LOC',
  );
  // Country names in the three languages, from i18n-iso-countries (official and short forms).
  const codes = Object.keys(countries.getAlpha2Codes());
  for (const code of codes) {
    const ukName = countries.getName(code, 'uk', { select: 'official' }) ?? code;
    const names = {
      uk: ukName,
      ru: countries.getName(code, 'ru', { select: 'official' }) ?? ukName,
      en: countries.getName(code, 'en', { select: 'official' }) ?? ukName,
    };
    for (const lang of ['uk', 'ru', 'en']) {
      for (const form of countries.getName(code, lang, { select: 'all' }) ?? []) {
        g.add(form, { name: ukName, names, type: 'LOC', kind: 'country' });
      }
    }
  }
  for (const [lang, list] of Object.entries(gazetteer.firstNames)) {
    if (!Array.isArray(list)) continue;
    g.firstNamesByLang.set(lang, list);
    for (const n of list) g.firstNames.add(stem(n));
  }
  // Ukrainian given names (shevchenko's gender dictionary, 1,142 official names): lower-case.
  for (const n of Object.keys(givenNameGenders)) g.firstNames.add(stem(n));
  cached = g;
  return g;
}

/** A word of two or more letters, all capitals (an acronym). */
function isCapitals(w: string): boolean {
  return w.length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase();
}

/** Sets of normalised words for quick membership tests. */
export function wordSet(words: string[]): Set<string> {
  return new Set(words.map(normalizeWord));
}

/** Words as the alternatives of a regular expression, special characters escaped. */
export function alternation(words: Iterable<string>): string {
  return [...words].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}
