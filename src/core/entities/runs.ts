/**
 * 5. Runs of capitalised words (with initials): Кім Чен Ин, В. П. Яворського, Hillary Clinton.
 * A run is collected, a sentence-initial common word glued to it is dropped, and the run is
 * typed by the first rule that takes it: organisation heads, adjective + head, streets and
 * settlements, acronyms, people, multi-word names, quoted titles, and finally a guess.
 */
import { normalizeWord } from '../morphology';
import { gazetteerMatch } from './gazetteerMatch';
import { ABSTRACT_NOUN, guessSingleWord, quotedTitle } from './guesses';
import { adjectiveHeadRun, isInitialTok, orgHeadRun, regionTail } from './organisations';
import { multiWordName, personRun } from './persons';
import { settlementRun, streetRun } from './places';
import {
  ACRONYM,
  ADJ_END,
  adjacent,
  capWord,
  EVENT_YEAR,
  INNER_CAPITAL,
  initialAt,
  type NameRun,
  type SentenceScan,
  VERB_END,
} from './scan';
import { EN_NAME_PARTICLES, SETTLEMENT_PREFIXES, STATE_COMPOUND } from './words';

/** A word in Latin letters (a foreign company's name inside Ukrainian text). */
const LATIN = /^[A-Za-z][A-Za-z0-9&.-]*$/;
/** A Roman numeral, in Latin letters or Cyrillic І. */
const REGNAL = /^(?:[IVX]{1,4}|І{1,3})$/u;

/** Whether a capitalised word at j ends the run before it instead of joining it; `longWords`: the run's words of two letters or more. */
function breaksRun(x: SentenceScan, run: number[], j: number, longWords: number): boolean {
  const { tokens, lang, gaz } = x;
  const tj = tokens[j];
  const prevWord = tokens[run[run.length - 1]].text;
  if (acronymOfCountry(x, run.length === 1 ? prevWord : '', tj.text)) return false;
  // Split "ДФС Романа Насірова" and "Юрія Мірошниченка Валентина Кочура".
  const adjBeforeAcronym = ADJ_END.test(normalizeWord(prevWord)) && ACRONYM.test(tj.text);
  // A foreign company's name does not split at its acronym: ANP Trade Limited.
  const latin = lang !== 'en' && LATIN.test(prevWord) && LATIN.test(tj.text);
  if (ACRONYM.test(prevWord) !== ACRONYM.test(tj.text) && !adjBeforeAcronym && !latin) return true;
  if (longWords >= 2 && gaz.isFirstName(tj.text)) return true;
  // A body's name before a person's: голова УДАРу Анатолій Ревенко, Міненерговугілля Ігор Рубан.
  const body = INNER_CAPITAL.test(prevWord) || STATE_COMPOUND.test(normalizeWord(prevWord));
  if (body && gaz.isFirstName(tj.text)) return true;
  // A known name starts inside the run: "Закону України" is not one name; but after a given
  // name or an initial a place's name is a surname (Олексій Харько, Б. Хмельницький).
  const afterGivenName = run.length <= 2 && gaz.isFirstName(prevWord);
  const afterInitial = prevWord === '.' || /^\p{Lu}$/u.test(prevWord);
  // An acronym after an acronym is its body's branch: ОТВ АМКУ, ГУ ДСНС.
  const branch = ACRONYM.test(prevWord) && ACRONYM.test(tj.text);
  if (!afterGivenName && !afterInitial && !branch && gaz.maxWordsFrom(tj.text) > 0 && gaz.lookup([tj.text]))
    return true;
  // A place or organisation starting inside the run: Садове Арцизького району.
  return lang !== 'en' && ADJ_END.test(x.low(j)) && !!x.headAfter(j + 1, 3);
}

