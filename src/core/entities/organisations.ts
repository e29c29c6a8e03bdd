/**
 * Organisation and place names built around a head noun (Ukrainian, Russian): a run holding an
 * organisation head (Міністерство …, Служба безпеки України) with its genitive tail, and
 * capitalised adjectives before a lower-case head (Одеської міськради, Луганській області,
 * Стрийський парк), with a number (лікарня №9) or a house number (вул. Горького, 12).
 */
import { gazetteerIndex } from '../lexicon';
import { normalizeWord, stem } from '../morphology';
import { isCapitalized, type Token } from '../text';
import {
  ACRONYM,
  ADJ_END,
  ADJ_END_WIDE,
  adjacent,
  capWord,
  endsWithAny,
  initialAt,
  isOrgHead,
  type LangSets,
  LIST_JOINER,
  type NameRun,
  type SentenceScan,
  VERB_END,
} from './scan';
import { GENITIVE_STOPS, SHARED_PLACE_HEAD, STATE_COMPOUND, STREET_HEAD } from './words';

const INSTRUMENTAL_TAIL = /(ою|ею|єю|стю)$/u;
/** The preposition of a body's remit (з надзвичайних ситуацій, по боротьбі з корупцією). */
const REMIT_PREP = /^(?:з|із|по)$/u;
/** Words of time and purpose after з that start no remit (з метою, з моменту, з початку). */
const NO_REMIT =
  /^(?:мет|момент|початк|огляд|привод|дат|кінц|тих|того|цього|цих|якого|якої|яких|них|ним|нею|ними|нього|неї)/u;
/** A lower-case genitive (or, after по, dative) word that can open a remit. */
const remitWord = (t: Token | undefined) =>
  t?.kind === 'word' &&
  !isCapitalized(t.text) &&
  !NO_REMIT.test(t.norm) &&
  /(?:ого|ої|их|іх|ння|ання|ття|ів|ій|ки|ги|ти|ди|ри|ці|ту|ду|бі|ві|му)$/u.test(t.norm);
const INFINITIVE = /(ати|яти|ити|сти|зти)$/u;
const CONJUNCTION = /^(і|та|й|и|and|of)$/;

export function isInitialTok(tokens: Token[], k: number): boolean {
  return /^\p{Lu}$/u.test(tokens[k].text) && tokens[k + 1]?.text === '.';
}

const COURTS = /^(?:суд|суди)$/u;
/** Whether a token from a to b (inclusive) is capitalised. */
const capitalIn = (tokens: Token[], a: number, b: number) =>
  tokens.slice(a, b + 1).some((t) => isCapitalized(t.text));

/** 5a. Organisation heads in the run: Міністерство …, Служба безпеки України. */
export function orgHeadRun(x: SentenceScan, r: NameRun): number | undefined {
  const { tokens, text, L } = x;
  const compound = r.run.some((k) => STATE_COMPOUND.test(tokens[k].norm));
  // A head's stem may open a surname (філі- of Філіпчук, суд- of Судак): a word with a surname's
  // ending is no head.
  const head = (k: number) => isOrgHead(L, tokens[k]) && !endsWithAny(tokens[k].text, L.surnames);
  if (!(compound || r.run.some(head)) || r.run.some((k) => isInitialTok(tokens, k))) return undefined;
  const end = extendGenitive(tokens, r.b, L, text);
  // A lone common noun opening a sentence ("Уряд …", "Церква була …") is not a name; nor is a
  // court by its instance alone (Суд першої інстанції, Суди усіх трьох інстанцій).
  if (r.words.length === 1 && end === r.b && r.sentenceInitial && !compound) return r.b;
  if (
    r.words.length === 1 &&
    r.sentenceInitial &&
    COURTS.test(tokens[r.a].norm) &&
    !capitalIn(tokens, r.b + 1, end)
  )
    return end;
  x.push(r.a, end, 'ORG', 1);
  return end;
}

