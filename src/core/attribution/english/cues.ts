/**
 * English cue rules: attitude adjectives after a copula ("is confident that"), colon verbs
 * ("continued:"), multi-word cues ("pointed out", "went on to explain"), the filters that keep
 * noun homographs, names and formulas out, and the cue's extent as PolNeAR marks it (auxiliaries,
 * adverbs, a particle, a channel, a day word and a colon).
 */

import { alternation } from '../../lexicon';
import { isCapitalized, OPEN_QUOTES, span } from '../../text';
import { verbClassOf } from '../compiled';
import { type Cue, firstWordIndex, isWordTok } from '../context';
import type { CueCandidate, CueRules } from '../rules';
import { COMMON, EN } from '../words';

/** " in a statement", " in an emailed statement": the channel a cue takes into its span. */
const CHANNEL = new RegExp(
  `^ in an? (?:(?:${alternation(COMMON.statementModifiers)})\\s)?(?:${alternation(COMMON.statementNouns)})\\b`,
  'i',
);

function attitudeCue({ text, toks, lw, i, c }: CueCandidate): Cue | undefined {
  // "is confident that", "were worried about": a copula and an attitude adjective.
  if (
    !(
      c.attitudeAdjectives.has(lw[i]) &&
      i > 0 &&
      (EN.copulas.has(lw[i - 1]) || /['’](re|m)$/.test(lw[i - 1]))
    )
  )
    return undefined;
  const nx = lw[i + 1] ?? '';
  const prep = EN.attitudePrepositions.has(nx);
  if (!(prep || nx === 'that' || toks[i + 1]?.text === ':' || toks[i + 1]?.kind === 'quote'))
    return undefined;
  const b = prep ? i + 1 : i;
  let a = i - 1;
  while (a > 0 && EN.auxiliaries.has(lw[a - 1])) a--;
  return { a: i - 1, b, spans: [span(text, toks[a].start, toks[b].end)], kind: 'belief', sourceAt: 'auto' };
}

function verbAt({ toks, lw, i, c }: CueCandidate) {
  let cls = verbClassOf(c, lw[i]);
  const colonRest = !cls ? c.colonForms.get(lw[i]) : undefined;
  if (colonRest?.every((w, j) => lw[i + 1 + j] === w)) {
    const nx = toks[i + 1 + colonRest.length];
    if (nx && (nx.text === ':' || (nx.kind === 'quote' && OPEN_QUOTES.includes(nx.text)))) cls = 'say';
  }
  // A multi-word cue ("made clear", "pointed out") wins over its first word alone.
  let multi = c.multiWordCues.get(lw[i])?.find((e) => e.rest.every((w, j) => lw[i + 1 + j] === w));
  // "went on to explain", "goes on to say": the cue verb after "go on to".
  if (!multi && EN.goOn.has(lw[i]) && lw[i + 1] === 'on' && lw[i + 2] === 'to') {
    const v = verbClassOf(c, lw[i + 3] ?? '');
    if (v) multi = { rest: ['on', 'to', lw[i + 3]], cls: v };
  }
  if (multi) cls = multi.cls;
  return cls ? { cls, extra: multi ? multi.rest.length : 0 } : undefined;
}

/** A noun-like verb is a cue only after its subject ("Clinton wants", "critics worry"). */
function nounishWithoutSubject({ toks, lw, i, c, isName }: CueCandidate): boolean {
  if (!EN.nounishVerbs.has(lw[i])) return false;
  const prev = lw[i - 1] ?? '';
  const subject =
    c.pronouns.has(prev) ||
    // A name before it, also at the sentence's start ("Clinton wants"), but not a capitalised
    // function word ("The plan", "Many hopes").
    (isCapitalized(toks[i - 1]?.text ?? '') && (i - 1 !== firstWordIndex(toks) || isName(toks[i - 1]))) ||
    // A plural subject before a plural verb: "critics worry", "voters want".
    (/[^su]s$/.test(prev) && !/s$/.test(lw[i]) && isWordTok(toks[i - 1]) && toks[i - 2]?.text !== 'of') ||
    prev === 'also' ||
    // "A Bloomberg poll shows that …", "Video shows …", "the data suggest …"
    ((c.documents.has(prev) || EN.evidenceNouns.has(prev)) && EN.evidenceVerbs.has(lw[i]));
  return !subject;
}

/** A name given, not words reported: "a group called X", "the so called Never Trumpers" (not "what he called"). */
function namesSomething({ toks, lw, i, c }: CueCandidate): boolean {
  if (!EN.namingVerbs.has(lw[i]) || EN.namingObjects.has(lw[i + 1] ?? '')) return false;
  const before = toks[i - 1]?.text === ',' ? i - 2 : i - 1;
  const w = lw[before] ?? '';
  const t = toks[before];
  return (
    w === 'so' ||
    (!!t &&
      isWordTok(t) &&
      !isCapitalized(t.text) &&
      !c.pronouns.has(w) &&
      !EN.auxiliaries.has(w) &&
      !/ly$/.test(w) &&
      !EN.namingNotAfter.has(w))
  );
}

function rejectVerb(x: CueCandidate): boolean {
  const { toks, lw, i } = x;
  const prev = lw[i - 1] ?? '';
  // A verb right after "to" or a modal is an infinitive of intent, not a report.
  if (EN.modalsBeforeVerb.has(prev)) return true;
  // A capitalised verb is a name's word (The New York Post), except in a headline in title case.
  if (isCapitalized(toks[i].text) && i !== firstWordIndex(toks) && !x.headline()) return true;
  if (nounishWithoutSubject(x)) return true;
  if (EN.determiners.has(prev)) return true; // "the report"
  // Discourse formulas, not reports: "Having said that", "That said,", "needless to say".
  if (
    (lw[i] === 'said' || lw[i] === 'say') &&
    (EN.discourseSaid.has(prev) || (prev === 'that' && toks[i + 1]?.text === ','))
  )
    return true;
  return namesSomething(x);
}

/** An adverb in -ly that may stand inside a cue ("has publicly said"), not "only", "early", "family". */
const cueAdverb = (w: string) => /^[a-z]{3,}ly$/.test(w) && !EN.notAdverbsInLy.has(w);

/**
 * The cue takes its auxiliaries and adverbs ("has also said"), a particle ("called for",
 * "pointed to") and a channel ("said in a statement"), as PolNeAR marks them; the marked span
 * also takes "Friday", "Thursday morning", "then" and a colon ("said:"), which the source and
 * content rules read past.
 */
function cueExtent({ text, toks, lw, i }: CueCandidate, b: number, multi: boolean) {
  let spanStart = i;
  const before = (k: number) => lw[k - 1];
  while (
    spanStart > 0 &&
    (EN.auxiliaries.has(before(spanStart)) ||
      EN.negations.has(before(spanStart)) ||
      cueAdverb(before(spanStart)) ||
      /n['’]t$/.test(before(spanStart)))
  )
    spanStart--;
  if (!multi && EN.cueParticles.has(lw[i + 1] ?? '') && EN.particleVerbs.has(lw[i])) b = i + 1;
  const m = CHANNEL.exec(text.slice(toks[b].end, toks[b].end + 60));
  if (m) {
    const endPos = toks[b].end + m[0].length;
    while (b + 1 < toks.length && toks[b + 1].end <= endPos) b++;
  }
  let spanEnd = b;
  while (EN.cueTimeWords.has(lw[spanEnd + 1] ?? '')) spanEnd++;
  if (toks[spanEnd + 1]?.text === ':' && toks[spanEnd + 1].start === toks[spanEnd].end) spanEnd++;
  return { b, spanStart, spanEnd };
}

export const englishCueRules: CueRules = {
  // "his view": a noun.
  skipWord: ({ lw, i }) => lw[i + 1] === 'view' && (lw[i] === 'his' || lw[i] === 'her' || lw[i] === 'their'),
  languageCue: attitudeCue,
  verbAt,
  rejectVerb,
  cueExtent,
};