/** The run's token indexes from i, and the index after it. */
function collectRun(x: SentenceScan, i: number): { run: number[]; j: number } {
  const { tokens, text, lang, L, used } = x;
  const run: number[] = [];
  let longWords = 0;
  const add = (k: number) => {
    run.push(k);
    if (tokens[k].kind === 'word' && tokens[k].text.length > 1) longWords++;
  };
  let j = i;
  while (j < tokens.length) {
    const ini = initialAt(tokens, j, text);
    if (ini) {
      add(j);
      add(ini - 1);
      j = ini;
      continue;
    }
    const tj = tokens[j];
    if (run.length > 0 && !adjacent(tokens[run[run.length - 1]], tj, text)) break;
    // A ruler's number after a given name: Казимир III, Катерини II, Яна III Собеського.
    if (run.length > 0 && REGNAL.test(tj.text) && run.some((k) => x.gaz.isFirstName(tokens[k].text))) {
      add(j);
      j++;
      continue;
    }
    if (
      capWord(tj) &&
      !used[j] &&
      !(run.length > 0 && L.stopCap.has(tj.text)) &&
      !(tj.text.includes('-') && EVENT_YEAR.test(tj.text))
    ) {
      if (run.length > 0 && breaksRun(x, run, j, longWords)) break;
      add(j);
      j++;
    } else if (lang === 'en' && run.length > 0 && EN_NAME_PARTICLES.has(tj.text) && capWord(tokens[j + 1])) {
      add(j);
      j++;
    } else break;
  }
  // Trailing initials after a surname: Кузнєцов А. С., Винник Н. В.
  while (
    j + 1 < tokens.length &&
    /^\p{Lu}$/u.test(tokens[j].text) &&
    tokens[j + 1].text === '.' &&
    run.length > 0 &&
    tokens[run[run.length - 1]].text.length > 1
  ) {
    add(j);
    add(j + 1);
    j += 2;
  }
  // The last initial's period belongs to the name inside a sentence ("Януковича В. Ф. сплатити");
  // at the sentence's end it is the sentence's (NER-UK guidelines: abbreviations with a period).
  const last = tokens[run[run.length - 1]];
  if (
    last?.kind === 'word' &&
    /^\p{Lu}$/u.test(last.text) &&
    longWords > 0 &&
    tokens[j]?.text === '.' &&
    adjacent(last, tokens[j], text) &&
    j + 1 < tokens.length
  ) {
    add(j);
    j++;
  }
  return { run, j };
}

/** A sentence-initial common word glued to a name: "Дружина Ірина Сміяненко", "Боявся Геродот", "Виправдання Тулуба". */
function nameStart(x: SentenceScan, run: number[]): number {
  const { tokens, lang, L, gaz } = x;
  const wordIdx = run.filter((k) => tokens[k].kind === 'word');
  if (
    lang !== 'en' &&
    wordIdx.length >= 2 &&
    wordIdx[0] === x.firstWord &&
    !gaz.isFirstName(tokens[wordIdx[0]].text) &&
    !ACRONYM.test(tokens[wordIdx[0]].text) &&
    // An initial opens the name (О . М . Бутлеров), though its letter is a word too (О, А, В).
    !isInitialTok(tokens, wordIdx[0]) &&
    (VERB_END.test(x.low(wordIdx[0])) ||
      ABSTRACT_NOUN.test(x.low(wordIdx[0])) ||
      SETTLEMENT_PREFIXES.has(x.low(wordIdx[0])) ||
      isInitialTok(tokens, wordIdx[1]) ||
      gaz.isFirstName(tokens[wordIdx[1]].text) ||
      L.titles.has(x.low(wordIdx[0])) ||
      // A Cyrillic word before a Latin name is its descriptor (Газета The Guardian, Компанія
      // Google); not before a letter or a numeral (Мова C, Розділ I).
      (/^\p{Script=Cyrillic}/u.test(tokens[wordIdx[0]].text) &&
        /^\p{Script=Latin}\p{L}*[\p{Ll}\d]/u.test(tokens[wordIdx[1]].text)))
  )
    return wordIdx[1];
  return run[0];
}

function describeRun(x: SentenceScan, run: number[]): NameRun {
  const { tokens } = x;
  const a = nameStart(x, run);
  const b = run[run.length - 1];
  const words = run.filter((k) => k >= a && tokens[k].kind === 'word').map((k) => tokens[k].text);
  const prevTok = a > 0 ? tokens[a - 1] : undefined;
  const sentenceInitial = x.opensSentence(a);
  return {
    run,
    a,
    b,
    words,
    prevTok,
    prev: prevTok ? prevTok.norm : '',
    first: tokens[a].text,
    last: words[words.length - 1],
    sentenceInitial,
  };
}

