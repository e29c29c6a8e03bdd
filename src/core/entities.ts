/**
 * Named entities (PER, ORG, LOC) by rules: gazetteers, capitalisation, titles, organisation forms
 * and heads, then document-level propagation so that every mention of an entity gets one type and
 * inflected or shortened forms are grouped under one canonical name.
 */

import type { Article } from './article';
import { gazetteerIndex, type KnownName, LANGUAGE_DATA, wordSet } from './lexicon';
import { nameWords, normalizeWord, stem } from './morphology';
import { isCapitalized, type Token } from './text';
import type { Entity, EntityType, Language, Span } from './types';

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
}

interface LangSets {
  titles: Set<string>;
  orgForms: Set<string>;
  orgMediaNouns: Set<string>;
  orgQuotedNouns: Set<string>;
  orgHeads: string[];
  locHeads: string[];
  locPrefixes: Set<string>;
  locPreps: Set<string>;
  stopCap: Set<string>;
  months: Set<string>;
  patronymics: string[];
  surnames: string[];
  pronouns: Set<string>;
  docHeads: string[];
}

const setsCache = new Map<Language, LangSets>();
function langSets(lang: Language): LangSets {
  let s = setsCache.get(lang);
  if (!s) {
    const d = LANGUAGE_DATA[lang];
    s = {
      titles: wordSet(d.titles),
      orgForms: new Set(d.orgForms),
      orgMediaNouns: wordSet(d.orgMediaNouns),
      orgQuotedNouns: wordSet(d.orgQuotedNouns),
      orgHeads: d.orgHeads.map(normalizeWord),
      locHeads: d.locHeads.map(normalizeWord),
      locPrefixes: wordSet(d.locPrefixes),
      locPreps: wordSet(d.locPrepositions),
      stopCap: new Set(d.stopCapitalized),
      months: wordSet(d.monthWords),
      patronymics: d.patronymicSuffixes,
      surnames: d.surnameSuffixes,
      pronouns: wordSet(d.pronouns),
      docHeads: d.docHeads.map(normalizeWord),
    };
    setsCache.set(lang, s);
  }
  return s;
}

/** Words as the alternatives of a regular expression, special characters escaped. */
const alternation = (words: string[]) => words.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

/** One compiled pattern per word list: a stem followed by at most four letters (an ending). */
const stemPatterns = new WeakMap<string[], RegExp>();
const startsWithAny = (n: string, stems: string[]) => {
  let re = stemPatterns.get(stems);
  if (!re) {
    re = new RegExp(`^(?:${alternation([...stems].sort((a, b) => b.length - a.length))})[^\\s]{0,4}$`, 'u');
    stemPatterns.set(stems, re);
  }
  return re.test(n);
};
const OPENING_MARKS = new Set(['«', '„', '“', '"']);
/** One compiled pattern per suffix list: a suffix after at least two other letters. */
const suffixPatterns = new WeakMap<string[], RegExp>();
const endsWithAny = (w: string, suffixes: string[]) => {
  let re = suffixPatterns.get(suffixes);
  if (!re) {
    re = new RegExp(`^[^]{2,}(?:${alternation(suffixes.map(normalizeWord))})$`, 'u');
    suffixPatterns.set(suffixes, re);
  }
  return re.test(normalizeWord(w));
};

const isWord = (t: Token | undefined) => t !== undefined && (t.kind === 'word' || t.kind === 'number');
const capWord = (t: Token | undefined) => t !== undefined && t.kind === 'word' && isCapitalized(t.text);
/** Only spaces or tabs between two tokens (a char scan: this is asked for every name word). */
const adjacent = (a: Token, b: Token, text: string) => {
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
};