/**
 * 5b. Capitalised adjective(s) + lower-case head: Одеської міськради, Луганській області,
 * Державної виконавчої служби, Стрийський парк. An adjective before any other common noun is no
 * name (Перша світова, Великий сольний концерт).
 */
export function adjectiveHeadRun(x: SentenceScan, r: NameRun): number | undefined {
  const { tokens, text, L } = x;
  const lastN = normalizeWord(r.last);
  if (!(ADJ_END.test(lastN) || (ADJ_END_WIDE.test(lastN) && x.headAfter(r.b + 1, 4)))) return undefined;
  const head = x.headAfter(r.b + 1, 4);
  if (head) {
    let end = head.kind === 'ORG' ? extendGenitive(tokens, head.k, L, text) : extendNumber(tokens, head.k);
    if (head.kind === 'LOC' && STREET_HEAD.test(tokens[head.k].norm)) end = houseNumber(tokens, end);
    if (head.kind === 'LOC' && end === head.k) end = districtsTown(tokens, end, text);
    x.push(r.a, end, head.kind, 1);
    return end;
  }
  const shared = r.words.length === 1 ? sharedHead(x, r.a, r.b) : undefined;
  if (shared) {
    // NER-UK takes adjectives joined by та as one name with their head (Донецької і Луганської
    // областей, Дрогобицьким і Надвірнянським НПЗ); places listed with commas or a repeated
    // preposition (… Полтавській та в Сумській областях) are a name each.
    const end = shared.parted
      ? r.b
      : shared.kind === 'ORG'
        ? extendGenitive(tokens, shared.head, L, text)
        : shared.head;
    x.push(r.a, end, shared.kind, 1);
    return end;
  }
  const nx = tokens[r.b + 1];
  // A first name with an adjective's ending (Андрій, Юрій) before a verb (Андрій відчув) is a name.
  if (r.words.length === 1 && x.gaz.isFirstName(r.first)) return undefined;
  // The first word of a quoted name («Поліський єгер») is left to the quoted-name rule.
  if (x.isOpenQuote(r.a - 1)) return undefined;
  // A person's possessive adjective (Петрове вміння, Олесевої мами, Юриною рукою) names the person.
  if (r.words.length === 1 && possessiveOfName(x, r.first)) {
    x.push(r.a, r.b, 'PER', 0);
    return r.b;
  }
  if (
    nx?.kind === 'word' &&
    !isCapitalized(nx.text) &&
    adjacent(tokens[r.b], nx, text) &&
    !VERB_END.test(nx.norm) &&
    r.words.length === 1 &&
    // Before a conjunction and another name it is a surname (Бродський і Одарич), unless an
    // adjective and its noun follow (Західного та Східного обрядів).
    !(CONJUNCTION.test(nx.norm) && capWord(tokens[r.b + 2]) && !adjectiveAndNoun(tokens, r.b + 2))
  ) {
    // Only a guess: a surname with an adjective's ending (Каїнський раніше був …) is a person
    // where the article names him elsewhere; else the guess is dropped (Перша світова). A
    // possessive before its noun (Дориних долонях, Зойчиній манері) is its owner's, a person
    // where the article names one so (resolve.ts).
    const owner = ownerKeyOf(r.first);
    if (owner || endsWithAny(r.first, L.surnames)) x.guess(r.a, r.b, 'MISC', -2);
    if (owner) x.out[x.out.length - 1].ownerKey = owner;
    return r.b;
  }
  return undefined;
}

const DISTRICT = /^(?:мікро)?район(?:і|у|ом)?$/u;

/**
 * A district's town or land belongs to its name: Печерському районі Києва, Голосіївському районі
 * м. Києва, Сакському районі Криму (NER-UK: one place). Not a region named by an adjective
 * (Бородянському районі Київської області: two places) nor an acronym (районі ГУ ДФС: a body).
 */
