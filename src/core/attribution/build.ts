/**
 * The attribution of a cue that is not an English verb (phrases in every language, and the
 * Ukrainian/Russian verbs): is the cue inverted (after a quote, a comma, "Про це …")? then its
 * source (source.ts) and its content (content.ts).
 */
import { normalizeWord } from '../morphology';
import type { QuoteSpan } from '../quotes';
import { CLOSE_QUOTES, isCapitalized, span } from '../text';
import type { Attribution, Span } from '../types';
import { type Found, findContent, type Shape } from './content';
import { firstWordIndex, isWordTok } from './context';
import { finishAttribution } from './finish';
import type { CueSite } from './rules';
import {
  appositiveBefore,
  expandLeft,
  isAdverbBeforeVerb,
  isPostposedSubject,
  nameEndBefore,
  sourceAfter,
  sourceBefore,
  subjectEnd,
  type TokenRange,
} from './source';
import { UK_RU } from './words';

export function buildAttribution(site: CueSite): Attribution | null {
  const shape = shapeOf(site);
  const found: Found = { source: [], content: [], direct: false, sourceEnd: site.cue.b, inverted: false };
  findSource(site, shape, found);
  findContent(site, shape, found);
  return finishAttribution(site, site.cue, found.source, found.content, found.direct, found.kindHint);
}

function quoteBeforeCue(site: CueSite): QuoteSpan | undefined {
  const { toks, cue, text, rules } = site;
  let k = cue.a - 1;
  while (k >= 0 && toks[k].kind === 'punct' && /^[,\-–—]$/.test(toks[k].text)) k--;
  if (k >= 0 && toks[k].kind === 'quote' && CLOSE_QUOTES.includes(toks[k].text)) {
    const q = site.quoteAt.closing(toks[k].start);
    // «Газпром» заявив: a short quoted name right before the verb is its subject, not a quotation.
    const inner = q ? text.slice(q.open + 1, q.close) : '';
    if (
      rules.quotedNameSubject &&
      k === cue.a - 1 &&
      /^\p{Lu}/u.test(inner) &&
      inner.split(/\s+/).length <= 5 &&
      !/[.!?…,:]$/.test(inner)
    )
      return undefined;
    return q;
  }
  // '"…," he said' / 'said he'
  if (rules.quoteCommaInverts && k >= 0 && toks[k].text === ',' && toks[k - 1]?.kind === 'quote')
    return site.quoteAt.closing(toks[k - 1].start);
  return undefined;
}

function shapeOf(site: CueSite): Shape {
  const { toks, cue, text, s, c, lw, rules, cueTokens } = site;
  const aboutThis =
    !!rules.aboutThisOpener?.test(text.slice(s.start, s.end)) &&
    !c.complementizers.has(lw(cue.b + 1)) &&
    !c.complementizers.has(lw(cue.b + 2));
  let before = cue.a - 1;
  while (before > 0 && isAdverbBeforeVerb(toks, lw, before)) before--;
  const aboutThisSubject = aboutThis && before > 1 && c.pronouns.has(lw(before)) && !cueTokens.has(before);
  // A comma before the cue inverts it only when a subject follows ("…, передає Укрінформ"); in
  // "Монтедуро, директор ACN, розповів на зустрічі, що …" the comma closes an appositive.
  // Nor does it before an aside's end when the content follows: "На політбюро, зокрема,
  // констатували, що …".
  const prevTok = toks[cue.a - 1];
  const thatFollows =
    c.complementizers.has(lw(cue.b + 1)) ||
    (toks[cue.b + 1]?.text === ',' && c.complementizers.has(lw(cue.b + 2)));
  const commaBefore =
    !!prevTok &&
    !rules.isGerund(lw(cue.a)) &&
    /^[,\-–—]$/.test(prevTok.text) &&
    (rules.commaAlwaysInverts ||
      prevTok.text !== ',' ||
      isPostposedSubject(toks, cue.b, c) ||
      (appositiveBefore(site, cue.a - 1) < 0 && !(thatFollows && asideBefore(site, cue.a - 1) > 0)));
  return { quoteBefore: quoteBeforeCue(site), aboutThis, aboutThisSubject, commaBefore };
}

