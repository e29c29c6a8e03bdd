/**
 * Single unknown capitalised words: a title in quotes, an English demonym, or a guess by its
 * ending and the preposition before it, which the document pass may overrule by other mentions.
 */
import { normalizeWord } from '../morphology';
import { isCapitalized, type Token } from '../text';
import type { EntityType } from '../types';
import { hasInitials } from './persons';
import {
  endsWithAny,
  INNER_CAPITAL,
  INSTRUMENTAL_END,
  inLocative,
  lowerWordIn,
  type NameRun,
  type SentenceScan,
  VERB_END,
} from './scan';
import { COMPANY_NAME_ENDS, STATE_COMPOUND } from './words';

const PLACE_END =
  /(івк|ївк|івц|ївц|ськ|цьк|піль|поль|пол|град|город|щин|ове|еве|єве|ичі|ичах|ани|инці|инцях)[аеиіоуюя]?$/u;
const COMPANY_PART =
  /(^держ|^мін(?=\p{L}{4})|^нац(?=\p{L}{4})|рад[аиіу]$|^укр|^рос|буд|газ|енерго|пром|інвест|трейд|сервіс|агро|тех|банк|торг|фарм|нафт|транс|комплекс|холдинг|груп|офіс|маш|хім|зв'язок|лізинг|девелоп|мед|авто|систем|капітал|строй|ойл)/iu;

/** A name whose last word is a company's word, in any case («Західна нафтова група», «Ганадо тред інк»). */
const companyEnd = (inner: Token[]) => COMPANY_NAME_ENDS.has(inner[inner.length - 1].norm);

/** Words after which a quoted name stands with no noun of its own (« Щедрик » та « Нова радість »). */
const BARE_QUOTE_AFTER = /^(?:і|й|та|або|чи|а|як|це)$/u;
export const ABSTRACT_NOUN = /(?:нн[яюіям]|тт[яюі]|[сц]тв[оаіу]|ість|ості|істю)$/u;
const PLAIN_SURNAME = /^\p{Lu}\p{Ll}{2,}(?:енко|ович|евич)$/u;

/**
 * A title in quotes that no organisation noun introduced (у «Віснику державних закупівель») is a
 * work's name, not a person's; a name that fills the quotes alone («Київтрансгаз», «Наші гроші»)
 * is an organisation.
 */
export function quotedTitle(x: SentenceScan, r: NameRun): number | undefined {
  const { tokens, gaz } = x;
  const { a, b } = r;
  if (!x.isOpenQuote(a - 1) || gaz.isFirstName(r.first) || hasInitials(x, r)) return undefined;
  const c = x.quoteEnd(a - 1);
  // A work's or product's title after its noun (препарату «Біопагдез КС», програмі «Схеми»).
  const noun = tokens[a - 2];
  if (lowerWordIn(noun, x.L.workNouns)) return c > a ? c : b;
  // A place's name after its noun (заказника «Острів Жуків», метро «Кловська», урочища «Маяк»).
  const inner = c > a ? tokens.slice(a, tokens[c - 1]?.kind === 'quote' ? c - 1 : c) : [];
  if (lowerWordIn(noun, x.L.placeQuotedNouns) && inner.length > 0 && inner.length <= 4) {
    x.push(a, a + inner.length - 1, 'LOC', 1);
    return a + inner.length - 1;
  }
  // A work's title names its kind inside (« Червоної книги України », « Шевченківської енциклопедії »).
  if (inner.some((y) => lowerWordIn(y, x.L.workNouns))) return c > a ? c : b;
  if (
    x.lang !== 'en' &&
    inner.length > 0 &&
    inner.length <= 4 &&
    inner.every((y) => y.kind === 'word' || y.text === '-') &&
    (inner.filter((y) => y.kind === 'word' && !isCapitalized(y.text)).length <= 1 || companyEnd(inner)) &&
    // «Здалося», — подумав він: quoted speech, not a name.
    !(tokens[c + 1]?.text === ',' && /^[—–-]$/.test(tokens[c + 2]?.text ?? ''))
  ) {
    const m = x.push(a, a + inner.length - 1, 'ORG', 0);
    const before = tokens[a - 2];
    if (before?.kind !== 'word' || BARE_QUOTE_AFTER.test(before.norm)) m.bareQuote = true;
    return a + inner.length - 1;
  }
  return b;
}

function guessType(x: SentenceScan, r: NameRun): EntityType {
  const { first, prev, last } = r;
  const slavic = x.lang !== 'en';
  const surnameLike = endsWithAny(last, x.L.surnames);
  const n = normalizeWord(first);
  if (slavic && PLACE_END.test(n) && !/(ського|ської|ський|цького|цької|цький)$/u.test(n)) return 'LOC';
  // A street by its name alone: на Грушевського (на takes no genitive but a street's), з Інститутської.
  if (
    slavic &&
    ((prev === 'на' && /[сцз]ького$/u.test(n)) || (/^(?:з|із|зі)$/u.test(prev) && /[сцз]ької$/u.test(n)))
  )
    return 'LOC';
  if (slavic && (COMPANY_PART.test(first) || /^[A-Za-z]/.test(first)) && !surnameLike) return 'ORG';
  if (slavic && INNER_CAPITAL.test(first)) return 'ORG';
  if (inLocative(x, r)) return 'LOC';
  if (x.L.locPreps.has(prev) && !INSTRUMENTAL_END.test(n) && !surnameLike && slavic) return 'LOC';
  // Under, over, between a place (під Корсунем, над Прутом, понад Хаджибеєм): no person's case.
  if (slavic && x.L.instrumentalPlacePreps.has(prev) && INSTRUMENTAL_END.test(n) && !surnameLike)
    return 'LOC';
  // An abstract or verbal noun (Кохання, Хрищення, Християнство, Сповідь) capitalised for its
  // weight names no person; a place it may be (у Закарпатті, above).
  if (slavic && ABSTRACT_NOUN.test(n)) return 'MISC';
  return 'PER';
}

/**
 * A Latin word in brackets right after a common word of a Slavic text glosses it (справжніх
 * грибів ( Fungi ), печериць ( Agaricus )): a term, not a name.
 */
function latinGloss(x: SentenceScan, r: NameRun): boolean {
  const before = x.tokens[r.a - 2];
  return (
    x.lang !== 'en' &&
    r.prevTok?.text === '(' &&
    before?.kind === 'word' &&
    !isCapitalized(before.text) &&
    /^\p{Script=Cyrillic}/u.test(before.text) &&
    /^[A-Z][a-z]+$/.test(r.first)
  );
}

/** English demonyms and adjectives before a noun (Western diplomats, Russian banks) are no names; else 5f, a guess. */
export function guessSingleWord(x: SentenceScan, r: NameRun): number {
  const { tokens } = x;
  const { a, b, words, first } = r;
  if (
    x.lang === 'en' &&
    words.length === 1 &&
    /(an|ese|ish|ern|ic|i)$/.test(first) &&
    tokens[b + 1]?.kind === 'word' &&
    !isCapitalized(tokens[b + 1].text)
  )
    return b;
  if (latinGloss(x, r)) return b;
  const nextTok = tokens[b + 1];
  const nextIsVerb = nextTok?.kind === 'word' && !isCapitalized(nextTok.text) && VERB_END.test(nextTok.norm);
  // A compound of a state body (Мінекономрозвитку, Держгеокадастр) names it even where it opens
  // the sentence; other unknown openers are any capitalised word.
  if (r.sentenceInitial && words.length === 1 && x.lang !== 'en' && STATE_COMPOUND.test(normalizeWord(first)))
    x.guess(a, b, 'ORG', -1);
  // So does a surname no common word shares the ending of (Левченко вперто опирався, Зиморович описує).
  else if (r.sentenceInitial && words.length === 1 && x.lang !== 'en' && PLAIN_SURNAME.test(first))
    x.guess(a, b, 'PER', -1);
  else if (r.sentenceInitial && !nextIsVerb) x.guess(a, b, 'MISC', -2);
  else x.guess(a, b, guessType(x, r), r.sentenceInitial ? -2 : -1);
  return b;
}
