/** Text primitives: tokens, sentences, paragraphs. Pure functions over UTF-16 offsets. */
import { keepsNormalForm, normalizeWord } from './morphology';
import type { Span } from './types';

export type TokenKind = 'word' | 'number' | 'punct' | 'quote';

export interface Token {
  start: number;
  end: number;
  text: string;
  kind: TokenKind;
  /** Lower-cased, apostrophes unified (see normalizeWord): computed once, used by every stage. */
  norm: string;
}

/** Opening and closing quotation marks, for pairing (straight quotes pair with themselves). */
export const OPEN_QUOTES = '«„“"\u201f‹\u2018';
export const CLOSE_QUOTES = '»“”"’›\u2019';
const QUOTE_CHARS = new Set([...OPEN_QUOTES, ...CLOSE_QUOTES]);

// A word: letters/digits, allowing inner apostrophes and hyphens (зв’язків, північно-східний, O'Brien).
// A word: letters/digits, allowing inner apostrophes and hyphens (зв’язків, північно-східний,
// O'Brien); anything else is a one-character token. A hand-written scanner: the equivalent Unicode
// regex was a tenth of the engine's time.
const LETTER_RE = /[\p{L}\p{M}\p{N}]/u;
const DIGIT_RE = /^\p{N}/u;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0x400 && c <= 0x4ff) return c !== 0x482; // all Cyrillic letters and marks but ҂
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x300 && c <= 0x36f) return true; // combining marks
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_RE.test(text.slice(i, i + 2));
  if (c >= 0xdc00 && c <= 0xdfff) return false;
  return LETTER_RE.test(text[i]);
}

const ASCII_CHARS = Array.from({ length: 128 }, (_, k) => String.fromCharCode(k));
const JOINERS = new Set([0x27, 0x2019, 0x2bc, 0x60, 0x2d, 0x2010]); // ' ’ ʼ ` - ‐

/**
 * Whether a code unit may continue a grapheme cluster after a symbol: a zero-width joiner, a
 * variation selector, a keycap, or the high surrogate of regional indicators, skin tones and tags.
 */
const extendsCluster = (d: number) =>
  d === 0x200d || d === 0xfe0e || d === 0xfe0f || d === 0x20e3 || d === 0xd83c || d === 0xdb40;

let segmenter: Intl.Segmenter | undefined;
/** The length of the grapheme cluster starting at `start` (Intl.Segmenter, asked only near emoji). */
function firstGrapheme(text: string, start: number): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const first = segmenter
    .segment(text.slice(start, start + 64))
    [Symbol.iterator]()
    .next();
  return first.done ? 1 : first.value.segment.length;
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  // A word never runs past `to`: a sentence cut inside a glued word ("щепленняЯк") ends there
  // (scanning on to the text's end made every such sentence cost the whole rest of the text).
  const n = to;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    // White space, exactly as JavaScript's \s (NBSP and the Unicode spaces; not U+200B).
    if (
      c === 32 ||
      (c >= 9 && c <= 13) ||
      c === 0xa0 ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0xfeff ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0x1680
    ) {
      i++;
      continue;
    }
    const start = i;
    if (isWordChar(text, i)) {
      // While scanning, note whether the word is already in normal form (lower-case ASCII or
      // Cyrillic, no ё, no typographic apostrophe): then its text is its norm, with no second pass.
      let plain = true;
      for (;;) {
        for (;;) {
          if (i >= n) break;
          const d = text.charCodeAt(i);
          const word =
            d < 0x80
              ? (d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57)
              : isWordChar(text, i);
          if (!word) break;
          if (plain && !keepsNormalForm(d)) plain = false;
          i += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
        }
        if (i + 1 < n && JOINERS.has(text.charCodeAt(i)) && isWordChar(text, i + 1)) {
          // ’ ʼ ` become ' in the norm.
          if (!keepsNormalForm(text.charCodeAt(i))) plain = false;
          i++;
        } else break;
      }
      const t = text.slice(start, i);
      const d = t.charCodeAt(0);
      const kind: TokenKind = (d >= 48 && d <= 57) || (d > 127 && DIGIT_RE.test(t)) ? 'number' : 'word';
      tokens.push({ start, end: i, text: t, kind, norm: kind === 'word' && !plain ? normalizeWord(t) : t });
      continue;
    }
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    // A symbol with what joins it (🇺🇦, ❤️, 👍🏽, 👩‍⚕️) is one token, one user-perceived character.
    if (i < n && extendsCluster(text.charCodeAt(i))) i = Math.min(n, start + firstGrapheme(text, start));
    // One-character ASCII punctuation comes from a table: no string per comma.
    const t = c < 0x80 && i === start + 1 ? ASCII_CHARS[c] : text.slice(start, i);
    tokens.push({ start, end: i, text: t, kind: QUOTE_CHARS.has(t) ? 'quote' : 'punct', norm: t });
  }
  return tokens;
}

