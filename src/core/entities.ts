/**
 * Named entities (PER, ORG, LOC) by rules: gazetteers, capitalisation, titles, organisation forms
 * and heads, then document-level propagation so that every mention of an entity gets one type and
 * inflected or shortened forms are grouped under one canonical name.
 */

import type { Article } from './article';
import { gazetteerIndex, type KnownName, LANGUAGE_DATA, wordSet } from './lexicon';
import { nameWords, normalizeWord, stem } from './morphology';
import { isAllCaps, isCapitalized, type Token } from './text';
import type { Entity, EntityKind, EntityType, Language, Span } from './types';

export interface RawMention {
  start: number;
  end: number;
  /** Name words of the surface text, filled lazily (see wordsOf). */
  words?: string[];
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
    };
    setsCache.set(lang, s);
  }
  return s;
}

const startsWithAny = (w: string, stems: string[]) => {
  const n = normalizeWord(w);
  return stems.some((s) => n.startsWith(s) && n.length - s.length <= 4);
};
const endsWithAny = (w: string, suffixes: string[]) => {
  const n = normalizeWord(w);
  return suffixes.some((s) => n.length > s.length + 1 && n.endsWith(s));
};

/** Quote pairing: returns the index of the token closing the quote opened at `i`, or -1. */
function closeQuote(tokens: Token[], i: number, limit: number): number {
  const open = tokens[i].text;
  const close = open === '«' ? '»' : open === '„' ? '“' : open === '“' ? '”' : open;
  let depth = 0;
  for (let j = i + 1; j < Math.min(tokens.length, i + limit); j++) {
    const t = tokens[j].text;
    if (t === open && open !== close) depth++;
    else if (t === close || (close === '”' && t === '"')) {
      if (depth === 0) return j;
      depth--;
    } else if (t === '\n') return -1;
  }
  return -1;
}

const isWord = (t: Token | undefined) => t !== undefined && (t.kind === 'word' || t.kind === 'number');
const isInitial = (tokens: Token[], i: number) =>
  tokens[i]?.kind === 'word' &&
  /^\p{Lu}$/u.test(tokens[i].text) &&
  tokens[i + 1]?.text === '.' &&
  tokens[i + 1].start === tokens[i].end;
const capWord = (t: Token | undefined) => t !== undefined && t.kind === 'word' && isCapitalized(t.text);
const adjacent = (a: Token, b: Token, text: string) => /^[ \t]*$/.test(text.slice(a.end, b.start));

