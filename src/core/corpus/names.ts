/**
 * One entity across languages and forms: a key that "Зеленський", "Зеленский" and "Zelensky"
 * share. Known names key by their gazetteer entry (ТАСС = ТАРС = TASS, Yonhap = Йонхап), countries
 * by their ISO code (Росія = Россия = Russia); other names by a Latin spelling key: transliterated
 * (the `transliteration` library), then the spelling variants of romanisations folded together
 * (y/i, kh/h, ts/c, doubled letters, -skyi/-sky).
 */
import countries from 'i18n-iso-countries';
import { transliterate } from 'transliteration';
import { gazetteerIndex } from '../lexicon';
import { nameWords } from '../morphology';

/** A word's spelling key: "Зеленський", "Зеленский", "Zelensky", "Zelenskyi" → "zelenski". */
export function spellingKey(word: string): string {
  return transliterate(word.normalize('NFC'))
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '')
    .replace(/kh/g, 'h')
    .replace(/zh/g, 'j')
    .replace(/ts|tz|cz/g, 'c')
    .replace(/ck/g, 'k')
    .replace(/[yj](?=[aeiou])/g, 'i')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

/** The words of a name, each as its spelling key (punctuation and initials' dots dropped). */
export function nameTokens(name: string): string[] {
  return name
    .replace(/['’ʼ]s$/u, '')
    .split(/[\s\-‐–—'’ʼ.]+/u)
    .map(spellingKey)
    .filter((t) => t.length > 0);
}

/**
 * The key of a name that does not depend on what else is in the corpus: a gazetteer entry, a
 * country, or (organisations, places) the spelling key of the whole name. Persons return
 * undefined: they are keyed in the corpus by full name and surname (see corpus/report.ts).
 */
export function fixedKey(name: string, type: string, kind?: string): string | undefined {
  const known = gazetteerIndex().lookup(nameWords(name));
  if (known && known.type === type) return `g:${known.name}`;
  if (kind === 'country' || type === 'LOC') {
    for (const lang of ['uk', 'ru', 'en']) {
      const code = countries.getAlpha2Code(name, lang);
      if (code) return `c:${code}`;
    }
  }
  if (type === 'PER') return undefined;
  const tokens = nameTokens(name);
  return tokens.length ? `${type}:${tokens.join(' ')}` : undefined;
}