/** The reference tokenizer (a Unicode regex); tests check the scanner against it. */
export function tokenizeReference(
  text: string,
  from = 0,
  to = text.length,
): { start: number; end: number; text: string }[] {
  const re = /[\p{L}\p{M}\p{N}]+(?:['’ʼ`\-‐][\p{L}\p{M}\p{N}]+)*|(\S)/gu;
  const out: { start: number; end: number; text: string; symbol: boolean }[] = [];
  re.lastIndex = from;
  // Symbols of one grapheme cluster (🇺🇦, 👩‍⚕️) are one token.
  const starts = new Set<number>();
  for (const g of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text.slice(from, to)))
    starts.add(from + g.index);
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const prev = out[out.length - 1];
    const symbol = m[1] !== undefined;
    if (symbol && prev?.symbol && prev.end === m.index && !starts.has(m.index)) {
      prev.end = m.index + m[0].length;
      prev.text = text.slice(prev.start, prev.end);
    } else out.push({ start: m.index, end: m.index + m[0].length, text: m[0], symbol });
  }
  return out.map(({ start, end, text: t }) => ({ start, end, text: t }));
}

export function isCapitalized(word: string): boolean {
  return capitalAt(word, 0);
}

/** Whether the character at i is a capital letter. */
function capitalAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  // Fast paths for Latin and Cyrillic (every token and every sentence scan asks): no string allocation.
  if (code < 0x80) return code >= 65 && code <= 90;
  if (code >= 0x400 && code <= 0x42f) return true;
  if (code >= 0x430 && code <= 0x45f) return false;
  const c = text.charAt(i);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

export function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** Shrinks [start,end) past whitespace and the given edge characters. */
export function trimSpan(text: string, start: number, end: number, edge = ' \t\r\n,;:.—–-'): Span | null {
  while (start < end && edge.includes(text[start])) start++;
  while (end > start && edge.includes(text[end - 1])) end--;
  return end > start ? span(text, start, end) : null;
}

export interface Paragraph extends Span {}

/** Lines separated by line breaks; news paragraphs are one line each in plain text. */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const s = trimSpan(text, m.index, m.index + m[0].length, ' \t');
    if (s) out.push(s);
  }
  return out;
}

// Abbreviations after which a period does not end a sentence.
const NO_BREAK_AFTER = new Set([
  'р',
  'рр',
  'ст',
  'вул',
  'просп',
  'пл',
  'м',
  'с',
  'смт',
  'обл',
  'ім',
  'т',
  'д',
  'н',
  'е',
  'грн',
  'млн',
  'млрд',
  'тис',
  'див',
  'напр',
  'пор',
  'гг',
  'г',
  'ул',
  'им',
  'тыс',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'sen',
  'rep',
  'gov',
  'st',
  'jr',
  'sr',
  'vs',
  'no',
  'u.s',
  'inc',
  'corp',
  'co',
  'lt',
  'col',
  'sgt',
  'capt',
  'del',
  'maj',
  'adm',
  'amb',
  'atty',
  'cmdr',
  'hon',
  'jan',
  'feb',
  'aug',
  'sept',
  'sep',
  'oct',
  'nov',
  'dec',
  'e.g',
  'i.e',
  'etc',
  'п',
  'проф',
  'акад',
  'ген',
]);

const CLOSERS = new Set(['"', '»', '”', '’', ')']);
const OPENERS = new Set(['"', '«', '“', '„', '(']);
const DASH_CHARS = new Set(['—', '–', '-']);
const UPPER_OR_DIGIT = /[\p{Lu}\p{N}]/u;
const SPACE = /\s/;
/** а-я і ї є ґ ё, by code (asked at every character of a sentence: no string, no regex). */
const cyrLower = (c: number) =>
  (c >= 0x430 && c <= 0x44f) || c === 0x456 || c === 0x457 || c === 0x454 || c === 0x491 || c === 0x451;
