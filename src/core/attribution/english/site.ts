/**
 * The state of one English verb cue while its rules run (english/verb.ts): the cue site, what has
 * been found, and the token helpers every English rule uses.
 */
import type { QuoteSpan } from '../../quotes';
import { CLOSE_QUOTES, isCapitalized, span, type Token, trimSpan } from '../../text';
import type { Attribution, Span } from '../../types';
import { type Cue, isWordTok } from '../context';
import { finishAttribution } from '../finish';
import type { CueSite } from '../rules';
import { EN } from '../words';

export interface VerbState {
  site: CueSite;
  source: Span[];
  content: Span[];
  direct: boolean;
  /** The last token left of the verb's auxiliaries and adverbs ("has also said"), or -1. */
  k: number;
  /** The first token of a subject found before the verb, or -1. */
  srcA: number;
  passive: boolean;
  afterCue: Token | undefined;
  /** The index of `afterCue`: past the cue and the words its marked span runs on over ("said Tuesday"). */
  afterAt: number;
  /** Nothing after the verb opens a content of its own ('"…," Trump said.'). */
  clauseFinal: boolean;
}

/** A rule's answer: finished (with an attribution, or null for none), or undefined to go on. */
export type Outcome = { att: Attribution | null } | undefined;

export function newVerbState(site: CueSite): VerbState {
  const { toks, lw, cue } = site;
  let k = cue.a - 1;
  // Auxiliaries and adverbs between subject and verb: "has sharply criticized", "first reported".
  while (
    k >= 0 &&
    (EN.auxiliaries.has(lw(k)) ||
      EN.negations.has(lw(k)) ||
      /n['’]t$/.test(lw(k)) ||
      (/^[a-z]{3,}ly$/.test(lw(k)) && !EN.notAdverbsInLy.has(lw(k)) && !isCapitalized(toks[k].text)) ||
      EN.preVerbWords.has(lw(k)))
  )
    k--;
  // "Joseph R. Biden Jr. responded", "The S.E.C. said": the dot belongs to the name.
  if (k > 0 && nameDot(site, k)) k--;
  // Past the words the cue's marked span runs on over ("said Tuesday."), not its colon.
  const cueEnd = cue.spans[cue.spans.length - 1]?.end ?? 0;
  let after = cue.b + 1;
  while (after < toks.length && isWordTok(toks[after]) && toks[after].end <= cueEnd) after++;
  const afterCue = toks[after];
  const clauseFinal =
    !afterCue ||
    /^[.,;!?…:]$/.test(afterCue.text) ||
    (afterCue.kind === 'quote' && CLOSE_QUOTES.includes(afterCue.text));
  return {
    site,
    source: [],
    content: [],
    direct: false,
    k,
    srcA: -1,
    passive: false,
    afterCue,
    afterAt: after,
    clauseFinal,
  };
}

/** A dot inside a name: "Mr. Kamin", "Rep. G.K. Butterfield", "R-Tenn.", "9/11". */
export function nameDot(site: CueSite, x: number): boolean {
  const { toks, lw } = site;
  const t = toks[x];
  if (!t || !/^[./-]$/.test(t.text) || !isWordTok(toks[x + 1])) return false;
  if (t.end === toks[x + 1].start) return true;
  const w = lw(x - 1);
  return t.text === '.' && (EN.titleAbbreviations.has(w) || /^[a-z]$/.test(w));
}

/** The span of tokens a..b. */
export function span2(site: CueSite, a: number, b: number): Span {
  return span(site.text, site.toks[a].start, site.toks[b].end);
}

export function quoteEndingAt(site: CueSite, tokIdx: number): QuoteSpan | undefined {
  const t = site.toks[tokIdx];
  return t?.kind === 'quote' ? site.quoteAt.closing(t.start) : undefined;
}

export function quoteInner(site: CueSite, q: QuoteSpan): Span | null {
  return trimSpan(site.text, q.open + 1, q.close, ' \t\r\n,');
}

/** The quote or clause that ends right before token endTok (skipping a comma). */
export function beforeClause(v: VerbState, endTok: number): Span | null {
  const { site } = v;
  const { toks, lw, text, s } = site;
  let e = endTok;
  // "…, as a memo put it": the "as" joins the credit, not the content.
  if (lw(e) === 'as' && toks[e - 1]?.text === ',') e--;
  while (e >= 0 && /^[,—–-]$/.test(toks[e].text)) e--;
  const q = quoteEndingAt(site, e) ?? (toks[e]?.text === ',' ? quoteEndingAt(site, e - 1) : undefined);
  if (q) {
    v.direct = true;
    return quoteInner(site, q);
  }
  if (e < 0) return null;
  return trimSpan(text, s.start, toks[e].end, ' \t\r\n,;:—–-"“”');
}

/** Ends the rules with the attribution made of what was found. */
export function finish(v: VerbState): Outcome {
  const { lw, cue } = v.site;
  // "The plan seems to …", "It appeared that …": the writer's judgement, no one else's — unless
  // it seems so to someone ("seems to me").
  const toSomeone = lw(cue.b + 1) === 'to' && EN.objectPronouns.has(lw(cue.b + 2));
  if (EN.seemVerbs.has(lw(cue.a)) && !toSomeone) v.source = [];
  // Generic "you" ("you know", "you'd think") reports no one's words or beliefs.
  if (v.source.length === 1 && /^you$/i.test(v.source[0].text) && cue.kind !== 'say') return { att: null };
  return { att: finishAttribution(v.site, reachContent(v), v.source, v.content, v.direct) };
}

/**
 * As PARC/PolNeAR mark it, the cue runs up to its content: "said in a statement Monday that …",
 * "unleashed a series of tweets saying …", "warned against …" (not past a comma, nor into the
 * source or another sentence).
 */
function reachContent(v: VerbState): Cue {
  const { cue, lw, text, s } = v.site;
  const last = cue.spans[cue.spans.length - 1];
  const from = v.content[0]?.start ?? -1;
  if (from <= last.end || from > s.end) return cue;
  // "told his advisers that": the addressee is not part of the cue.
  if (EN.addresseeNotInCue.has(lw(cue.a))) return cue;
  if (v.source.some((x) => x.start >= last.end && x.start < from)) return cue;
  const gap = text.slice(last.end, from);
  if (/[.!?;"“”«»]/.test(gap) || gap.split(/\s+/).filter(Boolean).length > 10) return cue;
  const end = trimSpan(text, last.start, from, ' \t\r\n,');
  if (!end || end.end <= last.end) return cue;
  return { ...cue, spans: [...cue.spans.slice(0, -1), span(text, last.start, end.end)] };
}
