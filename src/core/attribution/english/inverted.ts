/**
 * English sources after the verb: the inverted source after a quote ('"…," said 9/11 widow Terry
 * Strada', '…, said Luis Rubio, who heads …'), a name after a clause-final verb, and, for a
 * participle or a coordinated verb, the sentence's own subject.
 */
import type { Token } from '../../text';
import { CLOSE_QUOTES, isCapitalized, span } from '../../text';
import type { Span } from '../../types';
import { verbClassOf } from '../compiled';
import { firstWordIndex, isWordTok } from '../context';
import { EN } from '../words';
import { beforeClause, finish, nameDot, type Outcome, span2, type VerbState } from './site';

/** Closing marks: ” » " and the doubled apostrophe of some wires (''). */
const closes = (t: Token | undefined) =>
  !!t && ((t.kind === 'quote' && CLOSE_QUOTES.includes(t.text)) || t.text === "'");

/** Inverted after the content: '"…," said 9/11 widow Terry Strada.', '…, said the ruling.' */
export function invertedAfterContent(v: VerbState): Outcome {
  const { cue } = v.site;
  const end = invertedSourceEnd(v);
  if (end <= cue.b) return undefined;
  v.source = [span2(v.site, cue.b + 1, end)];
  const cont = beforeClause(v, cue.a - 1);
  if (cont) v.content = [cont];
  return finish(v);
}

/** Whether the first word after a say-verb can start an inverted source. */
function startsInvertedSource(v: VerbState): boolean {
  const { toks, lw, c, cue } = v.site;
  const first = toks[cue.b + 1];
  if (!first || !isWordTok(first)) return false;
  const fw = lw(cue.b + 1);
  if (
    c.complementizers.has(fw) ||
    (EN.timeOrLinkWords.has(fw) && !EN.invertedArticles.has(fw)) ||
    fw === 'it'
  )
    return false;
  return (
    isCapitalized(first.text) || first.kind === 'number' || c.titles.has(fw) || EN.invertedNameStarts.has(fw)
  );
}

/**
 * The last token of a source standing after a say-verb that follows its content (a closing
 * quote or a comma before the verb, the source running to the sentence's end), or -1.
 */