/** Finds entity mentions in the text; overlapping finds are resolved by position and strength. */
export function findMentions(article: Article, lang: Language): RawMention[] {
  const gaz = gazetteerIndex();
  const L = langSets(lang);
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
    for (const sent of para.sentences) mentionsInSentence(text, sent.tokens, lang, L, gaz, out);
    // In boilerplate lines only names the engine knows are kept (Фото: Кіодо), no guesses.
    if (para.boilerplate) {
      const kept = out.slice(from).filter((m) => m.strength >= 2);
      out.length = from;
      out.push(...kept);
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

const ADJ_END =
  /(ий|ій|ого|ої|ому|ою|их|ими|им|ім|ього|ьої|ьому|ая|ое|ый|ой|ую|ые|ых|ськ[уе]|цьк[уе]|зьк[уе]|ськ[аі]|цьк[аі]|зьк[аі])$/u;
/** Also nominative/accusative adjective endings that names share (Державна, Олена): used only with a head noun after. */
const ADJ_END_WIDE = /(на|не|ні|ну|ва|ве)$/u;
const VERB_END = /(ла|ло|ли|ив|ав|ов|ів|ть|ться|ся|сь|ає|ює|ять|ють|уть|ить|ать|ється|ується)$/u;
const INSTRUMENTAL_END = /(ом|ем|єм|ою|ею|єю|им)$/u;
/** Words that make a multi-word name a company's: Азур Груп, Delacon Systems Ltd, Арт Інвест. */
const COMPANY_WORD =
  /^(Лімітед|Limited|Ltd\.?|LLC|Inc\.?|Corp\.?|GmbH|AG|SA|Груп|Групп|Group|Холдинг|Холдингс|Holdings?|Інвест|Invest|Трейд|Trade|Сервіс|Service|Systems|Системс|Енерджі|Energy|Корпорейшн|Corporation|Компані|Company|Партнерс|Partners|Капітал|Capital|Девелопмент|Development|Інжиніринг|Engineering|Консалтинг|Consulting|Буд|Плюс|Агро|Фарм|Медіа|Media)$/u;
const COMPANY_PART =
  /(^держ|^мін(?=\p{L}{4})|^нацбанк|^нацпол|рад[аиіу]$|^укр|^рос|буд|газ|енерго|пром|інвест|трейд|сервіс|агро|тех|банк|торг|фарм|нафт|транс|комплекс|холдинг|груп|офіс|маш|хім|зв'язок|лізинг|девелоп|мед|авто|систем|капітал|строй|ойл)/iu;
/** A word in capitals, not an acronym: long, with the vowels of an ordinary word (ВИСНОВКИ, ЕСПРЕСО). */
function wordInCaps(w: string): boolean {
  if (w.length < 6) return false;
  const vowels = (w.match(/[АЕЄИІЇОУЮЯAEIOUY]/gu) ?? []).length;
  return vowels / w.length >= 0.3;
}

const DIRECTION =
  /^(Західн|Східн|Північн|Південн|Центральн|Західно|Східно|Північно|Південно|Центрально)[\p{L}‐-]*$/u;
/** Heads after which a house number belongs to the place: вул. Горького, 12; Контрактовій площі, 4. */
const STREET_HEAD = /^(вулиц|площ|бульвар|проспект|провул|узвіз|узвоз|набережн|шосе|вул|просп|пров)/u;
const PLACE_END =
  /(івк|ївк|івц|ївц|ськ|цьк|піль|поль|пол|град|город|щин|ове|еве|єве|ичі|ичах|ани|инці|инцях)[аеиіоуюя]?$/u;
const SETTLEMENT = new Set([
  'с.',
  'м.',
  'смт',
  'село',
  'селі',
  'села',
  'місто',
  'міста',
  'місті',
  'селище',
  'селища',
  'селищі',
  'хутір',
  'хутора',
  'г.',
  'пос.',
  'деревня',
  'город',
  'города',
  'городе',
]);
const ACRONYM = /^[\p{Lu}\d][\p{Lu}\d-]{1,7}$/u;

function mentionsInSentence(
  text: string,
  tokens: Token[],
  lang: Language,
  L: LangSets,
  gaz: ReturnType<typeof gazetteerIndex>,
  out: RawMention[],
): void {
  const firstWord = tokens.findIndex((t) => t.kind === 'word' || t.kind === 'number');
  const used = new Uint8Array(tokens.length);
  const push = (a: number, b: number, type: EntityType, strength: number, known?: KnownName) => {
    for (let k = a; k <= b; k++) used[k] = 1;
    let end = tokens[b].end;
    // English possessive: Clinton’s → Clinton.
    if (lang === 'en' && /['’]s$/.test(tokens[b].text)) end -= 2;
    out.push({ start: tokens[a].start, end, type, known, strength });
  };
  const low = (k: number) => (tokens[k] ? tokens[k].norm : '');
  const isOpenQuote = (k: number) => tokens[k]?.kind === 'quote' && OPENING_MARKS.has(tokens[k].text);
  /** Index of the token closing a quote opened at k: the first closing mark, plus an adjacent one
   * for nested names («ІБК «Рассвет»»); Ukrainian typography often drops the outer closing mark. */
  const quoteEnd = (k: number): number => {
    for (let j = k + 1; j < tokens.length && j < k + 30; j++) {
      const t = tokens[j];
      if (t.kind !== 'quote' || /^[«„]$/.test(t.text)) continue;
      // A straight quote glued to the next word opens an inner name: "Компанія "Рассвет"".
      if (t.text === '"' && /^[\p{L}\d]/u.test(text[t.end] ?? '') && text[t.start - 1] === ' ') continue;
      const n = tokens[j + 1];
      return n && n.kind === 'quote' && /^[»”"]$/.test(n.text) && n.start - t.end <= 1 ? j + 1 : j;
    }
    return -1;
  };
  /** Lower-case words after `from` up to a head noun: returns the head index and its kind. */
  const headAfter = (from: number, max: number): { k: number; kind: 'ORG' | 'LOC' } | undefined => {
    for (let k = from; k < tokens.length && k < from + max; k++) {
      const t = tokens[k];
      if (t.kind !== 'word' || isCapitalized(t.text) || !adjacent(tokens[k - 1], t, text)) return undefined;
      // Adjectives (районної, обласної, аудиторська) come before the head noun.
      if (
        ADJ_END.test(low(k)) ||
        (ADJ_END_WIDE.test(low(k)) &&
          !startsWithAny(t.norm, L.orgHeads) &&
          !startsWithAny(t.norm, L.locHeads))
      )
        continue;
      if (startsWithAny(t.norm, L.orgHeads)) return { k, kind: 'ORG' };
      if (startsWithAny(t.norm, L.locHeads)) return { k, kind: 'LOC' };
      return undefined;
    }
    return undefined;
  };

  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const t = tokens[i];
    // 1. Organisation form (or any acronym) + quoted name: ТОВ «Укргеоекологія», ДП «НАЕК «Енергоатом»,
    //    also with a descriptor: ТОВ фірма «Київ».
    // Upper case at the start, without a regex: the lower-cased form differs there.
    const upper = t.kind === 'word' && t.text.charCodeAt(0) !== t.norm.charCodeAt(0);
    if (lang !== 'en' && upper && (L.orgForms.has(t.text) || ACRONYM.test(t.text))) {
      let q = i + 1;
      while (q < i + 3 && tokens[q]?.kind === 'word' && !isCapitalized(tokens[q].text)) q++;
      // The quoted name starts with a capital (ТОВ «Альфа»); «активно діяти» after КНДР is a quote.
      if (isOpenQuote(q) && /^[\p{Lu}\d]/u.test(tokens[q + 1]?.text ?? '')) {
        const c = quoteEnd(q);
        if (c > q + 1) {
          push(i, c, 'ORG', 2);
          i = c;
          continue;
        }
      }
    }
    // 2. A common noun + a name in quotes: компанія «Нафтогаз», видання «Страна» → the name alone.
    if (isOpenQuote(i) && i > 0) {
      const prev = low(i - 1);
      const media = L.orgMediaNouns.has(prev);
      if ((media || L.orgQuotedNouns.has(prev)) && !isCapitalized(tokens[i - 1].text)) {
        const c = quoteEnd(i);
        if (c > i + 1 && capWord(tokens[i + 1])) {
          const close = tokens[c - 1]?.kind === 'quote' ? c - 1 : c;
          const known = gaz.lookup(tokens.slice(i + 1, close).map((x) => x.text));
          push(
            i + 1,
            close - 1,
            'ORG',
            2,
            known ?? (media ? { name: '', type: 'ORG', kind: 'media' } : undefined),
          );
          used[i] = used[c] = used[close] = 1;
          i = c;
          continue;
        }
      }
    }
    if (!(t.kind === 'word' || (t.kind === 'number' && /^\d+\+\d+$/.test(t.text)))) continue;
    if (!upper && !(t.kind === 'number' && /^\d/.test(t.text))) continue;

    // 3. Gazetteer, longest match first (forms may contain lower-case words: Білий дім).
    let matched = false;
    const maxN = gaz.maxWordsFrom(t.text);
    for (let n = Math.min(maxN, 6); n >= 1 && !matched; n--) {
      const idx: number[] = [];
      for (let k = i; k < tokens.length && idx.length < n; k++) {
        if (!isWord(tokens[k])) break;
        if (idx.length > 0 && !adjacent(tokens[idx[idx.length - 1]], tokens[k], text)) break;
        idx.push(k);
      }
      if (idx.length < n) continue;
      const known = gaz.lookup(idx.map((k) => tokens[k].text));
      // A sentence-initial common word must not match a gazetteer form by accident.
      // "Хмельницьку міськраду", "Київській області": the place word is part of a longer name.
      const partOfLonger = known && n === 1 && lang !== 'en' && ADJ_END.test(low(i)) && headAfter(i + 1, 3);
      if (known && !partOfLonger && !(n === 1 && L.stopCap.has(t.text))) {
        let end = idx[idx.length - 1];
        // An organisation's place: Верховної Ради України, Кабінету Міністрів України.
        if (known.type === 'ORG' && lang !== 'en') {
          const nx = tokens[end + 1];
          const place =
            nx && capWord(nx) && adjacent(tokens[end], nx, text) ? gaz.lookup([nx.text]) : undefined;
          if (place?.kind === 'country') end++;
        }
        // A direction before a place is part of its name: Західна Україна, Східної Європи.
        let begin = i;
        const pv = tokens[i - 1];
        if (
          known.type === 'LOC' &&
          pv &&
          !used[i - 1] &&
          pv.kind === 'word' &&
          adjacent(pv, t, text) &&
          DIRECTION.test(pv.text)
        )
          begin = i - 1;
        push(begin, end, known.type, 2, end === idx[idx.length - 1] && begin === i ? known : undefined);
        i = end;
        matched = true;
      }
    }
    if (matched) continue;

    // A capitalised function word (Про, У, Раніше, The) never starts a name; nor does a Roman
    // numeral; a document's name (Закону України «Про …», Кримінального кодексу) is not PER/ORG/LOC.
    if (L.stopCap.has(t.text) || /^[IVXLC]+$/.test(t.text)) continue;
    if (startsWithAny(t.norm, L.docHeads)) {
      while (i + 1 < tokens.length && capWord(tokens[i + 1]) && !gaz.lookup([tokens[i + 1].text])) i++;
      continue;
    }

    // 4. Capitalised descriptor + lower-case words + a name in quotes:
    //    Будівельна компанія «Дніпроінвестбуд», Міжнародний благодійний фонд «Покуття».
    if (lang !== 'en') {
      let q = i + 1;
      while (q < i + 4 && tokens[q]?.kind === 'word' && !isCapitalized(tokens[q].text)) q++;
      if (
        q > i + 1 &&
        isOpenQuote(q) &&
        (L.orgQuotedNouns.has(low(q - 1)) || startsWithAny(tokens[q - 1].norm, L.orgHeads))
      ) {
        const c = quoteEnd(q);
        if (c > q + 1) {
          push(i, c, 'ORG', 1);
          i = c;
          continue;
        }
      }
    }

    // 5. A run of capitalised words (with initials): Кім Чен Ин, В. П. Яворського, Hillary Clinton.
    const run: number[] = [];
    let j = i;
    while (j < tokens.length) {
      const ini = initialAt(tokens, j, text);
      if (ini) {
        run.push(j, ini - 1);
        j = ini;
        continue;
      }
      const tj = tokens[j];
      if (run.length > 0 && !adjacent(tokens[run[run.length - 1]], tj, text)) break;
      if (capWord(tj) && !used[j] && !(run.length > 0 && L.stopCap.has(tj.text))) {
        if (run.length > 0) {
          const prevWord = tokens[run[run.length - 1]].text;
          // Split "ДФС Романа Насірова" and "Юрія Мірошниченка Валентина Кочура".
          const adjBeforeAcronym = ADJ_END.test(normalizeWord(prevWord)) && ACRONYM.test(tj.text);
          if (ACRONYM.test(prevWord) !== ACRONYM.test(tj.text) && !adjBeforeAcronym) break;
          if (
            run.filter((k) => tokens[k].kind === 'word' && tokens[k].text.length > 1).length >= 2 &&
            gaz.isFirstName(tj.text)
          )
            break;
          // A known name starts inside the run: "Закону України" is not one name.
          if (gaz.maxWordsFrom(tj.text) > 0 && gaz.lookup([tj.text])) break;
          // A place or organisation starting inside the run: Садове Арцизького району.
          if (lang !== 'en' && ADJ_END.test(low(j)) && headAfter(j + 1, 3)) break;
        }
        run.push(j);
        j++;
      } else if (
        lang === 'en' &&
        run.length > 0 &&
        /^(de|da|van|von|bin|al|la|le|del|der)$/.test(tj.text) &&
        capWord(tokens[j + 1])
      ) {
        run.push(j);
        j++;
      } else break;
    }
    if (run.length === 0) continue;
    // Trailing initials after a surname: Кузнєцов А. С., Винник Н. В.
    while (
      j + 1 < tokens.length &&
      /^\p{Lu}$/u.test(tokens[j].text) &&
      tokens[j + 1].text === '.' &&
      run.length > 0 &&
      tokens[run[run.length - 1]].text.length > 1
    ) {
      run.push(j, j + 1);
      j += 2;
    }
    let a = run[0];
    const b = run[run.length - 1];
    // A sentence-initial common word glued to a name: "Дружина Ірина Сміяненко", "Боявся Геродот".
    const wordIdx = run.filter((k) => tokens[k].kind === 'word');
    if (
      lang !== 'en' &&
      wordIdx.length >= 2 &&
      wordIdx[0] === firstWord &&
      !gaz.isFirstName(tokens[wordIdx[0]].text) &&
      !ACRONYM.test(tokens[wordIdx[0]].text) &&
      (VERB_END.test(low(wordIdx[0])) ||
        gaz.isFirstName(tokens[wordIdx[1]].text) ||
        L.titles.has(low(wordIdx[0])))
    ) {
      a = wordIdx[1];
    }
    const words = run.filter((k) => k >= a && tokens[k].kind === 'word').map((k) => tokens[k].text);
    const prevTok = a > 0 ? tokens[a - 1] : undefined;
    const prev = prevTok ? prevTok.norm : '';
    const first = tokens[a].text;
    const last = words[words.length - 1];
    // The start of a sentence, a list item ("* Використовували …") or a table cell.
    const sentenceInitial =
      a === firstWord ||
      (a - 1 === firstWord && /^[«"“„(—–-]$/.test(tokens[a - 1].text)) ||
      (a > 0 && /^[*•;|]$/.test(tokens[a - 1].text));

    if (lang !== 'en') {
      // 5a. Organisation heads in the run: Міністерство …, Служба безпеки України.
      if (
        run.some((k) => startsWithAny(tokens[k].norm, L.orgHeads)) &&
        !run.some((k) => isInitialTok(tokens, k))
      ) {
        const end = extendGenitive(tokens, b, L, text);
        // A lone common noun opening a sentence ("Уряд …", "Церква була …") is not a name.
        if (words.length === 1 && end === b && sentenceInitial) {
          i = b;
          continue;
        }
        push(a, end, 'ORG', 1);
        i = end;
        continue;
      }
      // 5b. Capitalised adjective(s) + lower-case head: Одеської міськради, Луганській області,
      //     Державної виконавчої служби, Стрийський парк.
      if (
        ADJ_END.test(normalizeWord(last)) ||
        (ADJ_END_WIDE.test(normalizeWord(last)) && headAfter(b + 1, 4))
      ) {
        const head = headAfter(b + 1, 4);
        if (head) {
          let end =
            head.kind === 'ORG' ? extendGenitive(tokens, head.k, L, text) : extendNumber(tokens, head.k);
          if (head.kind === 'LOC' && STREET_HEAD.test(tokens[head.k].norm)) end = houseNumber(tokens, end);
          push(a, end, head.kind, 1);
          i = end;
          continue;
        }
        const nx = tokens[b + 1];
        // An adjective before a common noun is not a name (Перша світова, Великий сольний концерт).
        if (
          nx?.kind === 'word' &&
          !isCapitalized(nx.text) &&
          adjacent(tokens[b], nx, text) &&
          !VERB_END.test(nx.norm) &&
          words.length === 1
        ) {
          i = b;
          continue;
        }
      }
      // 5c. Street prefixes: вул. Леніна.
      // Streets keep their prefix and house number (NER-UK): вул. Горького, 12.
      const pre =
        prevTok && L.locPrefixes.has(prev)
          ? a - 1
          : prevTok?.text === '.' && a >= 2 && L.locPrefixes.has(`${low(a - 2)}.`)
            ? a - 2
            : -1;
      if (pre >= 0) {
        let end = b;
        if (tokens[b + 1]?.text === ',' && tokens[b + 2]?.kind === 'number') {
          end = b + 2;
          while (tokens[end + 1] && /^[-/]$/.test(tokens[end + 1].text) && tokens[end + 2]?.kind === 'number')
            end += 2;
        }
        push(pre, end, 'LOC', 1);
        i = end;
        continue;
      }
      // Settlement prefixes: с. Стоянка, смт Димер, м. Вознесенськ.
      if (
        prevTok &&
        (SETTLEMENT.has(prev) || (prevTok.text === '.' && a >= 2 && SETTLEMENT.has(`${low(a - 2)}.`)))
      ) {
        push(a, b, 'LOC', 1);
        i = b;
        continue;
      }
    }
    // A line in capitals (a heading) is not a row of acronyms.
    const capsNeighbour = (k: number) =>
      tokens[k]?.kind === 'word' &&
      tokens[k].text.length >= 4 &&
      tokens[k].text === tokens[k].text.toUpperCase() &&
      tokens[k].text !== tokens[k].norm;
    if (
      words.length === 1 &&
      first.length >= 4 &&
      ACRONYM.test(first) &&
      (capsNeighbour(a - 1) || capsNeighbour(b + 1))
    ) {
      i = b;
      continue;
    }
    // 5d. Acronyms, alone or after an adjective (Сокирянська РДА): ORG unless known as a place.
    if (
      (words.length === 1 && ACRONYM.test(first) && !L.stopCap.has(first) && !wordInCaps(first)) ||
      (words.length >= 2 && ACRONYM.test(last) && ADJ_END.test(normalizeWord(words[0])))
    ) {
      push(a, b, 'ORG', 1);
      i = b;
      continue;
    }
    // 5e. People.
    const hasInitials = run.some((k) => isInitialTok(tokens, k));
    const firstName = gaz.isFirstName(first);
    const patronymic = words.length >= 2 && words.slice(1).some((w) => endsWithAny(w, L.patronymics));
    const titled = L.titles.has(prev) || (prevTok?.text === '.' && a >= 2 && L.titles.has(`${low(a - 2)}.`));
    const surnameLike = endsWithAny(last, L.surnames);
    if (hasInitials || patronymic || firstName || titled) {
      push(a, b, 'PER', firstName || patronymic || hasInitials ? 1 : 0);
      i = b;
      continue;
    }
    if (words.length >= 2) {
      // Multi-word capitalised names: people, unless an English organisation or place head ends them.
      const lastN = normalizeWord(last);
      if (words.some((w) => COMPANY_WORD.test(w))) push(a, b, 'ORG', 0);
      else if (lang === 'en' && EN_ORG_HEADS.has(lastN)) push(a, b, 'ORG', 0);
      else if (lang === 'en' && EN_LOC_HEADS.has(lastN)) push(a, b, 'LOC', 0);
      else if (!sentenceInitial || surnameLike) push(a, b, 'PER', 0);
      else out.push({ start: tokens[a].start, end: tokens[b].end, type: 'PER', strength: -1 });
      i = b;
      continue;
    }
    // A title in quotes that no organisation noun introduced (у «Віснику державних закупівель»)
    // is a work's name, not a person's.
    if (isOpenQuote(a - 1) && !firstName && !hasInitials) {
      // A name that fills the quotes alone («Київтрансгаз», «Наші гроші») is an organisation.
      const c = quoteEnd(a - 1);
      const inner = c > a ? tokens.slice(a, tokens[c - 1]?.kind === 'quote' ? c - 1 : c) : [];
      if (
        lang !== 'en' &&
        inner.length > 0 &&
        inner.length <= 4 &&
        inner.every((x) => x.kind === 'word' || x.text === '-') &&
        inner.filter((x) => x.kind === 'word' && !isCapitalized(x.text)).length <= 1 &&
        // «Здалося», — подумав він: quoted speech, not a name.
        !(tokens[c + 1]?.text === ',' && /^[—–-]$/.test(tokens[c + 2]?.text ?? ''))
      ) {
        push(a, a + inner.length - 1, 'ORG', 0);
        i = a + inner.length - 1;
        continue;
      }
      i = b;
      continue;
    }
    // English demonyms and adjectives before a noun (Western diplomats, Russian banks) are not names.
    if (
      lang === 'en' &&
      words.length === 1 &&
      /(an|ese|ish|ern|ic|i)$/.test(first) &&
      tokens[b + 1]?.kind === 'word' &&
      !isCapitalized(tokens[b + 1].text)
    ) {
      i = b;
      continue;
    }
    // 5f. Single unknown words: guesses, which the document pass may overrule by other mentions.
    const nextTok = tokens[b + 1];
    const nextIsVerb =
      nextTok?.kind === 'word' && !isCapitalized(nextTok.text) && VERB_END.test(nextTok.norm);
    let guess: EntityType;
    if (
      lang !== 'en' &&
      PLACE_END.test(normalizeWord(first)) &&
      !/(ського|ської|ський|цького|цької|цький)$/u.test(normalizeWord(first))
    )
      guess = 'LOC';
    else if (lang !== 'en' && (COMPANY_PART.test(first) || /^[A-Za-z]/.test(first)) && !surnameLike)
      guess = 'ORG';
    else if (
      L.locPreps.has(prev) &&
      !INSTRUMENTAL_END.test(normalizeWord(first)) &&
      !surnameLike &&
      lang !== 'en'
    )
      guess = 'LOC';
    else guess = 'PER';
    if (sentenceInitial && !nextIsVerb) {
      out.push({ start: tokens[a].start, end: tokens[b].end, type: 'MISC', strength: -2 });
    } else {
      out.push({
        start: tokens[a].start,
        end: tokens[b].end,
        type: guess,
        strength: sentenceInitial ? -2 : -1,
      });
    }
    i = b;
  }
}

const EN_ORG_HEADS = wordSet(LANGUAGE_DATA.en.orgHeads);
const EN_LOC_HEADS = wordSet(LANGUAGE_DATA.en.locHeads);

/** A single-letter initial ("В." or, in pre-tokenised text, "В ."); returns the index after it. */
function initialAt(tokens: Token[], i: number, text: string): number {
  const t = tokens[i];
  const dot = tokens[i + 1];
  if (t?.kind !== 'word' || !/^\p{Lu}$/u.test(t.text) || dot?.text !== '.' || dot.start - t.end > 1) return 0;
  if (!/^[ \t]?$/.test(text.slice(t.end, dot.start))) return 0;
  // An initial is followed by another initial or a capitalised word.
  const n = tokens[i + 2];
  return n && n.kind === 'word' && /^\p{Lu}/u.test(n.text) ? i + 2 : 0;
}

function isInitialTok(tokens: Token[], k: number): boolean {
  return /^\p{Lu}$/u.test(tokens[k].text) && tokens[k + 1]?.text === '.';
}

/** Includes a house number after a street: ", 12", ", 2-6". */
function houseNumber(tokens: Token[], b: number): number {
  if (tokens[b + 1]?.text !== ',' || tokens[b + 2]?.kind !== 'number') return b;
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

const GENITIVE_STOP = new Set([
  'за',
  'від',
  'для',
  'про',
  'після',
  'перед',
  'щодо',
  'при',
  'без',
  'цей',
  'ця',
  'це',
  'ці',
  'той',
  'який',
  'яка',
  'яке',
  'які',
  'як',
  'що',
  'не',
  'вже',
  'ще',
  'також',
  'року',
  'році',
  'рік',
  'грн',
  'млн',
  'тис',
]);

/** Extends an organisation name over its genitive tail: Міністерство доходів і зборів України. */
function extendGenitive(tokens: Token[], from: number, L: LangSets, text: string): number {
  let end = from;
  const gaz = gazetteerIndex();
  for (let k = from + 1; k < tokens.length && k <= from + 7; k++) {
    const t = tokens[k];
    if (!adjacent(tokens[k - 1], t, text) || t.kind !== 'word') break;
    const w = t.norm;
    // "Печерського районного суду м. Києва": the city belongs to the institution's name.
    if ((w === 'м' || w === 'г') && tokens[k + 1]?.text === '.' && capWord(tokens[k + 2])) {
      end = k + 2;
      break;
    }
    const conj = /^(і|та|й|и|and|of)$/.test(w);
    if (!conj && (L.locPreps.has(w) || L.pronouns.has(w) || L.months.has(w) || GENITIVE_STOP.has(w))) break;
    if (L.orgForms.has(t.text) || (conj && tokens[k + 1] && L.orgForms.has(tokens[k + 1].text))) break;
    // A person's name after an institution is a separate entity: Хмельницької міськради Михайлу Кіперману.
    if (
      isCapitalized(t.text) &&
      (gaz.isFirstName(t.text) ||
        (tokens[k + 1] && isCapitalized(tokens[k + 1].text) && !gaz.lookup([t.text])))
    )
      break;
    // Past-tense and present verb endings stop the name: заявило, повідомляє.
    const afterAdjPlural = /(их|іх)$/.test(tokens[k - 1].norm);
    if (/(ла|ло|ли|ив|ав|ть|ться|ся|ає|ює|ять|ють|уть)$/.test(w) && !isCapitalized(t.text) && !afterAdjPlural)
      break;
    if (/^(і|та|й|и|and|of)$/.test(w)) {
      const nx = tokens[k + 1];
      // "… наук України та Міністерство …": a second institution, not part of the first name.
      if (nx && isCapitalized(nx.text) && startsWithAny(nx.norm, L.orgHeads)) break;
      if (nx && nx.kind === 'word') continue;
      break;
    }
    // Genitive-looking words (or capitalised names) continue the name; so does the noun of a
    // genitive plural adjective, whatever its ending (внутрішніх справ, аграрних наук, доріг).
    if (
      isCapitalized(t.text) ||
      /(ів|ей|ого|ої|их|іх|ї|і|и|у|ю|а|я|ості|ення|ання|ття|ень)$/.test(w) ||
      afterAdjPlural
    )
      end = k;
    else break;
  }
  return extendNumber(tokens, end);
}

// ---------------------------------------------------------------------------------------------
// Document level: resolve overlaps, propagate types, group mentions into entities.

function wordsOf(text: string, m: RawMention): string[] {
  m.words ??= nameWords(text.slice(m.start, m.end));
  return m.words;
}

/** The stems of a mention's words, and their key, computed once per mention. */
function stemsOf(text: string, m: RawMention): string[] {
  m.stems ??= wordsOf(text, m).map(stem);
  return m.stems;
}
function keyOf(text: string, m: RawMention): string {
  m.key ??= stemsOf(text, m).join(' ');
  return m.key;
}

export function resolveMentions(text: string, raw: RawMention[]): RawMention[] {
  const sorted = [...raw].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: RawMention[] = [];
  for (const m of sorted) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) {
      if (m.strength > last.strength) kept[kept.length - 1] = m;
      continue;
    }
    kept.push(m);
  }
  // Type votes per name key (and per word for single words of multi-word names).
  const votes = new Map<string, Map<EntityType, number>>();
  const vote = (key: string, type: EntityType, w: number) => {
    const v = votes.get(key) ?? new Map<EntityType, number>();
    votes.set(key, v);
    v.set(type, (v.get(type) ?? 0) + w);
  };
  for (const m of kept) {
    if (m.type === 'MISC' || m.strength < 0) continue;
    const stems = stemsOf(text, m);
    const w = m.strength + 1;
    vote(keyOf(text, m), m.type, w * 2);
    if (m.type === 'PER' && stems.length >= 2) for (const st of stems) vote(st, 'PER', w);
  }
  const best = (key: string): [EntityType, number] | undefined => {
    const v = votes.get(key);
    if (!v) return undefined;
    let top: [EntityType, number] | undefined;
    for (const [t, n] of v) if (!top || n > top[1]) top = [t, n];
    return top;
  };
  const out: RawMention[] = [];
  for (const m of kept) {
    if (m.known) {
      out.push(m);
      continue;
    }
    const b = best(keyOf(text, m));
    if (m.type === 'MISC' || m.strength <= -2) {
      // Unknown sentence-initial words take the document's type for that name, if any; else dropped.
      if (b && b[1] >= 2) out.push({ ...m, type: b[0] });
      continue;
    }
    if (b && b[0] !== m.type && m.strength <= 0) out.push({ ...m, type: b[0] });
    else out.push(m);
  }
  return out;
}

/** Groups mentions into entities: same gazetteer entry, same key, or a part of a person's name. */
export function groupEntities(text: string, mentions: RawMention[], lang: Language = 'uk'): Entity[] {
  const entities: (Entity & { keys: Set<string>; words: Set<string> })[] = [];
  const byKey = new Map<string, (typeof entities)[number]>();
  const firstNameCanon = firstNameNominatives(lang);
  const perByWord = new Map<string, (typeof entities)[number]>();
  // Longer mentions first, so that "Кім" finds "Кім Чен Ин" and "Путіним" finds "Володимир Путін".
  const order = [...mentions].sort(
    (a, b) => wordsOf(text, b).length - wordsOf(text, a).length || a.start - b.start,
  );
  for (const m of order) {
    const surface = text.slice(m.start, m.end);
    const words = wordsOf(text, m);
    const key = `${m.type}:${m.known ? m.known.name : keyOf(text, m)}`;
    let e = byKey.get(key);
    if (!e && m.type === 'PER' && words.length === 1) e = perByWord.get(stemsOf(text, m)[0]);
    if (!e) {
      e = {
        id: '',
        type: m.type,
        name: (m.known && (m.known.names?.[lang] || m.known.name)) || words.join(' '),
        kind: m.known?.kind,
        stateMedia: m.known?.kind === 'state-media' || undefined,
        mentions: [],
        keys: new Set(),
        words: new Set(stemsOf(text, m)),
      };
      if (e.stateMedia) e.kind = 'media';
      entities.push(e);
      // First person with a word wins, as a scan in creation order would find (linear, not quadratic).
      if (e.type === 'PER') for (const w of e.words) if (!perByWord.has(w)) perByWord.set(w, e);
    }
    e.keys.add(key);
    byKey.set(key, e);
    e.mentions.push({ start: m.start, end: m.end, text: surface });
  }
  for (const e of entities) {
    e.mentions.sort((a, b) => a.start - b.start);
    if (e.type === 'PER') e.name = canonicalPerson(e.mentions, firstNameCanon);
  }
  entities.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
  return entities.map((e, i) => {
    const out: Entity = { id: `E${i + 1}`, type: e.type, name: e.name, mentions: e.mentions };
    if (e.kind) out.kind = e.kind;
    if (e.stateMedia) out.stateMedia = true;
    return out;
  });
}

const firstNamesNom = new Map<Language, Map<string, string>>();
/** Stem → nominative given name, the article's language first (Дмитрия → Дмитрий in ru, Дмитро in uk). */
function firstNameNominatives(lang: Language): Map<string, string> {
  let m = firstNamesNom.get(lang);
  if (!m) {
    m = new Map();
    const gaz = gazetteerIndex();
    const order = [lang, ...(['uk', 'ru', 'en'] as Language[]).filter((l) => l !== lang)];
    for (const l of order)
      for (const n of gaz.firstNamesByLang.get(l) ?? []) if (!m.has(stem(n))) m.set(stem(n), n);
    firstNamesNom.set(lang, m);
  }
  return m;
}

/**
 * A readable canonical name from all mentions of a person: first names in the nominative from
 * the name list, other words in their shortest seen form (Путіним, Путін → Путін).
 */
function canonicalPerson(mentions: Span[], firstNames: Map<string, string>): string {
  const longest = mentions.reduce((a, b) => (nameWords(b.text).length > nameWords(a.text).length ? b : a));
  const variants = new Map<string, string>();
  for (const m of mentions)
    for (const w of nameWords(m.text)) {
      const k = stem(w);
      const cur = variants.get(k);
      if (!cur || w.length < cur.length) variants.set(k, w);
    }
  return nameWords(longest.text)
    .map((w, i) =>
      i === 0 && firstNames.has(stem(w)) ? firstNames.get(stem(w))! : (variants.get(stem(w)) ?? w),
    )
    .join(' ');
}
