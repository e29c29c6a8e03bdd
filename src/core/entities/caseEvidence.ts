/**
 * The article's own evidence of case: a word that opens a sentence, where any word is
 * capitalised, and is written in lower case elsewhere in the article is a common word there
 * ("Суд першої інстанції …" beside "… до суду", "Замовник …" beside "замовник"). A name of such
 * an opener and lower-case words only is dropped, a name after such an opener loses it ("Уранці
 * Славко", "Дії Павленка"); known names, and names with another capitalised word further on
 * (Апеляційний суд Одеської області), stay.
 */
import type { Article } from '../article';
import { normalizeWord } from '../morphology';
import type { RawMention } from './scan';

interface Opener {
  word: string;
  /** Where the rest of the name starts when its next word is capitalised (Уранці Славко), else undefined. */
  rest?: number;
}

/** The first word of a mention that could be a capitalised common word, normalised; else undefined. */
function openerOf(text: string, m: RawMention): Opener | undefined {
  if (!m.initial || m.known) return undefined;
  const surface = text.slice(m.start, m.end);
  const first = /^[\p{L}'’-]+/u.exec(surface)?.[0];
  if (!first || first.length < 2 || first === first.toUpperCase()) return undefined;
  const word = normalizeWord(first);
  // The next word capitalised: the opener may be a common word glued to a name (Уранці Славко).
  const next = /^\s+(?=\p{Lu})/u.exec(surface.slice(first.length));
  if (next) return { word, rest: m.start + first.length + next[0].length };
  // Another capitalised word further on: a name, whatever its first word.
  if (/[\s«"“„(-]\p{Lu}/u.test(surface.slice(first.length))) return undefined;
  return { word };
}

export function dropCommonOpeners(article: Article, mentions: RawMention[]): RawMention[] {
  const text = article.text;
  const openers = new Map<RawMention, Opener>();
  for (const m of mentions) {
    const o = openerOf(text, m);
    if (o) openers.set(m, o);
  }
  if (!openers.size) return mentions;
  const wanted = new Set([...openers.values()].map((o) => o.word));
  const lowerSeen = new Set<string>();
  // One pass over the article's words: linear however many sentences open with a capital.
  for (const p of article.paragraphs)
    for (const s of p.sentences)
      for (const t of s.tokens)
        if (t.kind === 'word' && t.text.charCodeAt(0) === t.norm.charCodeAt(0) && wanted.has(t.norm))
          lowerSeen.add(t.norm);
  return mentions.flatMap((m) => {
    const o = openers.get(m);
    if (!o || !lowerSeen.has(o.word)) return [m];
    // A common word before a name is no part of it: the name without it (no longer its sentence's opener).
    return o.rest === undefined ? [] : [{ start: o.rest, end: m.end, type: m.type, strength: m.strength }];
  });
}
