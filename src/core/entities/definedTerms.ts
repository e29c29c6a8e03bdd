/**
 * Acronyms the article itself defines as a common phrase: "технічні умови (ТУ)", "тимчасових
 * споруд (ТС)", "багатофункціональних пристроїв (БФП)". Such an acronym is a term wherever the
 * article uses it, no organisation. An acronym the engine knows (ОСББ, ДФС) or a phrase with a
 * capital (Центру сертифікації ключів (ЦСК)) defines a body's name instead.
 */
import { gazetteerIndex } from '../lexicon';
import type { Language } from '../types';
import { langSets, type RawMention } from './scan';

/** Lower-case words and an acronym in brackets right after them. */
const DEFINITION = /((?:\p{Ll}[\p{L}'’-]*\s+){1,4})\(\s?(\p{Lu}{2,6})\s?\)/gu;

export function definedTerms(text: string, lang: Language, mentions: RawMention[]): RawMention[] {
  if (lang === 'en' || !text.includes('(')) return mentions;
  const L = langSets(lang);
  const gaz = gazetteerIndex();
  const terms = new Set<string>();
  for (const m of text.matchAll(DEFINITION)) {
    const acronym = m[2];
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
