/**
 * Attributions (PARC/PolNeAR scheme): a cue (speech verb or source phrase), a source (may be
 * empty) and content (quote or paraphrase). Per paragraph: speaker and headline credits; per
 * sentence outside boilerplate: cues, then each cue's attribution by its language's rules, then
 * the chains of credits that share one content; finally the ids A1, A2, … in text order.
 *
 * Where each kind of rule lives: cues.ts (+ english/cues.ts), credits.ts, source.ts, content.ts,
 * build.ts (uk/ru and phrase cues), english/*.ts (English verbs), chains.ts, finish.ts; the
 * language switches are the rule objects in ukRuRules.ts and english/rules.ts.
 */
import type { Sentence } from '../article';
import { findQuotes, indexQuotes, type QuoteIndex, type QuoteSpan, quotesBySpan } from '../quotes';
import type { Token } from '../text';
import type { Attribution, Language, Span } from '../types';
import { linkChains } from './chains';
import { compile } from './compiled';
import { type AttributionContext, buildMentionIndex, type Sibling } from './context';
import { speakerCredits } from './credits';
import { findCues } from './cues';
import { englishRules } from './english/rules';
import { resolveSources } from './resolveSources';
import type { LanguageRules } from './rules';
import { makeSite } from './rules';
import { ukRuRules } from './ukRuRules';

export type { AttributionContext } from './context';

const RULES: Record<Language, LanguageRules> = { uk: ukRuRules, ru: ukRuRules, en: englishRules };

/** Extracts the attributions of an article. */
export function findAttributions(ctx: AttributionContext): Attribution[] {
  const { text, lang } = ctx;
  const c = compile(lang);
  const rules = RULES[lang];
  const mentionAt = buildMentionIndex(ctx.entities);
  // A person's or organisation's name the entity pass found (not a capitalised first word).
  const isName = (t: Token) => mentionAt(t.start, t.end).some((m) => m.entity.type !== 'LOC');
  const sents: Sentence[] = [];
  const quotesByPara: QuoteSpan[][] = [];
  const indexByPara: QuoteIndex[] = [];
  /** The quotations overlapping each of `sents`. */
  const sentQuotes: QuoteSpan[][] = [];
  for (const p of ctx.article.paragraphs) {
    const quotes = findQuotes(text, p.start, p.end);
    quotesByPara.push(quotes);
    indexByPara.push(indexQuotes(quotes));
    if (p.boilerplate) continue;
    // Loops, not push(...spread): a paragraph may hold more sentences than a call has arguments.
    for (const s of p.sentences) sents.push(s);
    for (const q of quotesBySpan(quotes, p.sentences)) sentQuotes.push(q);
  }
  const results: Attribution[] = [];
  for (const p of ctx.article.paragraphs)
    if (!p.boilerplate) {
      const quotes = quotesByPara[p.sentences[0]?.paragraph ?? 0] ?? [];
      for (const att of speakerCredits({ ctx, c, rules, p, mentionAt, quotes })) results.push(att);
    }
  let lastSubject: Span[] = [];
  const sentenceOf = new Map<Attribution, number>();
  for (let si = 0; si < sents.length; si++) {
    const s = sents[si];
    const quotes = sentQuotes[si];
    const cues = findCues(text, s, c, rules, quotes, isName);
    if (!cues.length) continue;
    const siblings: Sibling[] = [];
    const cueTokens = new Set<number>();
    for (const cue of cues) for (let x = cue.a; x <= cue.b; x++) cueTokens.add(x);
    for (const cue of cues) {
      const site = makeSite({
        ctx,
        c,
        rules,
        cue,
        s,
        si,
        sents,
        quotes,
        quoteAt: indexByPara[s.paragraph],
        mentionAt,
        lastSubject,
        siblings,
        cueTokens,
      });
      const att = rules.build(site);
      if (att) siblings.push({ att, cue });
    }
    linkChains(siblings);
    for (const { att } of siblings) {
      results.push(att);
      sentenceOf.set(att, si);
      if (att.source.length && att.sourceKind !== 'document') lastSubject = att.source;
    }
  }
  resolveSources(text, results, sentenceOf, c, ctx.entities, mentionAt);
  const ids = new Map(results.map((a, i) => [a.id, `A${i + 1}`]));
  for (const a of results) {
    a.id = ids.get(a.id)!;
    if (a.via) a.via = ids.get(a.via);
  }
  return results;
}
