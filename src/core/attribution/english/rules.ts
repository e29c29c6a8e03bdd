/**
 * English attribution rules: verb cues have their own builder (english/verb.ts); phrase cues
 * ("according to", "citing") go through the shared builder with English word order. "Citing X"
 * credits a source only when X names one; a sentence-initial "According to …" runs to its comma.
 */
import { normalizeWord } from '../../morphology';
import { isCapitalized, trimSpan } from '../../text';
import type { Attribution, Span } from '../../types';
import { buildAttribution } from '../build';
import { firstWordIndex, isWordTok } from '../context';
import { finishAttribution } from '../finish';
import type { CueSite, LanguageRules } from '../rules';
import { EN } from '../words';
import { englishCueRules } from './cues';
import { buildEnglishVerb } from './verb';

const NONE: ReadonlySet<string> = new Set();

/**
 * "citing people familiar", "citing a report", "citing Reuters" name sources; "citing the release
 * of prisoners" gives a reason: the head of what follows decides.
 */
function citesASource(site: CueSite): boolean {
  const { toks, cue, c } = site;
  const after = toks.slice(cue.b + 1, cue.b + 8).filter((t) => isWordTok(t));
  let h = 0;
  while (h < after.length - 1 && EN.citedModifiers.has(after[h].norm)) h++;
  return after
    .slice(h, h + 3)
    .some((t, j) => c.anonymous.has(t.norm) || c.documents.has(t.norm) || (j === 0 && isCapitalized(t.text)));
}

/** "According to the officer in charge of the base that night, the team …": the credit runs to its comma. */
function accordingAtStart(site: CueSite): Attribution | null | undefined {
  const { toks, cue, text, s } = site;
  if (cue.kind !== 'according' || cue.a !== firstWordIndex(toks)) return undefined;
  let comma = -1;
  for (let x = cue.b + 1; x < toks.length && x - cue.b <= 25; x++) {
    if (toks[x].kind === 'quote' || /^[;:.!?]$/.test(toks[x].text)) break;
    if (toks[x].text === ',') {
      comma = x;
      break;
    }
  }
  const src = comma > cue.b + 1 ? trimSpan(text, toks[cue.b + 1].start, toks[comma].start) : null;
  const rest = comma > 0 ? trimSpan(text, toks[comma].end, s.end, ' \t\r\n.;:,') : null;
  if (src && rest && comma + 2 < toks.length) return finishAttribution(site, cue, [src], [rest], false);
  return undefined;
}

function build(site: CueSite): Attribution | null {
  let { cue } = site;
  if (
    cue.kind === 'citation' &&
    EN.citingVerbs.has(normalizeWord(cue.spans[0].text)) &&
    !citesASource(site)
  ) {
    cue = { ...cue, kind: 'say', sourceAt: 'auto' };
    site = { ...site, cue };
  }
  if (cue.sourceAt === 'auto') return buildEnglishVerb(site);
  const according = accordingAtStart(site);
  return according !== undefined ? according : buildAttribution(site);
}

/** "said John Smith, a spokesman" is cut at the comma already; also drop a trailing "on Monday". */
function trimSourceAfter({ toks }: CueSite, r: [number, number]): [number, number] {
  let b = r[1];
  for (let x = r[0] + 1; x <= b; x++) {
    if (EN.appositiveCutWords.has(toks[x].text.toLowerCase())) {
      b = x - 1;
      break;
    }
  }
  return [r[0], Math.max(r[0], b)];
}

/** "He’s", "I've": the contracted verb is not the source's. */
function finishSource(source: Span[]): Span[] {
  return source.map((x) => {
    const m = /(?<=(?:^|\s)(?:he|she|it|who|that|there|what|i|we|they|you))['’](?:s|ve|m|re|d|ll)$/i.exec(
      x.text,
    );
    return m ? { start: x.start, end: x.end - m[0].length, text: x.text.slice(0, -m[0].length) } : x;
  });
}

export const englishRules: LanguageRules = {
  ...englishCueRules,
  build,
  sourceLeadWords: EN.sourceLeadWords,
  nounishVerbs: EN.nounishVerbs,
  sourceBreakWords: NONE,
  adverbsBeforeVerb: false,
  quotedNameSubject: false,
  quoteCommaInverts: true,
  aboutThisOpener: undefined,
  commaAlwaysInverts: true,
  postposedSubjectInverts: true,
  subjectBeforeInvertedVerb: true,
  trimSourceAfter,
  appositiveSubject: false,
  spacedInitials: false,
  coordinators: NONE,
  continuesLastSubject: false,
  colonContinuesSubject: false,
  addresseeVerbs: EN.tellVerbs,
  complementizerInContent: true,
  delayedComplementizer: false,
  beliefSmallClause: false,
  bareContentVerbs: { say: EN.sayContentVerbs, belief: EN.beliefContentVerbs },
  bareContentStops: new Set(),
  notSpeakerWords: EN.headlineNotSpeaker,
  creditNeedsEntityAfterThe: true,
  isGerund: () => false,
  finishSource,
};