function districtsTown(tokens: Token[], k: number, text: string): number {
  if (!DISTRICT.test(tokens[k].norm)) return k;
  let at = k + 1;
  if (tokens[at]?.norm === 'м' && tokens[at + 1]?.text === '.') at += 2;
  const t = tokens[at];
  if (!capWord(t) || !adjacent(tokens[at - 1], t, text) || ACRONYM.test(t.text) || ADJ_END.test(t.norm))
    return k;
  const nx = tokens[at + 1];
  // A name of two words (Києва-Святошинського is one token; Білої Церкви two) is left alone.
  if (capWord(nx) && adjacent(t, nx, text)) return k;
  return at;
}

/** A possessive adjective's suffix: Петр-ов-ими, Олес-ев-ої, Юр-ин-ою, Оленч-ин. */
const POSSESSIVE_SUFFIX = 'ов|ев|єв|ин|їн';
const POSSESSIVE = new RegExp(
  `^(\\p{Lu}\\p{Ll}+?)(?:${POSSESSIVE_SUFFIX})(?:ий|ого|ому|им|ими|их|а|е|і|у|ої|ою|ій)?$`,
  'u',
);
const POSSESSIVE_STEM = new RegExp(`^(.{2,}?)(?:${POSSESSIVE_SUFFIX})$`, 'u');
/** A name's stem as its possessive shows it: ч before -ин is the name's к (Зойчин of Зойка). */
export const ownerStem = (s: string) => s.replace(/ч$/u, 'к');

/** Whether a word is the possessive adjective of a known given name (Петро, Олесь, Юра, Оленка). */
function possessiveOfName(x: SentenceScan, word: string): boolean {
  const m = POSSESSIVE.exec(word);
  if (!m) return false;
  const base = m[1];
  return [base, `${base}о`, `${base}а`, `${base}я`, `${base}ь`, `${ownerStem(base)}а`].some((n) =>
    x.gaz.isFirstName(n),
  );
}

/** The stem key of a possessive adjective's owner (Дориних → дор, Зойчиній → зойк), or undefined. */
function ownerKeyOf(word: string): string | undefined {
  if (!POSSESSIVE.test(word)) return undefined;
  const m = POSSESSIVE_STEM.exec(stem(word));
  return m ? ownerStem(m[1]) : undefined;
}

/** An adjective at k and a word after it (Східного обрядів, Нового Заповітів). */
const adjectiveAndNoun = (tokens: Token[], k: number) =>
  ADJ_END.test(tokens[k].norm) && tokens[k + 1]?.kind === 'word';

const LIST_PREP = /^(?:в|у|во)$/u;

/**
 * Capitalised adjectives listed before the head they share: a place's (Донецької і Луганської
 * областей; у Дніпропетровській, Полтавській та в Сумській областях) or, for two joined by та, an
 * institution's (Дрогобицьким і Надвірнянським НПЗ; Маневицького і Колківського лісгоспів).
 * The head's index and kind, and whether commas or a repeated preposition part a list of places.
 */
function sharedHead(
  x: SentenceScan,
  a: number,
  b: number,
): { head: number; kind: 'ORG' | 'LOC'; parted: boolean } | undefined {
  const { tokens, L } = x;
  let glued = false;
  let commas = false;
  // The last items of a list parted by commas (Київській, Житомирській та Черкаській).
  const before = tokens[a - 2];
  let parted = tokens[a - 1]?.text === ',' && !!before && capWord(before) && ADJ_END.test(before.norm);
  for (let k = b + 1; k < tokens.length && k <= b + 16; k++) {
    const t = tokens[k];
    // A preposition parts places (та в Сумській областях; Новофедорівкою в Сакському районі: a
    // place and its district); an institution's head takes no preposition (Виспянського у
    // Польському театрі is no list).
    if (LIST_JOINER.test(t.norm) || LIST_PREP.test(t.norm)) {
      glued = true;
      commas ||= t.text === ',' || LIST_PREP.test(t.norm);
      parted ||= t.text === ',' || LIST_PREP.test(t.norm);
      continue;
    }
    if (t.kind !== 'word' || !glued) return undefined;
    if (isCapitalized(t.text)) {
      if (ACRONYM.test(t.text) && !L.stopCap.has(t.text) && !L.orgForms.has(t.text))
        return parted || commas ? undefined : { head: k, kind: 'ORG', parted: false };
      if (!ADJ_END.test(t.norm)) return undefined;
      continue;
    }
    if (SHARED_PLACE_HEAD.test(t.norm)) return { head: k, kind: 'LOC', parted };
    if (isOrgHead(L, t)) return parted || commas ? undefined : { head: k, kind: 'ORG', parted: false };
    // Lower-case adjectives before the head (Фасівської та Ягодинської сільських рад).
    if (!ADJ_END.test(t.norm)) return undefined;
  }
  return undefined;
}

