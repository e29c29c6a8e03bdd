/**
 * The one small interface behind which each language keeps its attribution rules; the shared
 * code (cues.ts, source.ts, content.ts, build.ts) reads these hooks and properties and never asks
 * which language it is. English: english/rules.ts; Ukrainian and Russian: ukRuRules.ts.
 */

import type { Sentence } from '../article';
import type { VerbClass } from '../lexicon';
import type { QuoteIndex, QuoteSpan } from '../quotes';
import type { Token } from '../text';
import type { Attribution, Span } from '../types';
import type { Compiled } from './compiled';
import type { AttributionContext, Cue, MentionIndex, Sibling } from './context';

/** A word being considered as the start of a cue. */
export interface CueCandidate {
  text: string;
  toks: Token[];
  /** Normal forms of the sentence's tokens. */
  lw: string[];
  i: number;
  c: Compiled;
  /** The sentence is a headline in title case (computed on demand). */
  headline: () => boolean;
  /** The token is (part of) a person's or organisation's name the entity pass found. */
  isName: (t: Token) => boolean;
}

export interface CueRules {
  /** A word that starts no cue here, before any phrase is tried ("his view"). */
  skipWord(x: CueCandidate): boolean;
  /** A cue of the language's own shape: "Як повідомив X", "is confident that". */
  languageCue(x: CueCandidate): Cue | undefined;
  /** The speech-verb class of the word, and how many words a multi-word cue adds after it. */
  verbAt(x: CueCandidate): { cls: VerbClass; extra: number } | undefined;
  /** A verb form that is no cue in its place (a noun homograph, part of a name, a formula). */
  rejectVerb(x: CueCandidate): boolean;
  /** The cue's last token and its marked span, as the language's annotation marks it. */
  cueExtent(x: CueCandidate, b: number, multi: boolean): { b: number; spanStart: number; spanEnd: number };
}

/** How the shared source and content rules behave in a language. */
export interface SiteRules {
  /** Words a source never starts with ("У Білому домі" → "Білому домі", "and officials"). */
  sourceLeadWords: ReadonlySet<string>;
  /** Verbs that are as often nouns: such a word does not end a source after its cue. */
  nounishVerbs: ReadonlySet<string>;
  /** Short words that end a source after its cue unless a capitalised word follows (про, що). */
  sourceBreakWords: ReadonlySet<string>;
  /** Adverbs in -но/-ло… stand between a subject and its verb («Газпром» офіційно поінформував). */
  adverbsBeforeVerb: boolean;
  /** A short quoted name right before the verb is its subject («Газпром» заявив). */
  quotedNameSubject: boolean;
  /** '"…," he said': a comma after a closing quote inverts the cue. */
  quoteCommaInverts: boolean;
  /** "Про це … повідомляє X": the content is the previous sentence. */
  aboutThisOpener: RegExp | undefined;
  /** Any comma or dash before the cue inverts it (else only before a postposed subject). */
  commaAlwaysInverts: boolean;
  /** A name after the cue inverts it ('…, said Smith'). */
  postposedSubjectInverts: boolean;
  /** '"…," he said': a pronoun or name before an inverted verb is its source. */
  subjectBeforeInvertedVerb: boolean;
  /** Cuts a source found after the cue at a time or clause word ("said Smith on Monday"). */
  trimSourceAfter: ((site: CueSite, r: [number, number]) => [number, number]) | undefined;
  /** "Монтедуро, директор ACN, розповів": the name and its appositive are the source. */
  appositiveSubject: boolean;
  /** "сказав А. Монтедуро": a capital and a dot before a name is an initial, spaced or not. */
  spacedInitials: boolean;
  /** Words that coordinate a second verb with the sentence's subject ("і заявив"). */
  coordinators: ReadonlySet<string>;
  /** A subjectless verb opening a sentence continues the last sentence's source. */
  continuesLastSubject: boolean;
  /** A singular verb after a colon continues the sentence's subject. */
  colonContinuesSubject: boolean;
  /** Verbs whose addressee stands between them and the content ("told reporters that"). */
  addresseeVerbs: ReadonlySet<string>;
  /** The complementizer belongs to the content ("that …" in English, not "що …"). */
  complementizerInContent: boolean;
  /** "заявила в інтерв'ю BBC, що …": a short circumstance between the cue and its "що". */
  delayedComplementizer: boolean;
  /** "вважає кращим варіантом, якщо …": the small clause after a belief verb is its content. */
  beliefSmallClause: boolean;
  /** Say and belief verbs whose object clause is their content without "that". */
  bareContentVerbs: { say: ReadonlySet<string>; belief: ReadonlySet<string> };
  /** Words after a bare-content verb that are no content ("заперечують проти", "спростували це"). */
  bareContentStops: ReadonlySet<string>;
  /** A headline credit's words that show it is a label or kicker, not a speaker. */
  notSpeakerWords: ReadonlySet<string>;
  /** "The Latest:": a credit opening with "the" needs a known entity. */
  creditNeedsEntityAfterThe: boolean;
  /** A gerund has no subject of its own: a comma before it never inverts it ("Президент, відповідаючи …"). */
  isGerund: (word: string) => boolean;
  /** The last touch to a source (English: "He’s" → "He"). */
  finishSource(source: Span[]): Span[];
}

export interface LanguageRules extends CueRules, SiteRules {
  /** Builds a cue site's attribution (English verbs have a builder of their own). */
  build(site: CueSite): Attribution | null;
}

/** One cue in its sentence. */
export interface CueSite {
  ctx: AttributionContext;
  c: Compiled;
  rules: LanguageRules;
  cue: Cue;
  /** The sentence, its index among the article's analysed sentences, and those sentences. */
  s: Sentence;
  si: number;
  sents: Sentence[];
  /** The quotations that overlap the sentence. */
  quotes: QuoteSpan[];
  /** The paragraph's quotations by the offset of their opening or closing mark. */
  quoteAt: QuoteIndex;
  mentionAt: MentionIndex;
  /** The source of the last attribution before this sentence (a subjectless verb continues it). */
  lastSubject: Span[];
  /** Attributions already built in this sentence. */
  siblings: Sibling[];
  /** Token indexes of every cue in the sentence. */
  cueTokens: Set<number>;
  text: string;
  toks: Token[];
  /** The normal form of token i ('' past either end). */
  lw: (i: number) => string;
}

/** A cue site; the sites of one sentence's cues differ only in their cue. */
export function makeSite(f: Omit<CueSite, 'text' | 'toks' | 'lw'>): CueSite {
  const toks = f.s.tokens;
  // Written out field by field: a spread of this many fields is slow in V8's hot loop.
  return {
    ctx: f.ctx,
    c: f.c,
    rules: f.rules,
    cue: f.cue,
    s: f.s,
    si: f.si,
    sents: f.sents,
    quotes: f.quotes,
    quoteAt: f.quoteAt,
    mentionAt: f.mentionAt,
    lastSubject: f.lastSubject,
    siblings: f.siblings,
    cueTokens: f.cueTokens,
    text: f.ctx.text,
    toks,
    lw: (i) => (toks[i] ? toks[i].norm : ''),
  };
}
