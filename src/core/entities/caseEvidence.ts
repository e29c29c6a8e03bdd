/**
 * The article's own evidence of case: a word that opens a sentence, where any word is
 * capitalised, and is written in lower case elsewhere in the article is a common word there
 * ("Суд першої інстанції …" beside "… до суду", "Замовник …" beside "замовник"). A name of such
 * an opener and lower-case words only is dropped; known names, and names with another
 * capitalised word (Апеляційний суд Одеської області), stay.
 */
import type { Article } from '../article';
import { normalizeWord } from '../morphology';
import type { RawMention } from './scan';

/** The first word of a mention that could be a capitalised common word, normalised; else undefined. */
function openerWord(text: string, m: RawMention): string | undefined {
  if (!m.initial || m.known) return undefined;
  const surface = text.slice(m.start, m.end);
  const first = /^[\p{L}'’-]+/u.exec(surface)?.[0];
  if (!first || first.length < 2 || first === first.toUpperCase()) return undefined;
  // Another capitalised word in the name: a name, whatever its first word.
  if (/[\s«"“„(-]\p{Lu}/u.test(surface.slice(first.length))) return undefined;
  return normalizeWord(first);
}

export function dropCommonOpeners(article: Article, mentions: RawMention[]): RawMention[] {
  const text = article.text;
  const openers = new Map<RawMention, string>();
  for (const m of mentions) {
    const w = openerWord(text, m);
    if (w) openers.set(m, w);
  }
  if (!openers.size) return mentions;
  const wanted = new Set(openers.values());
  const lowerSeen = new Set<string>();
  // One pass over the article's words: linear however many sentences open with a capital.
  for (const p of article.paragraphs)
    for (const s of p.sentences)
      for (const t of s.tokens)
        if (t.kind === 'word' && t.text.charCodeAt(0) === t.norm.charCodeAt(0) && wanted.has(t.norm))
          lowerSeen.add(t.norm);
  return mentions.filter((m) => {
    const w = openers.get(m);
    return !(w && lowerSeen.has(w));
  });
}