/** A line in capitals (a heading) is not a row of acronyms. */
function acronymInHeading(x: SentenceScan, r: NameRun): boolean {
  const { tokens } = x;
  const capsNeighbour = (k: number) =>
    tokens[k]?.kind === 'word' &&
    tokens[k].text.length >= 4 &&
    tokens[k].text === tokens[k].text.toUpperCase() &&
    tokens[k].text !== tokens[k].norm;
  return (
    r.words.length === 1 &&
    r.first.length >= 4 &&
    ACRONYM.test(r.first) &&
    (capsNeighbour(r.a - 1) || capsNeighbour(r.b + 1))
  );
}

/** A word in capitals, not an acronym: long, with the vowels of an ordinary word (ВИСНОВКИ, ЕСПРЕСО). */
function wordInCaps(w: string): boolean {
  if (w.length < 6) return false;
  const vowels = (w.match(/[АЕЄИІЇОУЮЯAEIOUY]/gu) ?? []).length;
  return vowels / w.length >= 0.3;
}

/** An acronym and the country it belongs to are one name: ЗС України, НАН України. */
function acronymOfCountry(x: SentenceScan, acronym: string, country: string): boolean {
  return ACRONYM.test(acronym) && !x.L.stopCap.has(acronym) && x.gaz.lookup([country])?.kind === 'country';
}

/** A party's "(б)" (ВКП ( б ), КП(б)У) and a unit's number (ШБУ №50) belong to the acronym. */
function acronymTail(x: SentenceScan, b: number): number {
  const { tokens } = x;
  if (tokens[b + 1]?.text === '(' && tokens[b + 2]?.norm === 'б' && tokens[b + 3]?.text === ')') {
    const u = tokens[b + 4];
    return u && /^\p{Lu}$/u.test(u.text) && u.start === tokens[b + 3].end ? b + 4 : b + 3;
  }
  if (tokens[b + 1]?.text === '№' && tokens[b + 2]?.kind === 'number') return b + 2;
  return b;
}

/** 5d. Acronyms, alone or after an adjective (Сокирянська РДА) or before their country: ORG unless known as a place. */
function acronymRun(x: SentenceScan, r: NameRun): number | undefined {
  const { words, first, last } = r;
  if (words.length === 2 && acronymOfCountry(x, first, last)) {
    // ДСНС України у Закарпатській області: the region belongs to the body's name.
    const end = regionTail(x.tokens, r.b, x.text);
    x.push(r.a, end, 'ORG', 1);
    return end;
  }
  if (
    (words.length === 1 && ACRONYM.test(first) && !x.L.stopCap.has(first) && !wordInCaps(first)) ||
    (words.length >= 2 && ACRONYM.test(last) && ADJ_END.test(normalizeWord(words[0])))
  ) {
    const end = acronymTail(x, r.b);
    x.push(r.a, end, 'ORG', 1);
    return end;
  }
  return undefined;
}

/** Types the run starting at token i; returns the index of the last token dealt with. */
export function capitalisedRun(x: SentenceScan, i: number): number {
  const { run } = collectRun(x, i);
  if (run.length === 0) return i;
  const r = describeRun(x, run);
  // Past a sentence-initial common word the name may be a known one: "Видання | The New York Times".
  if (r.a > run[0]) {
    const known = gazetteerMatch(x, r.a);
    if (known !== undefined) return known;
  }
  const slavic = x.lang !== 'en';
  const typed =
    (slavic
      ? (streetRun(x, r) ?? orgHeadRun(x, r) ?? adjectiveHeadRun(x, r) ?? settlementRun(x, r))
      : undefined) ??
    (acronymInHeading(x, r) ? r.b : undefined) ??
    acronymRun(x, r) ??
    personRun(x, r) ??
    // A name of several words that fills quotation marks is a title or a company («Юнітранс
    // Оператор», «Північне Причорномор'я»), not a person.
    (r.words.length >= 2 ? quotedTitle(x, r) : undefined) ??
    multiWordName(x, r) ??
    quotedTitle(x, r);
  return typed ?? guessSingleWord(x, r);
}
