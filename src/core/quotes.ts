/**
 * Quotation marks paired within a paragraph: «…», „…“, “…”, "…", ‘…’, ‹…›, nested ones too.
 * Apostrophes inside words (зв’язків, don’t) are not quotes.
 */
import { CLOSE_QUOTES, OPEN_QUOTES } from './text';

export interface QuoteSpan {
  /** Offsets of the opening and the closing mark. */
  open: number;
  close: number;
}

const QUOTE_RE = new RegExp(`[${[...new Set(OPEN_QUOTES + CLOSE_QUOTES)].join('')}]`, 'g');

/** Pairs quotation marks in [from, to); nested pairs are kept too (outer first). */
export function findQuotes(text: string, from: number, to: number): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const stack: { ch: string; at: number }[] = [];
  // How many straight quotes the stack holds (asked at every straight quote: no scan of the stack).
  let straight = 0;
  // Searched in a view that ends at `to` (a slice shares the text): a paragraph without quotes
  // must not scan on through the rest of the article.
  const body = text.slice(0, to);
  QUOTE_RE.lastIndex = from;
  for (let m = QUOTE_RE.exec(body); m; m = QUOTE_RE.exec(body)) {
    const i = m.index;
    const ch = text[i];
    const isOpen = OPEN_QUOTES.includes(ch);
    const isClose = CLOSE_QUOTES.includes(ch);
    if (!isOpen && !isClose) continue;
    if (ch === '’' || ch === "'") {
      // Apostrophes inside words are not quotes.
      if (/\p{L}/u.test(text[i - 1] ?? '') && /\p{L}/u.test(text[i + 1] ?? '')) continue;
    }
    const top = stack[stack.length - 1];
    // Text with curly and straight marks mixed (“…," she said. "…”) pairs them across kinds: a
    // straight mark that ends a word closes a curly quote.
    const closes = (open: string) =>
      (open === '«' && ch === '»') ||
      (open === '„' && (ch === '“' || ch === '”')) ||
      (open === '“' && (ch === '”' || (ch === '"' && endsWord(text, i)))) ||
      (open === '"' && (ch === '"' || ch === '”')) ||
      (open === '‘' && ch === '’') ||
      (open === '‹' && ch === '›');
    if (top && isClose && closes(top.ch)) {
      stack.pop();
      if (top.ch === '"') straight--;
      out.push({ open: top.at, close: i });
    } else if (isOpen) {
      if (ch === '"' && straight > 0) {
        // unbalanced straight quote: close the innermost straight quote
        while (stack.length && stack[stack.length - 1].ch !== '"') stack.pop();
        const t = stack.pop()!;
        straight--;
        out.push({ open: t.at, close: i });
        continue;
      }
      stack.push({ ch, at: i });
      if (ch === '"') straight++;
    }
  }
  return out.sort((a, b) => a.open - b.open);
}

/** A mark right after a word and before a space, punctuation or the end: closing, not opening. */
function endsWord(text: string, i: number): boolean {
  return /[^\s([]/u.test(text[i - 1] ?? ' ') && /[\s.,;:!?)\]—–-]|^$/u.test(text[i + 1] ?? '');
}

/** The innermost quotation around a position, if any. */
export function insideQuote(quotes: QuoteSpan[], pos: number): QuoteSpan | undefined {
  let best: QuoteSpan | undefined;
  for (const q of quotes) if (q.open < pos && pos < q.close && (!best || q.open > best.open)) best = q;
  return best;
}

/** A paragraph's quotations found by the offset of a mark (each offset holds one mark). */
export interface QuoteIndex {
  opening(pos: number): QuoteSpan | undefined;
  closing(pos: number): QuoteSpan | undefined;
}

export function indexQuotes(quotes: QuoteSpan[]): QuoteIndex {
  const byOpen = new Map(quotes.map((q) => [q.open, q]));
  const byClose = new Map(quotes.map((q) => [q.close, q]));
  return { opening: (pos) => byOpen.get(pos), closing: (pos) => byClose.get(pos) };
}

/**
 * The quotations overlapping each span (sorted by start, as sentences are), in one sweep: a
 * paragraph with many quotations and many sentences costs their sum, not their product.
 */
export function quotesBySpan(quotes: QuoteSpan[], spans: { start: number; end: number }[]): QuoteSpan[][] {
  const sorted = [...quotes].sort((a, b) => a.open - b.open);
  const out: QuoteSpan[][] = [];
  let next = 0;
  let active: QuoteSpan[] = [];
  for (const s of spans) {
    while (next < sorted.length && sorted[next].open < s.end) active.push(sorted[next++]);
    active = active.filter((q) => q.close >= s.start);
    out.push(active.filter((q) => q.open < s.end));
  }
  return out;
}