/** Finds entity mentions in the text; overlapping finds are resolved by position and strength. */
export function findMentions(article: Article, lang: Language): RawMention[] {
  const gaz = gazetteerIndex();
  const L = langSets(lang);
  const text = article.text;
  const out: RawMention[] = [];
  for (const para of article.paragraphs) {
    const from = out.length;
    for (const sent of para.sentences) mentionsInSentence(text, sent.tokens, lang, L, gaz, out);
    // In boilerplate lines only names the engine knows are kept (Фото: Кіодо), no guesses.
    if (para.boilerplate) {
      const kept = out.slice(from).filter((m) => m.strength >= 2);
      out.length = from;
      out.push(...kept);
    }
  }
  return out;
}

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
    const m = /['’]s$/.exec(tokens[b].text);
    if (m && lang === 'en') end -= 2;
    out.push({ start: tokens[a].start, end, type, known, strength });
  };

  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const t = tokens[i];
    // 1. Organisation form + quoted name: ТОВ «Укргеоекологія», ПАТ «Укртрансгаз».
    if (L.orgForms.has(t.text) && tokens[i + 1]?.kind === 'quote') {
      const c = closeQuote(tokens, i + 1, 30);
      if (c > 0) {
        // A nested quote may close twice: «ІБК «Рассвет»».
        const end = tokens[c + 1]?.kind === 'quote' && tokens[c + 1].start === tokens[c].end ? c + 1 : c;
        push(i, end, 'ORG', 2);
        i = end;
        continue;
      }
    }
    // 2. A common noun + a name in quotes: компанія «Нафтогаз», видання «Страна» → the name alone.
    if (t.kind === 'quote' && i > 0) {
      const prev = normalizeWord(tokens[i - 1].text);
      const media = L.orgMediaNouns.has(prev);
      if (media || L.orgQuotedNouns.has(prev)) {
        const c = closeQuote(tokens, i, 15);
        if (c > i + 1 && capWord(tokens[i + 1])) {
          const known = gaz.lookup(tokens.slice(i + 1, c).map((x) => x.text));
          push(
            i + 1,
            c - 1,
            'ORG',
            2,
            known ?? (media ? { name: '', type: 'ORG', kind: 'media' } : undefined),
          );
          used[i] = used[c] = 1;
          i = c;
          continue;
        }
      }
    }
    if (!(t.kind === 'word' || (t.kind === 'number' && /^\d+\+\d+$/.test(t.text)))) continue;
    const cap = isCapitalized(t.text) || /^\p{Lu}/u.test(t.text);
    if (!cap && !/^\d/.test(t.text)) continue;

    // 3. Gazetteer, longest match first (forms may contain lower-case words: Білий дім).
    let matched = false;
    const maxN = gaz.maxWordsFrom(t.text);
    for (let n = Math.min(maxN, 6); n >= 1 && !matched; n--) {
      const idx: number[] = [];
      for (let k = i; k < tokens.length && idx.length < n; k++) {
        if (isWord(tokens[k])) {
          if (idx.length > 0 && !adjacent(tokens[idx[idx.length - 1]], tokens[k], text)) break;
          idx.push(k);
        } else if (tokens[k].text === '.' && k === i + 1 && /^\p{Lu}$/u.test(t.text)) {
          // "U.S." style: skip
        } else break;
      }
      if (idx.length < n) continue;
      const words = idx.map((k) => tokens[k].text);
      const known = gaz.lookup(words);
      // A sentence-initial common word must not match a lower-case gazetteer form by accident.
      if (known && !(n === 1 && L.stopCap.has(t.text))) {
        // "Рада" alone is too ambiguous unless capitalised mid-sentence: accepted as is.
        push(i, idx[idx.length - 1], known.type, 2, known);
        i = idx[idx.length - 1];
        matched = true;
      }
    }
    if (matched) continue;

    // A capitalised function word (Про, У, Раніше, The) never starts a name.
    if (L.stopCap.has(t.text)) continue;
    // 4. A run of capitalised words (with initials): Кім Чен Ин, В. П. Яворського, Hillary Clinton.
    let j = i;
    const run: number[] = [];
    while (j < tokens.length) {
      if (isInitial(tokens, j)) {
        run.push(j, j + 1);
        j += 2;
        continue;
      }
      const tj = tokens[j];
      if (run.length > 0 && !adjacent(tokens[run[run.length - 1]], tj, text)) break;
      if (capWord(tj) && !used[j] && !(run.length > 0 && L.stopCap.has(tj.text) && lang !== 'en')) {
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
    let a = run[0];
    const b = run[run.length - 1];
    const atStart =
      a === firstWord || (a > 0 && /^[«"“„(—–-]$/.test(tokens[a - 1].text) && a - 1 === firstWord);
    // Drop a sentence-initial function word: "Про Укрінформ" → only the name.
    if (L.stopCap.has(tokens[a].text)) {
      if (run.length === 1) continue;
      a = run[1];
    }
    const words = run.filter((k) => k >= a && tokens[k].kind === 'word').map((k) => tokens[k].text);
    const prevTok = a > 0 ? tokens[a - 1] : undefined;
    const prev = prevTok ? normalizeWord(prevTok.text) : '';
    const first = tokens[a].text;
    const sentenceInitial = a === firstWord || atStart;

    // 4a. Organisation heads: Міністерство …, Служба безпеки України, Одеської міськради.
    const headAt = run.findIndex((k) => k >= a && startsWithAny(tokens[k].text, L.orgHeads));
    if (headAt >= 0 && lang !== 'en') {
      const end = extendGenitive(tokens, b, L, text);
      push(a, end, 'ORG', 1);
      i = end;
      continue;
    }
    // Capitalised adjective + lower-case head: Одеської міськради, Луганській області.
    if (run.length === 1 && lang !== 'en' && /(ськ|цьк|зьк|ов|ев|ин|ін)\p{L}{0,3}$/u.test(first)) {
      const n1 = tokens[b + 1];
      const n2 = tokens[b + 2];
      for (const [cand, k] of [
        [n1, b + 1],
        [n2, b + 2],
      ] as [Token | undefined, number][]) {
        if (cand?.kind !== 'word' || isCapitalized(cand.text)) break;
        if (startsWithAny(cand.text, L.locHeads)) {
          push(a, k, 'LOC', 1);
          i = k;
          matched = true;
          break;
        }
        if (startsWithAny(cand.text, L.orgHeads)) {
          const end = extendGenitive(tokens, k, L, text);
          push(a, end, 'ORG', 1);
          i = end;
          matched = true;
          break;
        }
      }
      if (matched) continue;
    }
    // 4b. Street prefixes: вул. Леніна.
    if (
      lang !== 'en' &&
      prevTok &&
      L.locPrefixes.has(`${prev}${tokens[a - 1 + 1]?.text === '.' ? '.' : ''}`)
    ) {
      push(a, b, 'LOC', 1);
      i = b;
      continue;
    }
    // 4c. Acronyms: ORG unless known as a place.
    if (words.length === 1 && isAllCaps(first) && first.length <= 8 && !L.stopCap.has(first)) {
      if (!sentenceInitial || first.length >= 2) {
        push(a, b, 'ORG', 1);
        i = b;
        continue;
      }
    }
    // 4d. People.
    const hasInitials = run.some((k) => isInitial(tokens, k));
    const firstName = gaz.isFirstName(first);
    const patronymic = words.length >= 2 && words.slice(1).some((w) => endsWithAny(w, L.patronymics));
    const titled =
      L.titles.has(prev) ||
      (prevTok?.text === '.' && a >= 2 && L.titles.has(`${normalizeWord(tokens[a - 2].text)}.`));
    const surnameLike = endsWithAny(words[words.length - 1], L.surnames);
    if (hasInitials || patronymic || (firstName && words.length >= 1) || titled) {
      if (!(sentenceInitial && words.length === 1 && !firstName && !titled)) {
        push(a, b, 'PER', firstName || patronymic || hasInitials ? 1 : 0);
        i = b;
        continue;
      }
    }
    if (words.length >= 2 && !sentenceInitial) {
      // Multi-word capitalised names mid-sentence: people, unless an English org/place head ends it.
      const last = normalizeWord(words[words.length - 1]);
      if (lang === 'en' && wordSet(LANGUAGE_DATA.en.orgHeads).has(last)) push(a, b, 'ORG', 0);
      else if (lang === 'en' && wordSet(LANGUAGE_DATA.en.locHeads).has(last)) push(a, b, 'LOC', 0);
      else push(a, b, 'PER', 0);
      i = b;
      continue;
    }
    if (words.length >= 2 && sentenceInitial && (firstName || surnameLike)) {
      push(a, b, 'PER', 0);
      i = b;
      continue;
    }
    // 4e. Single unknown words: a locative preposition suggests a place, otherwise left to the
    // document pass (which types it if another mention of the same name is typed).
    if (!sentenceInitial && words.length === 1) {
      if (L.locPreps.has(prev) && !surnameLike) push(a, b, 'LOC', 0);
      else if (surnameLike) push(a, b, 'PER', 0);
      else out.push({ start: tokens[a].start, end: tokens[b].end, type: 'MISC', strength: -1 });
      i = b;
      continue;
    }
    if (sentenceInitial) {
      out.push({ start: tokens[a].start, end: tokens[b].end, type: 'MISC', strength: -2 });
      i = b;
    }
  }
}

/** Extends an organisation name over its genitive tail: Міністерство доходів і зборів України. */
function extendGenitive(tokens: Token[], from: number, L: LangSets, text: string): number {
  let end = from;
  for (let k = from + 1; k < tokens.length && k <= from + 5; k++) {
    const t = tokens[k];
    if (!adjacent(tokens[k - 1], t, text) || t.kind !== 'word') break;
    const w = normalizeWord(t.text);
    if (L.locPreps.has(w) || L.pronouns.has(w) || L.months.has(w)) break;
    // Past-tense and present verb endings stop the name: заявило, повідомляє.
    if (/(ла|ло|ли|ив|ав|ть|ться|ся|ає|ює|ять|ють|уть)$/.test(w) && !isCapitalized(t.text)) break;
    if (/^(і|та|й|и|and|of)$/.test(w)) {
      if (tokens[k + 1] && tokens[k + 1].kind === 'word') continue;
      break;
    }
    // Genitive-looking words (or capitalised names) continue the name.
    if (isCapitalized(t.text) || /(ів|ей|ого|ої|их|ї|і|и|у|ю|а|я|ості|ення|ання|ття)$/.test(w)) end = k;
    else break;
  }
  // Never end on a conjunction.
  return end;
}

// ---------------------------------------------------------------------------------------------
// Document level: resolve overlaps, propagate types, group mentions into entities.

function wordsOf(text: string, m: RawMention): string[] {
  m.words ??= nameWords(text.slice(m.start, m.end));
  return m.words;
}

function stripStrength(m: RawMention): number {
  return m.strength;
}

export function resolveMentions(text: string, raw: RawMention[]): RawMention[] {
  const sorted = [...raw].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: RawMention[] = [];
  for (const m of sorted) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) {
      if (stripStrength(m) > stripStrength(last)) kept[kept.length - 1] = m;
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
    if (m.type === 'MISC') continue;
    const words = wordsOf(text, m);
    const w = m.strength + 1;
    vote(words.map(stem).join(' '), m.type, w * 2);
    if (m.type === 'PER' && words.length >= 2) for (const word of words) vote(stem(word), 'PER', w);
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
    const key = wordsOf(text, m).map(stem).join(' ');
    const b = best(key);
    if (m.type === 'MISC') {
      // Unknown single words take the document's type for that name, if any; else dropped.
      if (b && b[1] >= 2) out.push({ ...m, type: b[0] });
      continue;
    }
    if (b && b[0] !== m.type && m.strength <= 0) out.push({ ...m, type: b[0] });
    else out.push(m);
  }
  return out;
}

const KIND_FROM_KNOWN = (k: KnownName | undefined): EntityKind | undefined => k?.kind;

/** Groups mentions into entities: same gazetteer entry, same key, or a part of a person's name. */
export function groupEntities(text: string, mentions: RawMention[]): Entity[] {
  const entities: (Entity & { keys: Set<string>; words: Set<string> })[] = [];
  const byKey = new Map<string, (typeof entities)[number]>();
  const firstNameCanon = firstNameNominatives();
  // Longer mentions first, so that "Кім" finds "Кім Чен Ин" and "Путіним" finds "Володимир Путін".
  const order = [...mentions].sort(
    (a, b) =>
      wordsOf(text, b).length - wordsOf(text, a).length ||
      a.start - b.start,
  );
  for (const m of order) {
    const surface = text.slice(m.start, m.end);
    const words = wordsOf(text, m);
    const key = `${m.type}:${m.known ? m.known.name : words.map(stem).join(' ')}`;
    let e = byKey.get(key);
    if (!e && m.type === 'PER' && words.length === 1) {
      const s = stem(words[0]);
      e = entities.find((x) => x.type === 'PER' && x.words.has(s));
    }
    if (!e) {
      e = {
        id: '',
        type: m.type,
        name: m.known?.name || words.join(' '),
        kind: KIND_FROM_KNOWN(m.known),
        stateMedia: m.known?.kind === 'state-media' || undefined,
        mentions: [],
        keys: new Set(),
        words: new Set(words.map(stem)),
      };
      if (e.stateMedia) e.kind = 'media';
      entities.push(e);
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

let firstNamesNom: Map<string, string> | undefined;
function firstNameNominatives(): Map<string, string> {
  if (!firstNamesNom) {
    firstNamesNom = new Map();
    const gaz = gazetteerIndex();
    for (const n of gaz.firstNameList) if (!firstNamesNom.has(stem(n))) firstNamesNom.set(stem(n), n);
  }
  return firstNamesNom;
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

/** Spans of all mentions, for the CLI and decorations. */
export function mentionSpans(entities: Entity[]): (Span & { entity: Entity })[] {
  return entities
    .flatMap((e) => e.mentions.map((m) => ({ ...m, entity: e })))
    .sort((a, b) => a.start - b.start);
}
