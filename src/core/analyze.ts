/** The engine's entry point: one article in, its language, entities, attributions and sources out. */
import { findAttributions } from './attribution';
import { findBoilerplate } from './boilerplate';
import { findMentions, groupEntities, resolveMentions } from './entities';
import { detectLanguage } from './language';
import { aggregateSources } from './sources';
import { paragraphs, sentences, wordCount } from './text';
import type { Analysis, AnalyzeOptions } from './types';

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const language = options.language ?? detectLanguage(text);
  const boilerplate = findBoilerplate(text);
  const raw = findMentions(text, language, boilerplate);
  const entities = groupEntities(text, resolveMentions(text, raw));
  const attributions = findAttributions({ text, lang: language, entities });
  const sources = aggregateSources(attributions, entities);
  let sentenceCount = 0;
  for (const p of paragraphs(text)) sentenceCount += sentences(text, p).length;
  return {
    language,
    entities,
    attributions,
    sources,
    boilerplate,
    stats: { characters: text.length, words: wordCount(text), sentences: sentenceCount },
  };
}

export type { Analysis, AnalyzeOptions } from './types';