function invertedSourceEnd(v: VerbState): number {
  const { toks, lw, c, cue } = v.site;
  if (cue.a !== cue.b || c.verbForms.get(lw(cue.a)) !== 'say' || /ing$/.test(lw(cue.a))) return -1;
  const before = toks[cue.a - 1];
  if (!before) return -1;
  const afterQuote = closes(before) || (before.text === ',' && closes(toks[cue.a - 2]));
  if (!afterQuote && before.text !== ',') return -1;
  if (!startsInvertedSource(v)) return -1;
  let b = cue.b + 1;
  for (let x = cue.b + 1; x < toks.length && x - cue.b <= 16; x++) {
    const t = toks[x];
    const w = lw(x);
    if (isWordTok(t)) {
      if (EN.clauseWords.has(w) || EN.auxVerbs.has(w) || /n['’]t$/.test(w) || w === 'to') return -1;
      if (verbClassOf(c, w) && !isCapitalized(t.text)) return -1;
      b = x;
      continue;
    }
    if (nameDot(v.site, x)) continue;
    // A party and state in parentheses: "Rep. G.K. Butterfield (D-N.C.)".
    if (t.text === '(') {
      // Only a short tag: "(D-N.C.)", "(R)"; "(a view echoed by everyone)" is an aside.
      const close = toks.findIndex((y, j) => j > x && j - x < 8 && y.text === ')');
      if (close > 0 && toks.slice(x + 1, close).filter((y) => y.kind === 'word').length > 3) return b;
      if (close > 0) {
        b = close;
        x = close;
        continue;
      }
    }
    // The source runs to the sentence's end, or stops at an appositive: "said Smith, a spokesman".
    // After a plain comma only a source that ends the sentence: "…, said Batchelder." (else the
    // comma closes an appositive: "Smith, of Ashton, said the event …").
    if (/^[.!?]$/.test(t.text) || t.kind === 'quote') return b;
    if (t.text === ',' && afterQuote) return appositiveEnd(v, x, b);
    return -1;
  }
  return b === toks.length - 1 ? b : -1;
}

/** '… said Kenneth Baer, a former official who runs Crosscut.': the appositive is the source's. */
function appositiveEnd(v: VerbState, comma: number, b: number): number {
  const { toks, lw, c } = v.site;
  // Relative clauses belong to the source as annotated ("said Luis Rubio, who heads …").
  const relative = (w: string) => w === 'who' || w === 'whose';
  const w = lw(comma + 1);
  if (
    !isWordTok(toks[comma + 1]) ||
    (EN.clauseWords.has(w) && !relative(w)) ||
    /ing$/.test(w) ||
    verbClassOf(c, w)
  )
    return b;
  let e = comma + 1;
  for (let x = comma + 1; x < toks.length && x - comma <= 25; x++) {
    const t = toks[x];
    if (t.kind === 'quote' || t.text === ';' || t.text === ':') return b;
    if (/^[.!?]$/.test(t.text) && !nameDot(v.site, x)) break;
    const nx = lw(x + 1);
    if (t.text === ',' && ((EN.clauseWords.has(nx) && !relative(nx)) || /ing$/.test(nx))) break;
    if (isWordTok(t)) e = x;
  }
  return e;
}

/**
 * No subject before the verb: an inverted source after it ('"…," said Smith, a spokesman'), or,
 * for a participle or a coordinated verb, the sentence's subject ("…, adding that P").
 */
export function sourceAfterVerb(v: VerbState): Outcome {
  const { toks, lw, cue } = v.site;
  const k = v.k;
  if (
    v.source.length ||
    v.passive ||
    !(
      k < 0 ||
      /^[,—–'-]$/.test(toks[k]?.text ?? '') ||
      toks[k]?.kind === 'quote' ||
      EN.coordinators.has(lw(k))
    )
  )
    return undefined;
  const end = nameAfterVerb(v);
  if (end >= 0) {
    v.source = [span2(v.site, cue.b + 1, end)];
    const cont = beforeClause(v, cue.a - 1);
    if (cont) v.content = [cont];
    return finish(v);
  }
  const sib = v.site.siblings.find((x) => x.att.source.length);
  if (sib) v.source = sib.att.source;
  else v.source = sentenceSubject(v);
  return undefined;
}

/** The end of a name right after a clause-final verb ('"…," said the Rev. Peter Wherry'), or -1. */
function nameAfterVerb(v: VerbState): number {
  const { toks, lw, c, cue } = v.site;
  const k = v.k;
  const n = toks[cue.b + 1];
  const nw = lw(cue.b + 1);
  const coordinated = k >= 0 && EN.coordinators.has(lw(k));
  // A participle after a comma (", saying …", ", calling for …") takes the clause's subject.
  const participle = /ing$/.test(lw(cue.a));
  // A determiner before a name or title.
  const detName =
    EN.namePrefixes.has(nw) &&
    toks[cue.b + 2] &&
    (isCapitalized(toks[cue.b + 2].text) || c.titles.has(lw(cue.b + 2)));
  // After a plain comma a word group after the verb is its object ("X, of Ashton, Va., said he
  // had fought"): inverted sources there were taken before, when they end the sentence.
  const plainComma = toks[k]?.text === ',' && toks[k - 1]?.kind !== 'quote';
  if (
    coordinated ||
    participle ||
    plainComma ||
    !n ||
    !isWordTok(n) ||
    !(!EN.timeOrLinkWords.has(nw) || detName) ||
    !(isCapitalized(n.text) || c.pronouns.has(nw) || detName) ||
    c.complementizers.has(nw)
  )
    return -1;
  let b = cue.b + 1;
  while (b - cue.b < 10) {
    if (b + 2 < toks.length && nameDot(v.site, b + 1)) b += 2;
    else if (
      b + 1 < toks.length &&
      isWordTok(toks[b + 1]) &&
      !EN.timeOrLinkWords.has(lw(b + 1)) &&
      !EN.clauseWords.has(lw(b + 1))
    )
      b++;
    else break;
  }
  return b;
}

/**
 * The sentence's subject for a participle or coordinated verb: a person or organisation named
 * before the verb, the noun phrase the sentence opens with ("The group spoke …, saying", "A
 * reporter for USA Today spotted … and reported"), or a personal pronoun opening it.
 */
function sentenceSubject(v: VerbState): Span[] {
  const { toks, lw, c, cue, s, text, mentionAt } = v.site;
  if (v.passive) return v.source;
  const subj = mentionAt(s.start, toks[cue.a].start).find((m) => m.entity.type !== 'LOC');
  const f = firstWordIndex(toks);
  const w0 = lw(f);
  let e = f - 1;
  for (let x = f; x < cue.a && x - f < 8; x++) {
    const w = lw(x);
    if (
      !isWordTok(toks[x]) ||
      EN.auxVerbs.has(w) ||
      EN.clauseWords.has(w) ||
      verbClassOf(c, w) ||
      (/ed$/.test(w) && x > f)
    )
      break;
    e = x;
  }
  const opening =
    e >= f && e < cue.a - 1 && toks[e + 1] && isWordTok(toks[e + 1]) && !EN.notOpeningPhrase.has(w0)
      ? span2(v.site, f, e)
      : undefined;
  if (
    subj &&
    opening &&
    (w0 === 'a' || w0 === 'an' || w0 === 'the') &&
    subj.start >= opening.start &&
    subj.end <= opening.end
  )
    return [opening];
  if (subj) return [span(text, subj.start, subj.end)];
  if (c.pronouns.has(w0) && w0 !== 'it' && w0 !== 'you') return [span2(v.site, f, f)];
  return opening ? [opening] : v.source;
}