/** А-Я І Ї Є Ґ Ё, by code. */
const cyrUpper = (c: number) =>
  (c >= 0x410 && c <= 0x42f) || c === 0x406 || c === 0x407 || c === 0x404 || c === 0x490 || c === 0x401;
/** . ! ? … by code. */
const isTerminal = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;

const upperOrDigitAt = (text: string, i: number, end: number) => {
  if (i >= end) return false;
  const c = text.charCodeAt(i);
  // A surrogate pair is one character (𝐀, a digit of another script).
  const ch = c >= 0xd800 && c <= 0xdbff && i + 1 < end ? text.slice(i, i + 2) : text[i];
  return UPPER_OR_DIGIT.test(ch);
};

/** After terminal punctuation: white space, then maybe an opening mark or a dash, then a capital or digit. */
function opensSentence(text: string, i: number, end: number): boolean {
  if (i >= end || !SPACE.test(text[i])) return false;
  while (i < end && SPACE.test(text[i])) i++;
  if (upperOrDigitAt(text, i, end)) return true;
  if (i < end && OPENERS.has(text[i])) return upperOrDigitAt(text, i + 1, end);
  if (i < end && DASH_CHARS.has(text[i])) {
    i++;
    while (i < end && SPACE.test(text[i])) i++;
    return upperOrDigitAt(text, i, end);
  }
  return false;
}

/**
 * Text glued by scraping ("щепленняЯк пише"): a capital after at least four lower-case letters
 * of a word that began in lower case (a name glued to a name, "ОлександрЛаврінчук", is one word).
 */
function gluedBoundary(text: string, i: number, end: number): boolean {
  if (i < 4 || i + 1 >= end || !cyrUpper(text.charCodeAt(i)) || !cyrLower(text.charCodeAt(i + 1)))
    return false;
  for (let k = i - 4; k < i; k++) if (!cyrLower(text.charCodeAt(k))) return false;
  return true;
}

/** Whether the single dot at `dot` ends an initial (В. Путін, G.K. Butterfield) or a known abbreviation. */
function dotWithinName(text: string, para: Span, dot: number): boolean {
  const before = /([\p{L}.]+)[ \t]?$/u.exec(text.slice(Math.max(para.start, dot - 12), dot));
  const word = before ? before[1] : '';
  return /^(?:\p{Lu}\.)*\p{Lu}$/u.test(word) || NO_BREAK_AFTER.has(word.toLowerCase());
}

/**
 * Sentence spans inside one paragraph. Breaks after . ! ? … (and closing marks) when followed by
 * white space and an upper-case letter, digit, quote or dash; not after initials (В. Путін) or
 * known abbreviations; also where scraping glued two sentences ("щепленняЯк"). One pass over the
 * text: a run of punctuation is looked at once, however long (a regex retried it at every dot).
 */
export function sentences(text: string, para: Span): Span[] {
  const out: Span[] = [];
  let start = para.start;
  const end = para.end;
  const cut = (at: number) => {
    const s = trimSpan(text, start, at, ' \t');
    if (s) out.push(s);
    start = at;
  };
  // Whether the current run of letters began with a capital (tracked as we go: no look back).
  let capitalRun = false;
  for (let i = para.start; i < end; ) {
    const code = text.charCodeAt(i);
    if (i === 0 || !isWordChar(text, i - 1)) capitalRun = capitalAt(text, i);
    if (isTerminal(code)) {
      let j = i;
      while (j < end && isTerminal(text.charCodeAt(j))) j++;
      let k = j;
      while (k < end && CLOSERS.has(text[k])) k++;
      if (opensSentence(text, k, end) && !(k === i + 1 && text[i] === '.' && dotWithinName(text, para, i)))
        cut(k);
      i = k;
      continue;
    }
    if (!capitalRun && gluedBoundary(text, i, end)) cut(i);
    i++;
  }
  const last = trimSpan(text, start, end, ' \t');
  if (last) out.push(last);
  return out;
}

/** Removes a leading BOM, which VS Code never shows, so offsets match the editor. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