function findSource(site: CueSite, shape: Shape, found: Found): void {
  const { toks, cue, text, c, rules } = site;
  const inverted =
    cue.sourceAt === 'after' ||
    (cue.sourceAt === 'auto' &&
      (!!shape.quoteBefore ||
        shape.commaBefore ||
        (shape.aboutThis && !shape.aboutThisSubject) ||
        (rules.postposedSubjectInverts && isPostposedSubject(toks, cue.b, c))));
  if (cue.sourceTok !== undefined) {
    found.source = [span(text, toks[cue.sourceTok].start, toks[cue.sourceTok].end)];
  } else if (inverted) {
    found.inverted = cue.sourceAt === 'auto';
    invertedSource(site, found);
  } else if (cue.sourceAt === 'auto') subjectSource(site, found);
}

/** The source of an inverted cue: after it ("…, передає Укрінформ"), or a pronoun before it ('"…," he said'). */
function invertedSource(site: CueSite, found: Found): void {
  const { toks, cue, text, c, lw, rules } = site;
  const prevTok = toks[cue.a - 1];
  let r: TokenRange | null;
  if (
    rules.subjectBeforeInvertedVerb &&
    found.inverted &&
    cue.a >= 1 &&
    isWordTok(prevTok) &&
    (c.pronouns.has(lw(cue.a - 1)) || isCapitalized(prevTok.text))
  )
    r = sourceBefore(site, cue.a - 1);
  else r = sourceAfter(site, cue.b + 1);
  if (!r) return;
  if (rules.trimSourceAfter && r[0] > cue.b) r = rules.trimSourceAfter(site, r);
  found.source = [span(text, toks[r[0]].start, toks[r[1]].end)];
  if (r[0] > cue.b) found.sourceEnd = r[1];
}

/** The subject before the cue, or what a subjectless verb continues. */
function subjectSource(site: CueSite, found: Found): void {
  const { toks, cue, text, c, rules, siblings, lastSubject } = site;
  // The subject ends before any adverb or circumstance next to the verb.
  const end = cue.a > 0 ? subjectEnd(site, cue.a - 1) : -1;
  const prevTok = toks[end];
  // "МЗС засудило удар і заявило": a verb after a coordinator continues the sentence's subject
  // (below), whatever stands between.
  const coordinated = !!prevTok && rules.coordinators.has(prevTok.text.toLowerCase());
  let r = cue.a > 0 && !coordinated ? sourceBefore(site, cue.a - 1) : null;
  // "Алессандро Монтедуро, директор ACN, розповів": the name and its appositive.
  if (rules.appositiveSubject && prevTok?.text === ',') {
    const first = appositiveBefore(site, end);
    const np = first > 0 ? sourceBefore(site, nameEndBefore(toks, first)) : null;
    if (np) r = [np[0], end - 1];
    // "На політбюро, зокрема, констатували": the subject (or the place of saying) before an aside.
    const aside = r ? -1 : asideBefore(site, end);
    if (aside > 0) r = sourceBefore(site, aside - 1);
  }
  // "X із посиланням на Y писало": Y belongs to the citation; the verb's source is X.
  const range = r;
  const cit =
    range &&
    siblings.find(
      (x) =>
        x.cue.kind === 'citation' &&
        x.att.source.length &&
        x.att.source[0].start <= toks[range[0]].start &&
        x.att.source[0].end >= toks[range[1]].end,
    );
  if (cit && cit.cue.a > 0) r = sourceBefore(site, cit.cue.a - 1);
  if (r) {
    found.source = [...correlativePlaces(site, r[0]), span(text, toks[r[0]].start, toks[r[1]].end)];
    // "У міністерстві заявили", "На політбюро констатували": said *in* a body, by the body.
    if (r[0] > 0 && LOCATIVE.has(toks[r[0] - 1].norm) && /(ли|ють|ять)$/.test(site.lw(cue.a)))
      found.kindHint = 'organisation';
  } else if (coordinated) found.source = coordinatedSubject(site);
  else if (
    rules.continuesLastSubject &&
    cue.a === firstWordIndex(toks) &&
    !c.impersonal.has(normalizeWord(toks[cue.a].text)) &&
    lastSubject.length
  )
    found.source = lastSubject;
  else if (rules.colonContinuesSubject && prevTok?.text === ':' && !/(ли|ють|ять|ться)$/.test(site.lw(cue.a)))
    found.source = colonSubject(site);
}

/**
 * "І в Москві, і в Пхеньяні заперечують": places joined by a repeated "і в" (or "ні в") before
 * the one next to the verb are its sources too (returned in text order).
 */
