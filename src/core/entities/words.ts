/** The entity rules' word lists, kept as data (src/core/data/entities-rules.json). */
import data from '../data/entities-rules.json';
import { alternation, LANGUAGE_DATA } from '../lexicon';

/** Words that make a multi-word name a company's: Азур Груп, Delacon Systems Ltd, Арт Інвест. */
export const COMPANY_WORDS: ReadonlySet<string> = new Set(data.companyWords);
/**
 * Last words of a quoted company's name, in lower case («Західна нафтова група», «Ганадо тред
 * інк», «Іллінецькому торговому дому»): the company words and a few nouns.
 */
export const COMPANY_NAME_ENDS: ReadonlySet<string> = new Set([
  ...data.companyWords.map((w) => w.toLowerCase()),
  ...data.companyNamesEndWords,
]);
/** Settlement prefixes: с. Стоянка, смт Димер, м. Вознесенськ. */
export const SETTLEMENT_PREFIXES: ReadonlySet<string> = new Set(data.settlementPrefixes);
/** Words that end an organisation's genitive tail. */
export const GENITIVE_STOPS: ReadonlySet<string> = new Set(data.genitiveStops);
/**
 * Makers of vehicles, by the first word of their name (Land of Land Rover): with a model after
 * them (Skoda Superb, Toyota Land Cruiser) they name a product, not a person or a company.
 */
export const PRODUCT_MAKERS: ReadonlySet<string> = new Set(
  data.productMakers.map((m) => m.split(' ')[0].toLowerCase()),
);
/** Lower-case particles inside English names: Ludwig van Beethoven, Osama bin Laden. */
export const EN_NAME_PARTICLES: ReadonlySet<string> = new Set(data.englishNameParticles);
/** A direction before a place is part of its name: Західна Україна, Східної Європи. */
export const DIRECTION = new RegExp(`^(?:${alternation(data.directionStems)})[\\p{L}‐-]*$`, 'u');
/** Plural heads that adjectives listed before them share: Донецької і Луганської областей. */
export const SHARED_PLACE_HEAD = new RegExp(`^(?:${alternation(data.sharedPlaceHeadStems)})`, 'u');
/** Heads after which a house number belongs to the place: вул. Горького, 12; Контрактовій площі, 4. */
export const STREET_HEAD = new RegExp(`^(?:${alternation(data.streetHeadStems)})`, 'u');
/**
 * Compounds that name a state body by themselves (Держслужба, Нацкомісія, Мінфін; not the
 * adjectives державний, національний): an organisation head wherever they stand, never a common
 * noun opening a sentence.
 */
export const STATE_COMPOUND = new RegExp(
  `^(?!${alternation(data.stateCompoundExceptions)})(?:(?:${alternation(data.stateCompoundPrefixes)})\\p{L}{3,}|(?:${alternation(data.ministryStems)})\\p{L}*)$`,
  'u',
);
const COMPANY_FORM = new RegExp(
  `(?<![\\p{L}])(?:${alternation([...new Set([...LANGUAGE_DATA.uk.orgForms, ...LANGUAGE_DATA.ru.orgForms, ...LANGUAGE_DATA.en.orgForms])])})(?![\\p{L}])`,
  'u',
);
const BUSINESS_NOUN = new RegExp(`(?<![\\p{L}])(?:${alternation(data.businessNounStems)})`, 'iu');
/**
 * Signs that an article is about companies: a company form as a word (ТОВ, ПАТ, Ltd) or a noun
 * for a company (компанія, фірма, банк). Where there are none, a name alone in quotes is a
 * title, not an organisation (resolve.ts).
 */
export const aboutCompanies = (text: string) => COMPANY_FORM.test(text) || BUSINESS_NOUN.test(text);
