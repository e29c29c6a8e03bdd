/**
 * The subject of an English verb cue, found left of the verb: the agent of a passive ("by …"), a
 * relative pronoun ("…, who cited"), a noun phrase back to its clause's start over appositives
 * ("Sen. David Perdue (R-Ga.) said", "Donald Trump, her opponent, said") and past asides
 * ("Trump, speaking to veterans, said"), without what stands around it.
 */

import { isCapitalized, span, trimSpan } from '../../text';
import { verbClassOf } from '../compiled';
import { CLAUSE_STOP, isWordTok } from '../context';
import { EN } from '../words';
import { nameDot, span2, type VerbState } from './site';

export function findSubject(v: VerbState): void {
  const { toks, lw, cue } = v.site;
  const auxWords = toks.slice(v.k + 1, cue.a).map((t) => t.norm);
  v.passive = auxWords.some((w) => EN.passiveAuxiliaries.has(w)) && /(ed|wn|en|ght|id|ld)$/.test(lw(cue.a));
  const k = v.k;
  if (v.passive) passiveAgent(v);
  else if (k >= 0 && toks[k].text === ',' && k === cue.a - 1 && /ing$/.test(lw(cue.a))) {
    // "Trump spoke to industry leaders, promising …": the participle takes the clause's subject
    // (found later), not the words before its comma.
  } else if (k >= 0 && (EN.relativePronouns.has(lw(k)) || (lw(k) === 'that' && toks[k - 1]?.text === ','))) {
    // "…, who cited …": the relative pronoun is the source (as annotated).
    v.srcA = k;
    v.source = [span2(v.site, k, k)];
  } else nounPhraseLeft(v);
}

/** Passive ("is expected", "have been accused of"): the agent after "by", else no source. */
function passiveAgent(v: VerbState): void {
  const { toks, lw, cue } = v.site;
  const by = toks.findIndex((t, i) => i > cue.b && i < cue.b + 4 && t.norm === 'by');
  if (!(by > 0 && isWordTok(toks[by + 1]))) return;
  let b = by + 1;
  while (b - by < 10) {
    if (b + 2 < toks.length && nameDot(v.site, b + 1)) b += 2;
    else if (b + 1 < toks.length && isWordTok(toks[b + 1]) && !EN.clauseWords.has(lw(b + 1))) b++;
    else break;
  }
  v.source = [span2(v.site, by + 1, b)];
}

/**
 * An appositive between subject and verb ("Sen. David Perdue (R-Ga.) said", "Donald Trump, her
 * Republican opponent, said") is kept; an aside is not the source's ("Trump, speaking to
 * veterans, said", "Clinton, at Monday's debate, cited"). Moves v.k to the subject's last word;
 * returns the appositive's end token (past v.k) or -1.
 */
function skipAppositives(v: VerbState): number {
  const { toks, lw } = v.site;
  let k = v.k;
  let end = k;
  for (let round = 0; round < 2 && k >= 0 && (toks[k].text === ',' || toks[k].text === ')'); round++) {
    const open = toks[k].text === ')' ? '(' : ',';
    let x = k - 1;
    while (
      x >= 0 &&
      k - x < 30 &&
      toks[x].text !== open &&
      (toks[x].text !== '.' || open === '(' || nameDot(v.site, x)) && // "(R-S.C.)" has dots inside
      toks[x].kind !== 'quote'
    )
      x--;
    if (!(x > 0 && toks[x].text === open && isWordTok(toks[x - 1]))) {
      if (round === 0) end = -1;
      break;
    }
    const w = lw(x + 1);
    const aside = open === ',' && (EN.asideOpeners.has(w) || (/ing$/.test(w) && w !== 'including'));
    if (!aside) {
      if (round === 0) end = k;
      k = x - 1;
      break;
    }
    if (round === 0) end = -1;
    k = x - 1;
  }
  v.k = k;
  return end;
}

/** A hyphen standing alone is a dash: "WASHINGTON -- President Obama", "predictable - Trump". */
function isDash(v: VerbState, i: number): boolean {
  const { toks, text } = v.site;
  const t = toks[i];
  return (
    t.text === '-' &&
    (toks[i - 1]?.text === '-' || (t.start > 0 && text[t.start - 1] === ' ' && text[t.end] === ' '))
  );
}

