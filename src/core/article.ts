/**
 * An Article: the text split once into paragraphs, sentences and tokens, shared by every stage
 * of the engine (tokenising twice was a measurable share of the analysis time).
 */
import { isBoilerplateLine } from './boilerplate';
import { paragraphs, sentences, type Token, tokenize } from './text';
import type { Span } from './types';

export interface Sentence extends Span {
  tokens: Token[];
  /** Index of its paragraph in Article.paragraphs. */
  paragraph: number;
}

export interface ArticleParagraph extends Span {
  boilerplate: boolean;
  sentences: Sentence[];
}

export interface Article {
  text: string;
  paragraphs: ArticleParagraph[];
  /** Cache entries of the paragraphs (when a cache was given), for stages to keep results in. */
  entries?: (ParagraphEntry | undefined)[];
}

export interface ParagraphEntry {
  boilerplate: boolean;
  /** Sentences with tokens, offsets relative to the paragraph start. */
  sentences: { start: number; end: number; tokens: Token[] }[];
  /** Other stages' results for this paragraph, by stage name (relative offsets). */
  extra: Map<string, unknown>;
}

/**
 * Per-paragraph results kept between analyses of one document while it is edited: a paragraph
 * whose text did not change is not tokenised again (its tokens are only moved), and stages may
 * keep their own per-paragraph results here. Two generations bound the memory.
 */
export class AnalysisCache {
  private map = new Map<string, ParagraphEntry>();
  private prev = new Map<string, ParagraphEntry>();
  constructor(private readonly limit = 4000) {}

  get(key: string): ParagraphEntry | undefined {
    let e = this.map.get(key);
    if (!e) {
      e = this.prev.get(key);
      if (e) this.set(key, e);
    }
    return e;
  }

  set(key: string, e: ParagraphEntry): void {
    if (this.map.size >= this.limit) {
      this.prev = this.map;
      this.map = new Map();
    }
    this.map.set(key, e);
  }
}

function shiftToken(t: Token, d: number): Token {
  return { start: t.start + d, end: t.end + d, text: t.text, kind: t.kind, norm: t.norm };
}

/**
 * The most tokens a sentence may hold. News sentences hold well under 300 (the longest in the
 * evaluation corpora: 242); a longer "sentence" is scraped or hostile text without full stops, cut
 * here into pieces at a clause break, so that no rule's work grows with the whole text.
 */
export const MAX_SENTENCE_TOKENS = 400;
const CLAUSE_BREAKS = new Set([',', ';', ':', '—', '–']);

function sentencePieces(text: string, s: Span, paragraph: number): Sentence[] {
  const tokens = tokenize(text, s.start, s.end);
  if (tokens.length <= MAX_SENTENCE_TOKENS)
    return [{ start: s.start, end: s.end, text: s.text, tokens, paragraph }];
  const out: Sentence[] = [];
  for (let a = 0; a < tokens.length; ) {
    let b = Math.min(tokens.length, a + MAX_SENTENCE_TOKENS);
    if (b < tokens.length) {
      let k = b - 1;
      while (k > b - 100 && !CLAUSE_BREAKS.has(tokens[k].text)) k--;
      if (k > b - 100) b = k + 1;
    }
    const start = tokens[a].start;
    const end = tokens[b - 1].end;
    out.push({ start, end, text: text.slice(start, end), tokens: tokens.slice(a, b), paragraph });
    a = b;
  }
  return out;
}

export function parseArticle(text: string, cache?: AnalysisCache): Article {
  const out: ArticleParagraph[] = [];
  const entries: (ParagraphEntry | undefined)[] = [];
  for (const p of paragraphs(text)) {
    const index = out.length;
    const hit = cache?.get(p.text);
    if (hit) {
      const d = p.start;
      const sents = hit.sentences.map((s) => ({
        start: s.start + d,
        end: s.end + d,
        text: text.slice(s.start + d, s.end + d),
        tokens: s.tokens.map((t) => shiftToken(t, d)),
        paragraph: index,
      }));
      out.push({ ...p, boilerplate: hit.boilerplate, sentences: sents });
      entries.push(hit);
      continue;
    }
    const sents: Sentence[] = sentences(text, p).flatMap((s) => sentencePieces(text, s, index));
    const para: ArticleParagraph = {
      start: p.start,
      end: p.end,
      text: p.text,
      boilerplate: isBoilerplateLine(p.text),
      sentences: sents,
    };
    // "Читайте також: …" glued by scraping to the next paragraph: only its first sentence is chrome.
    if (para.boilerplate && sents.length > 1) {
      const [first, ...rest] = sents;
      out.push({
        start: first.start,
        end: first.end,
        text: first.text,
        boilerplate: true,
        sentences: [first],
      });
      entries.push(undefined);
      const tail = { start: rest[0].start, end: p.end, text: text.slice(rest[0].start, p.end) };
      out.push({ ...tail, boilerplate: false, sentences: rest.map((s) => ({ ...s, paragraph: index + 1 })) });
      entries.push(undefined);
      continue;
    }
    out.push(para);
    if (cache) {
      const e: ParagraphEntry = {
        boilerplate: para.boilerplate,
        sentences: sents.map((s) => ({
          start: s.start - p.start,
          end: s.end - p.start,
          tokens: s.tokens.map((t) => shiftToken(t, -p.start)),
        })),
        extra: new Map(),
      };
      cache.set(p.text, e);
      entries.push(e);
    } else entries.push(undefined);
  }
  return { text, paragraphs: out, entries: cache ? entries : undefined };
}

export function wordTokenCount(article: Article): number {
  let n = 0;
  for (const p of article.paragraphs)
    for (const s of p.sentences) for (const t of s.tokens) if (t.kind === 'word' || t.kind === 'number') n++;
  return n;
}
