/** The engine's entry point: one article in, its language, entities, attributions and sources out. */

import { parseArticle, wordTokenCount } from './article';
import { findAttributions } from './attribution';
import { findMentions, groupEntities, resolveMentions } from './entities';
import { detectLanguage } from './language';
import { aggregateSources } from './sources';
import type { Analysis, AnalyzeOptions } from './types';

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const language = options.language ?? detectLanguage(text);
  const article = parseArticle(text, options.cache);
  const boilerplate = article.paragraphs
    .filter((p) => p.boilerplate)
    .map(({ start, end, text: t }) => ({ start, end, text: t }));
  const raw = findMentions(article, language);
  const entities = groupEntities(text, resolveMentions(text, raw), language);
  const attributions = findAttributions({ article, text, lang: language, entities });
  const sources = aggregateSources(attributions, entities);
  let sentenceCount = 0;
  for (const p of article.paragraphs) sentenceCount += p.sentences.length;
  return {
    language,
    entities,
    attributions,
    sources,
    boilerplate,
    stats: { characters: text.length, words: wordTokenCount(article), sentences: sentenceCount },
  };
}

export type { Analysis, AnalyzeOptions } from './types';