/** The noun phrase to the left of the verb: words back to a clause boundary, at most 14 tokens. */
function nounPhraseLeft(v: VerbState): void {
  const { site } = v;
  const { toks, lw, c, text } = site;
  const end = skipAppositives(v);
  let k = v.k;
  if (!(k >= 0 && isWordTok(toks[k]) && !EN.clauseWords.has(lw(k)))) return;
  let a = k;
  while (a - 1 >= 0 && k - a < 14) {
    const t = toks[a - 1];
    const w = lw(a - 1);
    if (t.kind === 'quote' || (CLAUSE_STOP.has(t.text) && t.text !== '.' && t.text !== '-')) break;
    if (isDash(v, a - 1)) break;
    if (t.text === '.' && !nameDot(site, a - 1)) break;
    // "Mr. Grassley and Mr. Leahy": names joined by "and" are one source. "Federal and state
    // officials", "Developers and supporters": a short conjunct that starts the clause.
    const joinsNames =
      w === 'and' &&
      a - 2 >= 0 &&
      ((isCapitalized(toks[a].text) && isCapitalized(toks[a - 2].text)) || shortConjunct(v, a - 2));
    if (
      !joinsNames &&
      (EN.clauseWords.has(w) ||
        EN.auxVerbs.has(w) ||
        EN.whWords.has(w) ||
        (verbClassOf(c, w) && !isCapitalized(t.text)))
    )
      break;
    a--;
  }
  while (a <= k && !isWordTok(toks[a])) a++;
  const appositive = end > k;
  [a, k] = refineSubject(v, a, k);
  v.k = k;
  if (a > k) return;
  // "Angelique Brunner, a developer …, which is made up of …, said": the name before the appositive.
  const named = appositive ? a : nameBeforeAppositive(v, a);
  if (named < a) {
    v.srcA = named;
    v.source = [span2(site, named, k)];
    return;
  }
  v.srcA = a;
  // The appositive belongs to the source: "Sen. Lindsey Graham (R-S.C.)", "Donald Trump, her opponent".
  if (appositive)
    v.source = [
      toks[end].text === ')'
        ? span(text, toks[a].start, toks[end].end)
        : (trimSpan(text, toks[a].start, toks[end].start, ' ,') ?? span2(site, a, k)),
    ];
  else v.source = [span2(site, a, k)];
}

/**
 * The start of a name standing before a subject that is its appositive ("Michael Mulgrew,
 * president of the union, which …, said"), or `a` when there is none: a person or
 * organisation the entity rules found, opening its clause.
 */
function nameBeforeAppositive(v: VerbState, a: number): number {
  const { toks, lw, mentionAt } = v.site;
  const w = lw(a);
  if (toks[a - 1]?.text !== ',' || a < 2 || isCapitalized(toks[a].text)) return a;
  if (EN.clauseWords.has(w) || EN.subjectPronounsWithYou.has(w)) return a;
  const nameEnd = toks[a - 2];
  const m = mentionAt(Math.max(0, nameEnd.end - 80), nameEnd.end).find(
    (x) => x.end === nameEnd.end && x.entity.type !== 'LOC',
  );
  if (!m) return a;
  let x = a - 2;
  while (x > 0 && toks[x - 1].start >= m.start) x--;
  const p = toks[x - 1];
  const opens =
    !p ||
    (!isWordTok(p) && (/^[.;:—–]$/.test(p.text) || p.kind === 'quote')) ||
    EN.coordinators.has(lw(x - 1));
  return opens ? x : a;
}

