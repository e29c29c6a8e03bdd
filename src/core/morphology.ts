/**
 * Light stemming for matching inflected forms (Росія/Росії/Росією, Путін/Путіним) without a
 * morphological dictionary. Deliberately conservative: strips one ending, keeps at least 2 letters, leaves short words alone.
 */

const CYR_ENDINGS = [
  'ієм',
  'ієві',
  'ією',
  'іями',
  'ями',
  'ами',
  'ові',
  'еві',
  'єві',
  'ою',
  'ею',
  'єю',
  'ом',
  'ем',
  'єм',
  'ів',
  'їв',
  'ах',
  'ях',
  'ам',
  'ям',
  'ого',
  'ому',
  'ої',
  'ий',
  'ій',
  'их',
  'ими',
  'им',
  'ім',
  'ої',
  'ою',
  'ее',
  'ей',
  'ой',
  'ый',
  'ая',
  'яя',
  'ую',
  'юю',
  'ов',
  'ев',
  'ым',
  'его',
  'ему',
  'іє',
  'ія',
  'ії',
  'ію',
  'ию',
  'ие',
  'ия',
  'ии',
  'ья',
  'ьи',
  'ью',
  'а',
  'я',
  'у',
  'ю',
  'і',
  'ї',
  'и',
  'е',
  'є',
  'о',
  'ь',
  'ы',
  'й',
].sort((a, b) => b.length - a.length);

/**
 * Whether normalizeWord leaves this character as it is: not an ASCII capital or backtick, and
 * ASCII or lower-case Cyrillic (а–я, ђ–џ with є і ї, ґ) but not ё, which becomes е. The
 * tokenizer asks it while scanning, so a word already in normal form is not normalised again.
 */
export function keepsNormalForm(c: number): boolean {
  return c < 0x80
    ? !((c >= 65 && c <= 90) || c === 0x60)
    : (c >= 0x430 && c <= 0x45f && c !== 0x451) || c === 0x491;
}

/** Normalises apostrophes and case so that В'ячеслав, В’ячеслав and Вʼячеслав compare equal. */
export function normalizeWord(word: string): string {
  // Most words are already lower-case ASCII or Cyrillic: return them as they are, without
  // allocating (this runs for every token).
  let plain = true;
  for (let i = 0; i < word.length && plain; i++) plain = keepsNormalForm(word.charCodeAt(i));
  if (plain) return word;
  const w = word.toLowerCase();
  // A char-code scan is much cheaper than a regex on this hot path (every token).
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === 0x2019 || c === 0x02bc || c === 0x60 || c === 0x451)
      return w.replace(/[’ʼ`]/g, "'").replace(/ё/g, 'е');
  }
  return w;
}

const stemMemo = new Map<string, string>();

/** Memoised: names and their forms repeat across an article, and stemming is on the hot path. */
export function stem(word: string): string {
  let s = stemMemo.get(word);
  if (s === undefined) {
    s = computeStem(word);
    if (stemMemo.size > 200000) stemMemo.clear();
    stemMemo.set(word, s);
  }
  return s;
}

function computeStem(word: string): string {
  const w = normalizeWord(word);
  if (!/[\u0400-\u04ff]/.test(w)) {
    // English: possessive and plural only.
    return w.replace(/'s$/, '').replace(/(?<=\w{3})s$/, '');
  }
  let s = w;
  if (w.length > 3) {
    for (const e of CYR_ENDINGS) {
      if (w.length - e.length >= 2 && w.endsWith(e)) {
        s = w.slice(0, -e.length);
        break;
      }
    }
  }
  // Ukrainian і/о alternation in a closed last syllable: Схід/Сходу, дім/дому, Львів/Львова.
  return s.replace(/і([^аеєиіїоуюяь']+)$/, 'о$1');
}

/** A key for a multi-word name: stems joined by spaces. */
export function nameKey(words: string[]): string {
  return words.map(stem).join(' ');
}

/** Splits a name into the words that make its key (hyphens kept inside words). */
const nameWordsMemo = new Map<string, string[]>();
/** Memoised (callers must not mutate the result): mention texts repeat throughout an article. */
export function nameWords(name: string): string[] {
  let w = nameWordsMemo.get(name);
  if (w === undefined) {
    w = name.match(/[\p{L}\p{M}\p{N}]+(?:['’ʼ\-.][\p{L}\p{M}\p{N}]+)*\.?/gu) ?? [];
    if (nameWordsMemo.size > 100000) nameWordsMemo.clear();
    nameWordsMemo.set(name, w);
  }
  return w;
}