/** Includes a house number after a street: ", 12", ", 2-6". */
export function houseNumber(tokens: Token[], b: number, yearWords?: ReadonlySet<string>): number {
  if (tokens[b + 1]?.text !== ',' || tokens[b + 2]?.kind !== 'number') return b;
  // Not a house number but the next street of a list: вул. Шевченка, 30 років Перемоги.
  if (yearWords?.has(tokens[b + 3]?.norm ?? '')) return b;
  let end = b + 2;
  while (tokens[end + 1] && /^[-/]$/.test(tokens[end + 1].text) && tokens[end + 2]?.kind === 'number')
    end += 2;
  return end;
}

/** Includes a number after a head: лікарня №9, прокуратура № 1. */
function extendNumber(tokens: Token[], k: number): number {
  if (tokens[k + 1]?.text === '№' && tokens[k + 2]?.kind === 'number') return k + 2;
  return k;
}

/** Whether the word at k ends an organisation's genitive tail before it is taken. */
function endsGenitive(tokens: Token[], k: number, L: LangSets): boolean {
  const t = tokens[k];
  const w = t.norm;
  const gaz = gazetteerIndex();
  const conj = CONJUNCTION.test(w);
  if (!conj && (L.locPreps.has(w) || L.pronouns.has(w) || L.months.has(w) || GENITIVE_STOPS.has(w)))
    return true;
  if (L.orgForms.has(t.text) || (conj && tokens[k + 1] && L.orgForms.has(tokens[k + 1].text))) return true;
  // A person's name after an institution is a separate entity: Хмельницької міськради Михайлу Кіперману.
  // An acronym continues it (Департамент розвитку ЖКІ Маріупольської міськради).
  if (
    isCapitalized(t.text) &&
    !ACRONYM.test(t.text) &&
    (gaz.isFirstName(t.text) || (tokens[k + 1] && isCapitalized(tokens[k + 1].text) && !gaz.lookup([t.text])))
  )
    return true;
  // Past-tense and present verb endings stop the name: заявило, повідомляє.
  const afterAdjPlural = /(их|іх)$/.test(tokens[k - 1].norm);
  return (
    /(ла|ло|ли|ив|ав|ть|ться|ся|ає|ює|ять|ють|уть)$/.test(w) && !isCapitalized(t.text) && !afterAdjPlural
  );
}

