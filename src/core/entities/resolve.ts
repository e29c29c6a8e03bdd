/**
 * The document level: overlapping mentions resolved by position and strength, then one type per
 * name by the votes of its mentions (unknown sentence-initial words take the document's type).
 */
import { shortStemAdjective } from '../lexicon';
import { nameWords, stem } from '../morphology';
import type { EntityType } from '../types';
import { ownerStem } from './organisations';
import type { RawMention } from './scan';
import { aboutCompanies } from './words';

export function wordsOf(text: string, m: RawMention): string[] {
  m.words ??= nameWords(text.slice(m.start, m.end));
  return m.words;
}

/** The stems of a mention's words, and their key, computed once per mention. */
export function stemsOf(text: string, m: RawMention): string[] {
  m.stems ??= wordsOf(text, m).map(stem);
  return m.stems;
}

export function keyOf(text: string, m: RawMention): string {
  m.key ??= stemsOf(text, m).join(' ');
  return m.key;
}

/** Keeps the first of overlapping mentions unless a later one is stronger. */
function dropOverlaps(raw: RawMention[]): RawMention[] {
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
  return kept;
}

/** Type votes per name key (and per word for single words of multi-word names). */
function typeVotes(text: string, kept: RawMention[]) {
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
  return (key: string): [EntityType, number] | undefined => {
    const v = votes.get(key);
    if (!v) return undefined;
    let top: [EntityType, number] | undefined;
    for (const [t, n] of v) if (!top || n > top[1]) top = [t, n];
    return top;
  };
}

/** The stems of the article's lower-case words: a word the article also writes in lower case, in any form, is a common word. */
function lowerCaseStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}'’-])\p{Ll}[\p{L}'’-]*/gu)) out.add(stem(m[0]));
  return out;
}

/**
 * An unknown word that opens sentences before a verb again and again is the story's person
 * ("Андріана могла …", "Андріана почула …"), unless the article writes it in lower case too
 * (Дівчина … дівчини); once may be any capitalised opener.
 */
function storyPersons(text: string, kept: RawMention[]): Set<string> {
  const count = new Map<string, number>();
  for (const m of kept)
    if (m.strength === -2 && m.type === 'PER' && !m.known) {
      const key = keyOf(text, m);
      count.set(key, (count.get(key) ?? 0) + 1);
    }
  const often = [...count].filter(([, n]) => n >= 2).map(([key]) => key);
  if (!often.length) return new Set();
  const lower = lowerCaseStems(text);
  return new Set(often.filter((key) => !lower.has(key)));
}

export function resolveMentions(text: string, raw: RawMention[]): RawMention[] {
  // A name alone in quotes is a company's only in an article about companies; elsewhere it is a
  // title (a song, a book, a slogan: « Щедрик », « Знак пошани »).
  const companies = !raw.some((m) => m.bareQuote) || aboutCompanies(text);
  const kept = dropOverlaps(companies ? raw : raw.filter((m) => !m.bareQuote));
  const best = typeVotes(text, kept);
  const persons = storyPersons(text, kept);
  // The article's persons, by the stems their possessives show (Дориних, Зойчиній: resolve below).
  const personKeys = new Set(
    kept.filter((m) => m.type === 'PER' && m.strength >= -1).map((m) => ownerStem(keyOf(text, m))),
  );
  // Persons guessed inside sentences (до Дори, з Зойкою): the same name opening a sentence is one.
  const guessedPersons = new Set(
    kept.filter((m) => m.strength === -1 && m.type === 'PER' && !m.initial).map((m) => keyOf(text, m)),
  );

  const out: RawMention[] = [];
  for (const m of kept) {
    if (m.known) {
      out.push(m);
      continue;
    }
    if (m.ownerKey && (personKeys.has(m.ownerKey) || persons.has(m.ownerKey))) {
      out.push({ ...m, type: 'PER', strength: -1 });
      continue;
    }
    const b = best(keyOf(text, m));
    if (m.type === 'MISC' || m.strength <= -2) {
      // Unknown sentence-initial words take the document's type for that name, if any; else dropped
      // (an adjective on a short stem shares no name's key: Малий beside Малі).
      const word = text.slice(m.start, m.end);
      if (b && b[1] >= 2 && !(/^\p{L}+$/u.test(word) && shortStemAdjective(word)))
        out.push({ ...m, type: b[0] });
      else if (m.type === 'PER' && persons.has(keyOf(text, m))) out.push(m);
      else if (guessedPersons.has(keyOf(text, m))) out.push({ ...m, type: 'PER' });
      continue;
    }
    // A guess at a story's person is that person (до Дори, на Дору beside "Дора спала …").
    if (m.strength < 0 && m.type !== 'PER' && persons.has(keyOf(text, m))) out.push({ ...m, type: 'PER' });
    else if (b && b[0] !== m.type && m.strength <= 0) out.push({ ...m, type: b[0] });
    else out.push(m);
  }
  return out;
}
