/**
 * Ukrainian and Russian attribution rules: "Як повідомив X, …" as a cue, verbs matched by stem,
 * and the shared source and content rules with the Slavic word order (a name with its appositive
 * before the verb, "Про це …" pointing back, a subjectless verb continuing the last subject,
 * "що" after a short circumstance).
 */
import { span } from '../text';
import { buildAttribution } from './build';
import { verbClassOf } from './compiled';
import { firstWordIndex, isWordTok } from './context';
import type { CueCandidate, LanguageRules } from './rules';
import { UK_RU } from './words';

const NONE: ReadonlySet<string> = new Set();

/** "Як повідомив X, …", "Как сообщил X, …": як/как + any speech verb is a parenthetical credit. */
function parentheticalAs({ text, toks, lw, i, c }: CueCandidate) {
  if (
    !UK_RU.parentheticalAs.has(lw[i]) ||
    !isWordTok(toks[i + 1]) ||
    verbClassOf(c, lw[i + 1]) !== 'say' ||
    !(i === firstWordIndex(toks) || toks[i - 1]?.text === ',')
  )
    return undefined;
  return {
    a: i,
    b: i + 1,
    spans: [span(text, toks[i].start, toks[i + 1].end)],
    kind: 'parenthetical' as const,
    sourceAt: 'after' as const,
  };
}

export const ukRuRules: LanguageRules = {
  build: buildAttribution,
  skipWord: () => false,
  languageCue: parentheticalAs,
  verbAt: ({ c, lw, i }) => {
    const cls = verbClassOf(c, lw[i]);
    return cls ? { cls, extra: 0 } : undefined;
  },
  rejectVerb: () => false,
  cueExtent: ({ i }, b) => ({ b, spanStart: i, spanEnd: b }),
  sourceLeadWords: UK_RU.sourceLeadWords,
  nounishVerbs: NONE,
  sourceBreakWords: UK_RU.sourceBreakWords,
  adverbsBeforeVerb: true,
  quotedNameSubject: true,
  quoteCommaInverts: false,
  aboutThisOpener: /^(про це|об этом|про що)\s/i,
  commaAlwaysInverts: false,
  postposedSubjectInverts: false,
  subjectBeforeInvertedVerb: false,
  trimSourceAfter: undefined,
  appositiveSubject: true,
  coordinators: UK_RU.coordinators,
  continuesLastSubject: true,
  colonContinuesSubject: true,
  addresseeVerbs: NONE,
  complementizerInContent: false,
  delayedComplementizer: true,
  beliefSmallClause: true,
  bareContentVerbs: { say: NONE, belief: NONE },
  notSpeakerWords: NONE,
  creditNeedsEntityAfterThe: false,
  finishSource: (source) => source,
};