function correlativePlaces(site: CueSite, first: number): Span[] {
  const { toks, lw, text } = site;
  const out: Span[] = [];
  let at = first;
  while (LOCATIVE.has(lw(at - 1)) && CORRELATIVE.has(lw(at - 2)) && toks[at - 3]?.text === ',') {
    let a = at - 4;
    while (a > 0 && isWordTok(toks[a - 1]) && !LOCATIVE.has(lw(a - 1)) && at - 4 - a < 4) a--;
    if (!(LOCATIVE.has(lw(a - 1)) && CORRELATIVE.has(lw(a - 2)) && isWordTok(toks[a]))) break;
    out.unshift(span(text, toks[a].start, toks[at - 4].end));
    at = a;
  }
  return out;
}

/**
 * ", зокрема," ending at the comma `comma`: the opening comma of an aside of a few lower-case
 * words, else -1. Up to three words any aside; up to five one that opens with a gerund or a
 * relative word ("Президент, відповідаючи на запитання журналістів, сказав", "Керівник банку,
 * що побажав залишитися неназваним, розповів"), not a clause or a phrase of another kind
 * ("наступного дня, коли видання опублікувало новину, в лікарні повідомили").
 */
function asideBefore(site: CueSite, comma: number): number {
  const { toks, lw, rules } = site;
  for (let x = comma - 1; x > 0 && comma - x <= 6; x--) {
    if (toks[x].text === ',') {
      const long = comma - x > 4 && !rules.isGerund(lw(x + 1)) && !UK_RU.relativeOpeners.has(lw(x + 1));
      return x < comma - 1 && !long ? x : -1;
    }
    if (!isWordTok(toks[x]) || isCapitalized(toks[x].text)) return -1;
  }
  return -1;
}

/**
 * A coordinated cue ("… і заявив"): the sentence's subject, the first person or organisation
 * named before the cue outside any parenthetical credit, else a sibling's source.
 */
function coordinatedSubject(site: CueSite): Span[] {
  const { toks, cue, text, siblings, mentionAt } = site;
  const skipTo = Math.max(
    -1,
    ...siblings
      .filter((x) => x.cue.kind === 'parenthetical' || x.cue.kind === 'according')
      .map((x) =>
        x.att.source.length
          ? toks.findIndex((t) => t.start >= x.att.source[x.att.source.length - 1].end)
          : x.cue.b,
      ),
  );
  const cands = mentionAt(toks[Math.max(0, skipTo)].start, toks[cue.a].start).filter(
    (m) => !(skipTo >= 0 && m.start < toks[skipTo].start),
  );
  const subj = cands.find((m) => m.entity.type !== 'LOC') ?? cands[0];
  if (!subj) return siblings.find((x) => x.att.source.length)?.att.source ?? [];
  const ia = toks.findIndex((t) => t.start === subj.start);
  const ib = toks.findIndex((t) => t.end >= subj.end);
  const [a2] = expandLeft(site, ia, ib);
  // Extend right over the rest of a multi-word name (Кім Чен Ин).
  let b2 = ib;
  for (const m of mentionAt(toks[ib].start, toks[cue.a].start))
    if (m.start === toks[ib + 1]?.start && m.entity === subj.entity)
      b2 = toks.findIndex((t) => t.end >= m.end);
  return [span(text, toks[a2].start, toks[b2].end)];
}

/** VERB_PAST: a Ukrainian/Russian past-tense verb right after a sentence's first word marks it as its subject. */
const LOCATIVE = new Set(['у', 'в', 'на', 'во']);
const CORRELATIVE = new Set(['і', 'й', 'та', 'ні', 'и', 'ни']);

const VERB_PAST = /(ав|ив|ів|ла|ли|ло|ал|ил|ел)$/;

/**
 * "Трамп відреагував на перемогу Байдена: каже, що …": a singular verb after a colon continues the
 * sentence's subject.
 */
function colonSubject(site: CueSite): Span[] {
  const { toks, cue, text, s, c, lw, mentionAt } = site;
  const subj = mentionAt(s.start, toks[cue.a].start).find(
    (m) => m.entity.type === 'PER' || m.entity.type === 'ORG',
  );
  // The sentence's first word, when it is a name the entity pass left alone ("Трамп відреагував").
  const f = firstWordIndex(toks);
  const firstName =
    isCapitalized(toks[f].text) &&
    !c.stopCapitalized.has(toks[f].text) &&
    !mentionAt(toks[f].start, toks[f].end).length &&
    VERB_PAST.test(lw(f + 1));
  if (firstName && (!subj || subj.start > toks[f].start)) return [span(text, toks[f].start, toks[f].end)];
  return subj ? [span(text, subj.start, subj.end)] : [];
}
