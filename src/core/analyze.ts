/** The engine's entry point: one article in, its language, entities, attributions and sources out. */

import type { AnalysisCache } from './article';
import { parseArticle, wordTokenCount } from './article';
import { findAttributions } from './attribution';
import {
  definedTerms,
  dropCommonOpeners,
  findMentions,
  groupEntities,
  quotesOverBreaks,
  resolveMentions,
  settlementsAfterBreaks,
} from './entities';
import { detectLanguage } from './language';
import { learnedEntities } from './learn/apply';
import { cueWordSet, learnedAttributions, RULES_DECODING } from './learn/learnedAttributions';
import { type AttributionModel, type EntityModel, type LearnedModel, netsOf } from './learn/modelFile';
import { aggregateSources } from './sources';
import type { Analysis, Language, Span } from './types';

export interface AnalyzeOptions {
  /** Force a language instead of detecting it. */
  language?: Language;
  /** Per-paragraph results kept between analyses of one document while it is edited. */
  cache?: AnalysisCache;
  /** A learned entity model (`newsmark train`): its entities replace the rules' PER/ORG/LOC. */
  model?: EntityModel;
  /** A learned attribution model (`newsmark train --task attribution`): its attributions replace the rules'. */
  attributionModel?: AttributionModel;
}

/** A model trained on some languages reads only those (one trained without --lang reads all). */
export function modelReads(model: LearnedModel, language: Language): boolean {
  const langs = model.meta.languages;
  return !langs.length || langs.includes(language);
}

export function analyze(original: string, options: AnalyzeOptions = {}): Analysis {
  // Wire-style quotation marks (''…'' and ``…'') are read as "…" in a view of the same length;
  // every span's text is taken from the original afterwards.
  const text = quoteView(original);
  const language = options.language ?? detectLanguage(text);
  const article = parseArticle(text, options.cache);
  const boilerplate = article.paragraphs
    .filter((p) => p.boilerplate)
    .map(({ start, end, text: t }) => ({ start, end, text: t }));
  const raw = findMentions(article, language);
  const broken = definedTerms(
    text,
    language,
    quotesOverBreaks(article, settlementsAfterBreaks(article, raw)),
  );
  const resolved = resolveMentions(text, dropCommonOpeners(article, broken));
  let entities = groupEntities(text, resolved, language);
  if (options.model?.meta.task === 'ner' && modelReads(options.model, language))
    entities = learnedEntities(text, options.model, entities, resolved, language, article);
  let attributions = findAttributions({ article, text, lang: language, entities });
  const am = options.attributionModel;
  if (am?.meta.task === 'attribution' && modelReads(am, language))
    attributions = learnedAttributions(
      netsOf(am),
      am.meta.decoding ?? RULES_DECODING,
      text,
      { language, entities, attributions } as Analysis,
      article,
      language,
      cueWordSet(am.meta.cueWords),
    );
  if (text !== original) {
    const restore = (x: Span) => {
      x.text = original.slice(x.start, x.end);
    };
    for (const e of entities) e.mentions.forEach(restore);
    for (const a of attributions) for (const part of [a.cue, a.source, a.content]) part.forEach(restore);
    boilerplate.forEach(restore);
  }
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

/**
 * The text with each doubled apostrophe or double backtick used as a quotation mark (''It is,''
 * he said; ``…'') replaced by a space and a straight quote, on the side away from the quoted
 * words, so that offsets stay the same. The same string when there is none.
 */
export function quoteView(text: string): string {
  if (!text.includes("''") && !text.includes('``')) return text;
  return text.replace(/''|``/g, (mark, at: number) => {
    const before = text[at - 1] ?? ' ';
    const after = text[at + 2] ?? ' ';
    const opens = mark === '``' || (/[\s([—–-]/.test(before) && /[^\s.,;:!?)]/.test(after));
    return opens ? ' "' : '" ';
  });
}

export type { Analysis } from './types';
