/**
 * Ukrainian and Russian attribution rules: "Як повідомив X, …" as a cue, verbs matched by stem,
 * and the shared source and content rules with the Slavic word order (a name with its appositive
 * before the verb, "Про це …" pointing back, a subjectless verb continuing the last subject,
 * "що" after a short circumstance).
 */
import { isCapitalized, span } from '../text';
import { buildAttribution } from './build';
import { verbClassOf } from './compiled';
import { firstWordIndex, isWordTok } from './context';
import type { CueCandidate, CueSite, LanguageRules } from './rules';
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

/**
 * "— сказав Шмигаль журналістам після засідання": a source after its verb ends with the name it
 * holds when what follows the name is an addressee, a time or a place of saying (a preposition
 * such as після, на, від), not the rest of a name ("Державна служба України з надзвичайних
 * ситуацій", "Центр медіа розслідувань").
 */
function endAtName({ toks, mentionAt, c }: CueSite, r: [number, number]): [number, number] {
  // A document keeps what follows its name: "заяві Ryanair від 11 вересня" (of that date).
  if (c.documents.has(toks[r[0]].norm)) return r;
  const m = mentionAt(toks[r[0]].start, toks[r[1]].end)[0];
  if (!m) return r;
  let end = r[0];
  while (end < r[1] && toks[end + 1].end <= m.end) end++;
  if (toks[end].end !== m.end || end === r[1] || !UK_RU.afterNameCuts.has(toks[end + 1].norm)) return r;
  // An addressee ends the name whatever follows ("Г.Блюмель журналістам у Брюсселі").
  if (UK_RU.addresseeCuts.has(toks[end + 1].norm)) return [r[0], end];
  for (let k = end + 1; k <= r[1]; k++) if (!isWordTok(toks[k]) || isCapitalized(toks[k].text)) return r;
  return [r[0], end];
}

/** A gerund's endings (відповідаючи, заявивши). */
const GERUND = new RegExp(`(${[...UK_RU.gerundEndings].join('|')})$`);

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
  trimSourceAfter: endAtName,
  appositiveSubject: true,
  spacedInitials: true,
  coordinators: UK_RU.coordinators,
  continuesLastSubject: true,
  colonContinuesSubject: true,
  addresseeVerbs: NONE,
  complementizerInContent: false,
  delayedComplementizer: true,
  beliefSmallClause: true,
  // Denials take their object as content: "І в Москві, і в Пхеньяні заперечують домовленості …".
  bareContentVerbs: { say: UK_RU.denialVerbs, belief: NONE },
  bareContentStops: UK_RU.bareContentStops,
  notSpeakerWords: NONE,
  creditNeedsEntityAfterThe: false,
  isGerund: (w) => GERUND.test(w),
  finishSource: (source) => source,
};
