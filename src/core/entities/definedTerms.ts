/**
 * Acronyms the article itself defines as a common phrase: "технічні умови (ТУ)", "тимчасових
 * споруд (ТС)", "багатофункціональних пристроїв (БФП)". Such an acronym is a term wherever the
 * article uses it, no organisation. An acronym the engine knows (ОСББ, ДФС) or a phrase with a
 * capital (Центру сертифікації ключів (ЦСК)) defines a body's name instead.
 */
import { gazetteerIndex } from '../lexicon';
import type { Language } from '../types';
import { langSets, type RawMention } from './scan';

/** An acronym in brackets; the words before it are read after (a pattern that reads them first retries at every letter). */
const BRACKETED = /\(\s?(\p{Lu}{2,6})\s?\)/gu;
/** Up to four lower-case words ending where the brackets open. */
const WORDS_BEFORE = /(?:^|[^\p{L}'’-])((?:\p{Ll}[\p{L}'’-]*\s+){1,4})$/u;

export function definedTerms(text: string, lang: Language, mentions: RawMention[]): RawMention[] {
  if (lang === 'en' || !text.includes('(')) return mentions;
  const L = langSets(lang);
  const gaz = gazetteerIndex();
  const terms = new Set<string>();
  for (const b of text.matchAll(BRACKETED)) {
    const m = WORDS_BEFORE.exec(text.slice(Math.max(0, b.index - 80), b.index));
    if (!m) continue;
    const acronym = b[1];
    if (L.orgForms.has(acronym) || L.orgAcronymHeads.has(acronym) || L.locAcronymHeads.has(acronym)) continue;
    if (gaz.lookup([acronym]) || L.stopCap.has(acronym)) continue;
    // The phrase's words start with the acronym's first letter somewhere (пристроїв … БФП: б-).
    const words = m[1].trim().split(/\s+/);
    const first = acronym[0].toLowerCase();
    if (words.slice(-acronym.length).some((w) => w.startsWith(first))) terms.add(acronym);
  }
  if (!terms.size) return mentions;
  return mentions.filter((m) => m.strength >= 2 || !terms.has(text.slice(m.start, m.end)));
}
