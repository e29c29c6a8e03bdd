/**
 * Cue finding, shared by every language: fixed phrases (longest first), possessive credits
 * ("За його словами"), the language's own cue shapes and speech verbs, each filtered and
 * extended by the language's rules. Cues inside a quotation are the speaker's own words.
 */
import type { Sentence } from '../article';
import { insideQuote, type QuoteSpan } from '../quotes';
import { isCapitalized, span, type Token } from '../text';
import { type Compiled, verbClassOf } from './compiled';
import { type Cue, isWordTok } from './context';
import type { CueCandidate, LanguageRules } from './rules';

/** Finds the cues of one sentence. */
export function findCues(
  text: string,
  s: Sentence,
  c: Compiled,
  rules: LanguageRules,
  quotes: QuoteSpan[],
  isName: (t: Token) => boolean = () => false,
): Cue[] {
  const toks = s.tokens;
  const cues: Cue[] = [];
  const lw = toks.map((t) => t.norm);
  const taken = new Uint8Array(toks.length);
  let titleCase: boolean | undefined;
  const headline = () => {
    titleCase ??= isTitleCase(toks);
    return titleCase;
  };
  const x: CueCandidate = { text, toks, lw, i: 0, c, headline, isName };
  // Only the quotes that overlap this sentence matter (a paragraph may hold many).
  const local = quotes.filter((q) => q.open < s.end && q.close >= s.start);
  const take = (cue: Cue, from: number, to: number) => {
    cues.push(cue);
    for (let k = from; k <= to; k++) taken[k] = 1;
    return to;
  };
  for (let i = 0; i < toks.length; i++) {
    if (taken[i] || !isWordTok(toks[i])) continue;
    // Most words start no cue: one lookup (whole forms are known in advance; verbs matched by
    // stem are looked up among the few stems sharing the word's first letters).
    if (!c.cueStarts.has(lw[i]) && !(c.verbStemsByPrefix.size > 0 && verbClassOf(c, lw[i]))) continue;
    if (local.length && insideQuote(local, toks[i].start)) continue;
    x.i = i;
    const cue = possessiveCue(x) ?? (rules.skipWord(x) ? undefined : (phraseCue(x) ?? rules.languageCue(x)));
    if (cue) {
      i = take(cue, cue.a, cue.b);
      continue;
    }
    if (rules.skipWord(x)) continue;
    const verb = verbCue(x, rules);
    if (verb) take(verb, i, verb.b);
  }
  return cues;
}

/** Possessive source phrase: За його словами → cue [За, словами], source його. */
function possessiveCue({ text, toks, lw, i, c }: CueCandidate): Cue | undefined {
  if (!(c.possPrefixes.has(lw[i]) && c.possPronouns.has(lw[i + 1]) && c.possNouns.has(lw[i + 2])))
    return undefined;
  return {
    a: i,
    b: i + 2,
    spans: [span(text, toks[i].start, toks[i].end), span(text, toks[i + 2].start, toks[i + 2].end)],
    kind: 'according',
    sourceAt: 'none',
    sourceTok: i + 1,
  };
}

/** Fixed phrases, longest first, indexed by their first word. */
function phraseCue({ text, toks, lw, i, c }: CueCandidate): Cue | undefined {
  for (const { words, p } of c.phrasesByFirst.get(lw[i]) ?? []) {
    let ok = true;
    let k = i;
    for (const w of words) {
      while (k < toks.length && !isWordTok(toks[k]) && toks[k].text !== '-') k++;
      if (lw[k] !== w) {
        ok = false;
        break;
      }
      k++;
    }
    if (!ok) continue;
    const b = k - 1;
    return { a: i, b, spans: [span(text, toks[i].start, toks[b].end)], kind: p.kind, sourceAt: p.source };
  }
  return undefined;
}

/** A speech verb (or a multi-word verbal cue), unless the language's rules reject it here. */
function verbCue(x: CueCandidate, rules: LanguageRules): Cue | undefined {
  const verb = rules.verbAt(x);
  if (!verb) return undefined;
  const { lw, i, toks, text } = x;
  // Negated speech carries no content.
  const prev = lw[i - 1] ?? '';
  if (prev === 'не' || prev === 'ні') return undefined;
  if (rules.rejectVerb(x)) return undefined;
  const { b, spanStart, spanEnd } = rules.cueExtent(x, i + verb.extra, verb.extra > 0);
  return {
    a: i,
    b,
    spans: [span(text, toks[spanStart].start, toks[Math.max(b, spanEnd)].end)],
    kind: verb.cls,
    sourceAt: 'auto',
  };
}

/** A headline in title case: most of its longer words capitalised ("Sanders Vows To Eliminate …"). */
function isTitleCase(toks: Token[]): boolean {
  const words = toks.filter((t) => t.kind === 'word' && t.text.length >= 4);
  return words.length >= 3 && words.filter((t) => isCapitalized(t.text)).length >= words.length * 0.8;
}