/** Extends an organisation name over its genitive tail: Міністерство доходів і зборів України. */
function extendGenitive(tokens: Token[], from: number, L: LangSets, text: string): number {
  let end = from;
  for (let k = from + 1; k < tokens.length && k <= from + 7; k++) {
    const t = tokens[k];
    if (!adjacent(tokens[k - 1], t, text) || t.kind !== 'word') break;
    const w = t.norm;
    // "Печерського районного суду м. Києва": the city belongs to the institution's name.
    if ((w === 'м' || w === 'г') && tokens[k + 1]?.text === '.' && capWord(tokens[k + 2])) {
      end = k + 2;
      break;
    }
    // "Державна служба з питань праці", "Український центр з фізичної культури", "Комітет по
    // боротьбі з корупцією": the body's remit is part of its name.
    if ((w === 'з' || w === 'із') && tokens[k + 1]?.norm === 'питань') {
      end = ++k;
      continue;
    }
    if (REMIT_PREP.test(w) && k === end + 1 && remitWord(tokens[k + 1])) continue;
    if (endsGenitive(tokens, k, L)) break;
    // An instrumental (вартістю, очікуваною) or an infinitive after a noun (райдержадміністрацію
    // надати, службі вчиняти) starts the clause's own words: no part of the name.
    if (
      !isCapitalized(t.text) &&
      (INSTRUMENTAL_TAIL.test(w) || (INFINITIVE.test(w) && !ADJ_END.test(tokens[k - 1].norm)))
    )
      break;
    if (CONJUNCTION.test(w)) {
      // Right after the head noun a conjunction joins another phrase, not the name's own
      // complements: "Київської обласної ради і договору" (but "Міністерство доходів і зборів").
      if (k === from + 1) break;
      const nx = tokens[k + 1];
      // "… наук України та Міністерство …": a second institution, not part of the first name;
      // "рада та її голова": the body and someone of its own.
      if (nx && isCapitalized(nx.text) && isOrgHead(L, nx)) break;
      if (nx && L.possessives.has(nx.norm)) break;
      // A name closed by its country or region goes on with no lower-case phrase: "… наук
      // України та доведення її ролі".
      const closed = isCapitalized(tokens[k - 1].text) && !ACRONYM.test(tokens[k - 1].text);
      if (nx && !isCapitalized(nx.text) && end === k - 1 && closed) break;
      if (nx && nx.kind === 'word') continue;
      break;
    }
    // Genitive-looking words (or capitalised names) continue the name; so does the noun of a
    // genitive plural adjective, whatever its ending (внутрішніх справ, аграрних наук, доріг).
    const afterAdjPlural = /(их|іх)$/.test(tokens[k - 1].norm);
    if (
      isCapitalized(t.text) ||
      /(ів|ей|ого|ої|их|іх|ї|і|и|у|ю|а|я|ості|ення|ання|ття|ень)$/.test(w) ||
      afterAdjPlural
    )
      end = k;
    else break;
  }
  return regionTail(tokens, namedAfter(tokens, extendNumber(tokens, end), text), text);
}

/**
 * The person an institution is named after belongs to its name: університету імені Тараса
 * Шевченка, Інституту ботаніки ім. М. Холодного (up to four words and initials).
 */
function namedAfter(tokens: Token[], end: number, text: string): number {
  let k = end + 1;
  if (tokens[end]?.norm === 'імені' || tokens[end]?.norm === 'имени') k = end + 1;
  else if (/^(?:імені|имени)$/u.test(tokens[end + 1]?.norm ?? '')) k = end + 2;
  else if (/^(?:ім|им)$/u.test(tokens[end + 1]?.norm ?? '') && tokens[end + 2]?.text === '.') k = end + 3;
  else return end;
  let last = -1;
  for (let n = 0; n < 4 && k < tokens.length; n++) {
    const ini = initialAt(tokens, k, text);
    if (ini) {
      k = ini;
      continue;
    }
    if (!capWord(tokens[k]) || !adjacent(tokens[k - 1], tokens[k], text)) break;
    last = k++;
  }
  return last > 0 ? last : end;
}

const REGION = /^(області|районі|р-ні|обл)$/u;

/**
 * An institution's region belongs to its name: "Управління СБУ у Чернігівській області",
 * "… суду в м. Києві" (NER-UK: the whole capitalised name is the organisation).
 */
export function regionTail(tokens: Token[], end: number, text: string): number {
  const [prep, a, b, c] = [tokens[end + 1], tokens[end + 2], tokens[end + 3], tokens[end + 4]];
  if (!(prep && a && b) || !/^(у|в)$/u.test(prep.norm) || !adjacent(tokens[end], prep, text)) return end;
  if (capWord(a) && b.kind === 'word' && REGION.test(b.norm) && adjacent(a, b, text)) {
    return b.norm === 'обл' && c?.text === '.' ? end + 4 : end + 3;
  }
  if (a.norm === 'м' && b.text === '.' && capWord(c)) return end + 4;
  return end;
}
