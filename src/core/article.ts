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
}

export function parseArticle(text: string): Article {
  const out: ArticleParagraph[] = [];
  for (const p of paragraphs(text)) {
    const index = out.length;
    const sents = sentences(text, p).map((s) => ({
      ...s,
      tokens: tokenize(text, s.start, s.end),
      paragraph: index,
    }));
    out.push({ ...p, boilerplate: isBoilerplateLine(p.text), sentences: sents });
  }
  return { text, paragraphs: out };
}

export function wordTokenCount(article: Article): number {
  let n = 0;
  for (const p of article.paragraphs)
    for (const s of p.sentences) for (const t of s.tokens) if (t.kind === 'word' || t.kind === 'number') n++;
  return n;
}