/** Words e (back to at most three) that open their clause and hold no verb: "Federal", "Joseph". */
function shortConjunct(v: VerbState, e: number): boolean {
  const { toks, lw, c } = v.site;
  for (let x = e; x >= 0 && e - x < 3; x--) {
    const t = toks[x];
    const w = lw(x);
    if (
      !isWordTok(t) ||
      EN.auxVerbs.has(w) ||
      EN.clauseWords.has(w) ||
      (verbClassOf(c, w) && !isCapitalized(t.text))
    )
      return false;
    const p = toks[x - 1];
    if (!p || (!isWordTok(p) && /^[,;:—–(]$/.test(p.text)) || p.kind === 'quote') return true;
  }
  return false;
}

/** Leading conjunctions, adverbs, times and prepositions: "With Democratic leaders", "Last week Stumpf". */
function skipLead(v: VerbState, a: number, b: number): number {
  const { toks, lw } = v.site;
  for (;;) {
    if (
      a < b &&
      EN.timeModifiers.has(lw(a)) &&
      (EN.timeOrLinkWords.has(lw(a + 1)) || EN.timePeriods.has(lw(a + 1)))
    )
      a += 2;
    else if (a < b && EN.subjectLeads.has(lw(a)) && !(lw(a) === 'of' && a === b)) a++;
    else break;
    while (a <= b && !isWordTok(toks[a])) a++;
  }
  return a;
}

/**
 * A subject found by scanning left, without what stands around it: a leading conjunction,
 * adverb, time or preposition, a trailing time or channel ("Sanders on Tuesday", "Stumpf in a
 * televised interview"); a subject pronoun after an introductory phrase is the subject alone
 * ("A few days ago in an interview … he").
 */
function refineSubject(v: VerbState, a0: number, b: number): [number, number] {
  const { toks, lw, cue } = v.site;
  const a = skipLead(v, a0, b);
  if (a > b) return [a, b];
  if (b > a && EN.subjectPronounsWithYou.has(lw(b))) return [b, b];
  const name = nameBeforeVerb(v, a0, a, b);
  if (name) return name;
  // "footage of Trump saying": a participle's source is the noun right before it.
  if (/ing$/.test(lw(cue.a)) && toks[b + 1] === toks[cue.a]) {
    for (let x = b - 1; x > a; x--) if (EN.participleHosts.has(lw(x))) return [x + 1, b];
  }
  for (let x = a + 1; x < b; x++) {
    if (!EN.trailingPhraseStarts.has(lw(x))) continue;
    // A time or a channel after a preposition ("on Tuesday", "in a televised interview"), but not a
    // name's own words ("Commission on Presidential Debates").
    const rest = toks.slice(x + 1, b + 1);
    if (rest[0] && isCapitalized(rest[0].text) && !EN.timeNouns.has(timeNoun(rest[0].norm))) continue;
    if (rest.some((t) => EN.timeNouns.has(timeNoun(t.norm)) || EN.channelNouns.has(timeNoun(t.norm)))) {
      let e = x - 1;
      while (e > a && !isWordTok(toks[e])) e--;
      return [a, e];
    }
  }
  return [a, b];
}

/** The singular of a time or channel noun ("Mondays" → "monday", "interviews" → "interview"). */
function timeNoun(w: string): string {
  return w.endsWith('s') ? w.slice(0, -1) : w;
}

/**
 * A name right before the verb: after an introductory phrase ("In a Bloomberg interview Trump
 * declared"), or after a noun or verb, as the subject of a clause without "that" ("Everything
 * Trump says", "the famous story John F. Kennedy told").
 */
function nameBeforeVerb(v: VerbState, a0: number, a: number, b: number): [number, number] | undefined {
  const { toks, lw } = v.site;
  const site = v.site;
  if (a > a0 && EN.introPrepositions.has(lw(a0)) && isCapitalized(toks[b].text)) {
    let x = b;
    while (x - 1 >= a && (isCapitalized(toks[x - 1].text) || nameDot(site, x - 1))) x--;
    if (x > a) return [x, b];
  }
  if (isCapitalized(toks[b].text) && b > a) {
    let x = b;
    while (
      x - 1 >= a &&
      (isCapitalized(toks[x - 1].text) || nameDot(site, x - 1)) &&
      !EN.headNouns.has(lw(x - 1))
    )
      x--;
    const w = lw(x - 1);
    if (x > a && (EN.headNouns.has(w) || (!isCapitalized(toks[x - 1].text) && /(ed|ing)$/.test(w))))
      return [x, b];
  }
  return undefined;
}
