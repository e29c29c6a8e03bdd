/**
 * English verb cues (PolNeAR style): the subject NP before the verb (over auxiliaries, adverbs and
 * appositives), or the NP after an inverted verb; the content after the verb (object, that-clause,
 * quote) or, for a clause-final verb, the quote or clause before its subject.
 */
import type { Sentence } from './article';
import {
  type AttributionContext,
  type buildMentionIndex,
  CLAUSE_STOP,
  type Compiled,
  type Cue,
  EN_AUX,
  EN_CLAUSE,
  EN_NOUN_PREV,
  EN_TIME,
  finishAttribution,
  firstWordIndex,
  isWordTok,
  verbClassOf,
} from './attributionShared';
import type { QuoteSpan } from './quotes';
import { CLOSE_QUOTES, isCapitalized, span, trimSpan } from './text';
import type { Attribution, Span } from './types';

export function buildEnglishVerb(
  ctx: AttributionContext,
  c: Compiled,
  s: Sentence,
  cue: Cue,
  quotes: QuoteSpan[],
  mentionAt: ReturnType<typeof buildMentionIndex>,
  siblings: { att: Attribution; cue: Cue }[],
  prevSentence?: Sentence,
): Attribution | null {
  const { text } = ctx;
  const toks = s.tokens;
  const lw = (i: number) => (toks[i] ? toks[i].norm : '');
  const prev = lw(cue.a - 1);
  // Noun homographs ("the report", "court of appeals", "18 states") and negated speech.
  if (
    EN_NOUN_PREV.has(prev) ||
    toks[cue.a - 1]?.kind === 'number' ||
    /n['’]t$/.test(prev) ||
    prev === 'not' ||
    prev === 'never'
  )
    return null;
  const span2 = (a: number, b: number) => span(text, toks[a].start, toks[b].end);
  let source: Span[] = [];
  let content: Span[] = [];
  let direct = false;
  // Skip auxiliaries and adverbs left of the verb: "has also said".
  let k = cue.a - 1;
  // Auxiliaries and adverbs between subject and verb: "has sharply criticized", "first reported".
  while (
    k >= 0 &&
    (EN_AUX.has(lw(k)) ||
      (/^[a-z]{4,}ly$/.test(lw(k)) && !isCapitalized(toks[k].text)) ||
      /^(first|yet|despite|not|never|n't)$/.test(lw(k)))
  )
    k--;
  const afterCue = toks[cue.b + 1];
  const clauseFinal =
    !afterCue ||
    /^[.,;!?…:]$/.test(afterCue.text) ||
    (afterCue.kind === 'quote' && CLOSE_QUOTES.includes(afterCue.text));
  const quoteEndingAt = (tokIdx: number) =>
    toks[tokIdx]?.kind === 'quote' ? quotes.find((q) => q.close === toks[tokIdx].start) : undefined;
  const quoteInner = (q: QuoteSpan) => trimSpan(text, q.open + 1, q.close, ' \t\r\n,');
  const beforeClause = (endTok: number): Span | null => {
    // The quote or clause that ends right before endTok (skipping a comma).
    let e = endTok;
    while (e >= 0 && /^[,—–-]$/.test(toks[e].text)) e--;
    const q = quoteEndingAt(e) ?? (toks[e]?.text === ',' ? quoteEndingAt(e - 1) : undefined);
    if (q) {
      direct = true;
      return quoteInner(q);
    }
    if (e < 0) return null;
    return trimSpan(text, s.start, toks[e].end, ' \t\r\n,;:—–-"“”');
  };
  // Passive ("is expected", "have been accused of"): the agent after "by", else no source.
  const auxWords = toks.slice(k + 1, cue.a).map((t) => t.norm);
  const passive =
    auxWords.some((w) => /^(is|are|was|were|been|being|be)$/.test(w)) &&
    /(ed|wn|en|ght|id|ld)$/.test(lw(cue.a));
  let srcA = -1;
  if (passive) {
    const by = toks.findIndex((t, i) => i > cue.b && i < cue.b + 4 && t.norm === 'by');
    if (by > 0 && isWordTok(toks[by + 1])) {
      let b = by + 1;
      while (b + 1 < toks.length && isWordTok(toks[b + 1]) && !EN_CLAUSE.has(lw(b + 1)) && b - by < 8) b++;
      source = [span2(by + 1, b)];
    }
  } else if (
    k >= 0 &&
    (/^(who|which|whom)$/.test(lw(k)) || (lw(k) === 'that' && toks[k - 1]?.text === ','))
  ) {
    // "…, who cited …": the relative pronoun is the source (as annotated).
    srcA = k;
    source = [span2(k, k)];
  } else {
    // An appositive between subject and verb: "Sen. David Perdue (R-Ga.) said",
    // "Donald Trump, her Republican opponent, said".
    let end = k;
    if (k >= 0 && (toks[k].text === ',' || toks[k].text === ')')) {
      const open = toks[k].text === ')' ? '(' : ',';
      let x = k - 1;
      while (
        x >= 0 &&
        k - x < 16 &&
        toks[x].text !== open &&
        (toks[x].text !== '.' || open === '(') && // "(R-S.C.)" has dots inside
        toks[x].kind !== 'quote'
      )
        x--;
      if (x > 0 && toks[x].text === open && isWordTok(toks[x - 1])) end = k;
      else end = -1;
      if (end >= 0) k = x - 1;
    }
    // NP to the left: words back to a clause boundary, at most 14 tokens.
    if (k >= 0 && isWordTok(toks[k]) && !EN_CLAUSE.has(lw(k))) {
      let a = k;
      while (a - 1 >= 0 && k - a < 14) {
        const t = toks[a - 1];
        const w = lw(a - 1);
        if (t.kind === 'quote' || (CLAUSE_STOP.has(t.text) && t.text !== '.' && t.text !== '-')) break;
        if (
          t.text === '.' &&
          !/^(mr|mrs|ms|dr|sen|rep|gov|gen|st|jr|u\.s|lt|col|sgt|capt|prof|rev|[a-z])$/i.test(lw(a - 2))
        )
          break;
        if (EN_CLAUSE.has(w) || (verbClassOf(c, 'en', w) && !isCapitalized(t.text))) break;
        a--;
      }
      while (a <= k && !isWordTok(toks[a])) a++;
      if (a <= k) {
        srcA = a;
        // The appositive belongs to the source: "Sen. Lindsey Graham (R-S.C.)", "Donald Trump, her opponent".
        if (end > k)
          source = [
            toks[end].text === ')'
              ? span(text, toks[a].start, toks[end].end)
              : (trimSpan(text, toks[a].start, toks[end].start, ' ,') ?? span2(a, k)),
          ];
        else source = [span2(a, k)];
      }
    }
  }
  if (
    !source.length &&
    !passive &&
    (k < 0 ||
      /^[,—–'-]$/.test(toks[k]?.text ?? '') ||
      toks[k]?.kind === 'quote' ||
      /^(and|but|or|then)$/.test(lw(k)))
  ) {
    // Inverted: '"…," said Smith, a spokesman.' or a participle: ', adding that …'.
    const n = toks[cue.b + 1];
    const nw = lw(cue.b + 1);
    const coordinated = k >= 0 && /^(and|but|or|then)$/.test(lw(k));
    // A participle after a comma (", saying …", ", calling for …") takes the clause's subject.
    const participle = /ing$/.test(lw(cue.a));
    // '"…," said the Rev. Peter Wherry': a determiner before a name or title.
    const detName =
      /^(the|a|an|one|another)$/.test(nw) &&
      toks[cue.b + 2] &&
      (isCapitalized(toks[cue.b + 2].text) || c.titles.has(lw(cue.b + 2)));
    if (
      !coordinated &&
      !participle &&
      n &&
      isWordTok(n) &&
      (!EN_TIME.has(nw) || detName) &&
      (isCapitalized(n.text) || c.pronouns.has(nw) || detName) &&
      !c.complementizers.has(nw)
    ) {
      let b = cue.b + 1;
      while (
        b + 1 < toks.length &&
        isWordTok(toks[b + 1]) &&
        !EN_TIME.has(lw(b + 1)) &&
        !EN_CLAUSE.has(lw(b + 1)) &&
        b - cue.b < 8
      )
        b++;
      source = [span2(cue.b + 1, b)];
      const cont = beforeClause(cue.a - 1);
      if (cont) content = [cont];
      return finish();
    }
    // A participle or coordinated verb takes the sentence's subject: "…, adding that P".
    const sib = siblings.find((x) => x.att.source.length);
    if (sib) source = sib.att.source;
    else if (!passive) {
      const subj = mentionAt(s.start, toks[cue.a].start).find((m) => m.entity.type !== 'LOC');
      const w0 = lw(firstWordIndex(toks));
      if (subj) source = [span(text, subj.start, subj.end)];
      else if (c.pronouns.has(w0) && w0 !== 'it' && w0 !== 'you')
        source = [span2(firstWordIndex(toks), firstWordIndex(toks))];
    }
  }
  // Content.
  // 'He said, "We have big plans."' / 'Trump said: "…"': a quotation right after the cue.
  {
    let x = cue.b + 1;
    if (toks[x] && /^[,:]$/.test(toks[x].text)) x++;
    const q = toks[x]?.kind === 'quote' ? quotes.find((qq) => qq.open === toks[x].start) : undefined;
    if (q && x > cue.b + 1) {
      const inner = quoteInner(q);
      if (inner) {
        content = [inner];
        direct = true;
        return finish();
      }
    }
  }
  // '"How many times…?" Clinton said.': the quotation ended the previous sentence.
  if (
    srcA === firstWordIndex(toks) &&
    prevSentence &&
    prevSentence.paragraph === s.paragraph &&
    (!toks[cue.b + 1] || /^[.,;]$/.test(toks[cue.b + 1].text))
  ) {
    const last = prevSentence.tokens[prevSentence.tokens.length - 1];
    const q = last?.kind === 'quote' ? quotes.find((qq) => qq.close === last.start) : undefined;
    const inner = q && quoteInner(q);
    if (inner) {
      content = [inner];
      direct = true;
      return finish();
    }
  }
  // A quote right before the subject, and nothing after the cue that opens a content of its own
  // ('"…," the minister told reporters in Kyiv.'): the quote is the content.
  const quoteBeforeSubject = (() => {
    if (srcA <= 0) return undefined;
    let e = srcA - 1;
    if (toks[e]?.text === ',') e--;
    return quoteEndingAt(e) ?? (toks[e]?.text === ',' ? quoteEndingAt(e - 1) : undefined);
  })();
  const opensContent = (() => {
    for (let x = cue.b + 1; x < toks.length; x++) {
      const w = lw(x);
      if (c.complementizers.has(w) || w === 'to' || toks[x].kind === 'quote' || toks[x].text === ':')
        return true;
      if (toks[x].text === ',' || toks[x].text === '.') return false;
    }
    return false;
  })();
  if (quoteBeforeSubject && !opensContent) {
    const inner = quoteInner(quoteBeforeSubject);
    if (inner) {
      content = [inner];
      direct = true;
      return finish();
    }
  }
  // "It is a good decision, Sen. Graham told The Huffington Post on Monday.": a tell-verb whose
  // object is only the addressee reports the clause before its subject.
  if (
    !opensContent &&
    srcA > 0 &&
    toks[srcA - 1]?.text === ',' &&
    /^(told|tell|tells|telling|informed|assured|reminded|wrote)$/.test(lw(cue.a))
  ) {
    const cont = beforeClause(srcA - 1);
    if (cont) {
      content = [cont];
      return finish();
    }
  }
  if (clauseFinal && srcA >= 0) {
    // '"…," Trump said.' / 'The deal is off, sources said.'
    const cont = srcA > 0 ? beforeClause(srcA - 1) : null;
    if (cont) content = [cont];
  } else if (afterCue) {
    let from = cue.b + 1;
    // "told reporters that …": skip the addressee.
    if (
      /^(told|tell|tells|telling|informed|assured|warned|reminded|urged|asked|called on|pressed)$/.test(
        lw(cue.a),
      )
    ) {
      let x = from;
      while (
        x < toks.length &&
        x - from < 6 &&
        isWordTok(toks[x]) &&
        !c.complementizers.has(lw(x)) &&
        lw(x) !== 'to'
      )
        x++;
      if (
        c.complementizers.has(lw(x)) ||
        toks[x]?.kind === 'quote' ||
        lw(x) === 'to' ||
        toks[x]?.text === ':'
      )
        from = x;
    }
    while (from < toks.length && /^[,:—–-]$/.test(toks[from].text)) from++;
    if (from < toks.length) {
      const q = toks[from].kind === 'quote' ? quotes.find((x) => x.open === toks[from].start) : undefined;
      if (q && trimSpan(text, q.close + 1, s.end, ' \t\r\n.,;!?') === null) {
        const inner = quoteInner(q);
        if (inner) {
          content = [inner];
          direct = true;
        }
      } else {
        const r = trimSpan(text, toks[from].start, s.end, ' \t\r\n.;:,');
        if (r) content = [r];
      }
    }
  }
  return finish();

  function finish(): Attribution | null {
    return finishAttribution(ctx, c, s, cue, source, content, direct, mentionAt);
  }
}
