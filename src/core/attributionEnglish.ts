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
  EN_AUX_VERBS,
  EN_CLAUSE,
  EN_NOUN_PREV,
  EN_TIME,
  finishAttribution,
  firstWordIndex,
  isWordTok,
  verbClassOf,
} from './attributionShared';
import type { QuoteSpan } from './quotes';
import { CLOSE_QUOTES, isCapitalized, OPEN_QUOTES, span, type Token, trimSpan } from './text';
import type { Attribution, Span } from './types';

const TIME_WORD =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|january|february|march|april|may|june|july|august|september|october|november|december|week|month|year|morning|night|evening|afternoon|weekend|earlier|later|recently)s?$/;
const CHANNEL_WORD =
  /^(interview|statement|debate|conference|speech|hearing|briefing|rally|forum|tweet|post|letter|email|e-mail|op-ed|memo|release|video|appearance|broadcast)s?$/;

export function buildEnglishVerb(
  ctx: AttributionContext,
  c: Compiled,
  s: Sentence,
  cue: Cue,
  quotes: QuoteSpan[],
  mentionAt: ReturnType<typeof buildMentionIndex>,
  siblings: { att: Attribution; cue: Cue }[],
  prevSentence?: Sentence,
  cueStarts: Set<number> = new Set(),
): Attribution | null {
  const { text } = ctx;
  const toks = s.tokens;
  const lw = (i: number) => (toks[i] ? toks[i].norm : '');
  const prev = lw(cue.a - 1);
  // Noun homographs ("the report", "court of appeals", "18 states") and negated speech.
  if (EN_NOUN_PREV.has(prev) || toks[cue.a - 1]?.kind === 'number' || false) return null;
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
  // "Joseph R. Biden Jr. responded", "The S.E.C. said": the dot belongs to the name.
  if (k > 0 && nameDot(k)) k--;
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
    // "…, as a memo put it": the "as" joins the credit, not the content.
    if (lw(e) === 'as' && toks[e - 1]?.text === ',') e--;
    while (e >= 0 && /^[,—–-]$/.test(toks[e].text)) e--;
    const q = quoteEndingAt(e) ?? (toks[e]?.text === ',' ? quoteEndingAt(e - 1) : undefined);
    if (q) {
      direct = true;
      return quoteInner(q);
    }
    if (e < 0) return null;
    return trimSpan(text, s.start, toks[e].end, ' \t\r\n,;:—–-"“”');
  };
  // "Lamenting their luck, Mexicans often say …": a sentence-initial participle's source is the
  // subject after its phrase.
  if (cue.a === firstWordIndex(toks) && /ing$/.test(lw(cue.a))) {
    const comma = toks.findIndex((t, i) => i > cue.b && t.text === ',');
    if (comma > 0 && comma - cue.b < 20) {
      const subj = mentionAt(toks[comma].end, s.end).find(
        (m) => m.entity.type !== 'LOC' && m.start < (toks[comma + 4]?.end ?? s.end),
      );
      const w = lw(comma + 1);
      if (subj && subj.start === toks[comma + 1]?.start) source = [span(text, subj.start, subj.end)];
      else if (/^(he|she|they|we|i)$/.test(w)) source = [span2(comma + 1, comma + 1)];
      if (source.length) {
        const r = trimSpan(text, toks[cue.b + 1]?.start ?? toks[cue.b].end, toks[comma].start);
        if (r) content = [r];
        return finish();
      }
    }
  }
  // Inverted after the content: '"…," said 9/11 widow Terry Strada.', '…, said the ruling.'
  const inverted = invertedSourceEnd();
  if (inverted > cue.b) {
    source = [span2(cue.b + 1, inverted)];
    const cont = beforeClause(cue.a - 1);
    if (cont) content = [cont];
    return finish();
  }
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
      while (b - by < 10) {
        if (b + 2 < toks.length && nameDot(b + 1)) b += 2;
        else if (b + 1 < toks.length && isWordTok(toks[b + 1]) && !EN_CLAUSE.has(lw(b + 1))) b++;
        else break;
      }
      source = [span2(by + 1, b)];
    }
  } else if (k >= 0 && toks[k].text === ',' && k === cue.a - 1 && /ing$/.test(lw(cue.a))) {
    // "Trump spoke to industry leaders, promising …": the participle takes the clause's subject
    // (found below), not the words before its comma.
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
    // An aside is not the source's: "Trump, speaking to veterans, said", "Clinton, at Monday's
    // debate, cited", "Mulgrew, president of the UFT, which represents teachers, said".
    let end = k;
    for (let round = 0; round < 2 && k >= 0 && (toks[k].text === ',' || toks[k].text === ')'); round++) {
      const open = toks[k].text === ')' ? '(' : ',';
      let x = k - 1;
      while (
        x >= 0 &&
        k - x < 16 &&
        toks[x].text !== open &&
        (toks[x].text !== '.' || open === '(' || nameDot(x)) && // "(R-S.C.)" has dots inside
        toks[x].kind !== 'quote'
      )
        x--;
      if (!(x > 0 && toks[x].text === open && isWordTok(toks[x - 1]))) {
        if (round === 0) end = -1;
        break;
      }
      const w = lw(x + 1);
      const aside =
        open === ',' &&
        (/^(who|which|whose|at|in|on|during|after|before|with|from|asked|when|while|like)$/.test(w) ||
          (/ing$/.test(w) && w !== 'including'));
      if (!aside) {
        if (round === 0) end = k;
        k = x - 1;
        break;
      }
      if (round === 0) end = -1;
      k = x - 1;
    }
    // NP to the left: words back to a clause boundary, at most 14 tokens.
    if (k >= 0 && isWordTok(toks[k]) && !EN_CLAUSE.has(lw(k))) {
      let a = k;
      while (a - 1 >= 0 && k - a < 14) {
        const t = toks[a - 1];
        const w = lw(a - 1);
        if (t.kind === 'quote' || (CLAUSE_STOP.has(t.text) && t.text !== '.' && t.text !== '-')) break;
        // A hyphen standing alone is a dash: "WASHINGTON -- President Obama", "predictable - Trump".
        if (
          t.text === '-' &&
          (toks[a - 2]?.text === '-' || (t.start > 0 && text[t.start - 1] === ' ' && text[t.end] === ' '))
        )
          break;
        if (t.text === '.' && !nameDot(a - 1)) break;
        // "Mr. Grassley and Mr. Leahy": names joined by "and" are one source.
        // "Federal and state officials", "Developers and supporters": a short conjunct that
        // starts the clause.
        const joinsNames =
          w === 'and' &&
          a - 2 >= 0 &&
          ((isCapitalized(toks[a].text) && isCapitalized(toks[a - 2].text)) || shortConjunct(a - 2));
        if (
          !joinsNames &&
          (EN_CLAUSE.has(w) ||
            EN_AUX_VERBS.has(w) ||
            /^(what|how|why|where|like)$/.test(w) ||
            (verbClassOf(c, 'en', w) && !isCapitalized(t.text)))
        )
          break;
        a--;
      }
      while (a <= k && !isWordTok(toks[a])) a++;
      const appositive = end > k;
      [a, k] = refineSubject(a, k);
      if (a <= k) {
        srcA = a;
        // The appositive belongs to the source: "Sen. Lindsey Graham (R-S.C.)", "Donald Trump, her opponent".
        if (appositive)
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
    // After a plain comma a word group after the verb is its object ("X, of Ashton, Va., said he
    // had fought"): inverted sources there were taken above, when they end the sentence.
    const plainComma = toks[k]?.text === ',' && toks[k - 1]?.kind !== 'quote';
    if (
      !coordinated &&
      !participle &&
      !plainComma &&
      n &&
      isWordTok(n) &&
      (!EN_TIME.has(nw) || detName) &&
      (isCapitalized(n.text) || c.pronouns.has(nw) || detName) &&
      !c.complementizers.has(nw)
    ) {
      let b = cue.b + 1;
      while (b - cue.b < 10) {
        if (b + 2 < toks.length && nameDot(b + 1)) b += 2;
        else if (
          b + 1 < toks.length &&
          isWordTok(toks[b + 1]) &&
          !EN_TIME.has(lw(b + 1)) &&
          !EN_CLAUSE.has(lw(b + 1))
        )
          b++;
        else break;
      }
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
      // The noun phrase the sentence opens with, up to its verb: "The group spoke …, saying",
      // "A reporter for USA Today spotted … and reported".
      const f = firstWordIndex(toks);
      let e = f - 1;
      for (let x = f; x < cue.a && x - f < 8; x++) {
        const w = lw(x);
        if (
          !isWordTok(toks[x]) ||
          EN_AUX_VERBS.has(w) ||
          EN_CLAUSE.has(w) ||
          verbClassOf(c, 'en', w) ||
          (/ed$/.test(w) && x > f)
        )
          break;
        e = x;
      }
      const opening =
        e >= f && e < cue.a - 1 && toks[e + 1] && isWordTok(toks[e + 1]) && !/^(on|in|at|last|this)$/.test(w0)
          ? span2(f, e)
          : undefined;
      if (
        subj &&
        opening &&
        /^(a|an|the)$/.test(w0) &&
        subj.start >= opening.start &&
        subj.end <= opening.end
      )
        source = [opening];
      else if (subj) source = [span(text, subj.start, subj.end)];
      else if (c.pronouns.has(w0) && w0 !== 'it' && w0 !== 'you')
        source = [span2(firstWordIndex(toks), firstWordIndex(toks))];
      else {
        if (opening) source = [opening];
      }
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
  // "Mr. Trump said, among other things, that …": an aside between the cue and its content.
  const asideEnd = (() => {
    if (afterCue?.text !== ',') return -1;
    for (let x = cue.b + 2; x < toks.length && x - cue.b <= 10; x++) {
      if (toks[x].kind === 'quote' || /^[.;:!?]$/.test(toks[x].text)) return -1;
      if (toks[x].text === ',') {
        const nx = toks[x + 1];
        return nx &&
          (c.complementizers.has(lw(x + 1)) || (nx.kind === 'quote' && OPEN_QUOTES.includes(nx.text)))
          ? x + 1
          : -1;
      }
    }
    return -1;
  })();
  // "As Professor Foner put it, P" / "As Trump said, P": the clause after the comma.
  const asClause =
    lw(firstWordIndex(toks)) === 'as' && srcA === firstWordIndex(toks) + 1 && afterCue?.text === ',';
  if (asClause) {
    const r = trimSpan(text, afterCue.end, s.end, ' \t\r\n.;:,');
    if (r) content = [r];
  } else if (asideEnd > 0) {
    const q =
      toks[asideEnd].kind === 'quote' ? quotes.find((x) => x.open === toks[asideEnd].start) : undefined;
    const inner = q && trimSpan(text, q.close + 1, s.end, ' \t\r\n.,;!?') === null ? quoteInner(q) : null;
    const r = inner ?? trimSpan(text, toks[asideEnd].start, s.end, ' \t\r\n.;:,');
    if (r) {
      content = [r];
      direct = !!inner;
    }
  } else if (clauseFinal && srcA >= 0) {
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
        const r = trimSpan(text, toks[from].start, toks[clauseEnd(from)]?.start ?? s.end, ' \t\r\n.;:,');
        if (r) content = [r];
      }
    }
  }
  return finish();

  /**
   * Where a paraphrase after its cue ends: before a coordinated clause with a cue of its own
   * ("… vast wealth and said it ensured …", "…, but she noted that …"), else the sentence's end
   * (the index past the last token).
   */
  function clauseEnd(from: number): number {
    for (let x = from + 1; x < toks.length; x++) {
      if (!cueStarts.has(x)) continue;
      let y = x - 1;
      while (y > from && (EN_AUX.has(lw(y)) || /ly$/.test(lw(y)))) y--;
      const w = lw(y);
      if (w === 'and' || w === 'but') {
        // Also the subject of a new clause: ", but she noted", "and officials said".
        return toks[y - 1]?.text === ',' ? y - 1 : y;
      }
      if (
        y - 1 > from &&
        (lw(y - 1) === 'but' || lw(y - 1) === 'and') &&
        toks[y - 2]?.text === ',' &&
        isWordTok(toks[y])
      )
        return y - 2;
    }
    return toks.length;
  }

  /**
   * A subject found by scanning left, without what stands around it: a leading conjunction,
   * adverb, time or preposition ("With Democratic leaders", "Last week Stumpf"), a trailing
   * time or channel ("Sanders on Tuesday", "Stumpf in a televised interview"); a subject pronoun
   * after an introductory phrase is the subject alone ("A few days ago in an interview … he").
   */
  function refineSubject(a: number, b: number): [number, number] {
    const a0 = a;
    const lead =
      /^(and|but|so|yet|even|still|now|also|then|however|meanwhile|instead|indeed|finally|today|yesterday|recently|already|with|in|at|on|for|from|after|before|during|following|under|among|to|of)$/;
    for (;;) {
      if (
        a < b &&
        /^(last|this|next|early|late)$/.test(lw(a)) &&
        (EN_TIME.has(lw(a + 1)) ||
          /^(week|month|year|night|morning|weekend|fall|spring|summer|winter)$/.test(lw(a + 1)))
      )
        a += 2;
      else if (a < b && lead.test(lw(a)) && !(lw(a) === 'of' && a === b)) a++;
      else break;
      while (a <= b && !isWordTok(toks[a])) a++;
    }
    if (a > b) return [a, b];
    if (b > a && /^(he|she|they|we|i|you)$/.test(lw(b))) return [b, b];
    // "In a Bloomberg interview Trump declared": after an introductory phrase, the name before the verb.
    if (
      a > a0 &&
      /^(in|at|on|during|after|before|following|with|from|for)$/.test(lw(a0)) &&
      isCapitalized(toks[b].text)
    ) {
      let x = b;
      while (x - 1 >= a && (isCapitalized(toks[x - 1].text) || nameDot(x - 1))) x--;
      if (x > a) return [x, b];
    }
    // A name after a noun or a verb is the subject of a clause without "that": "Everything Trump
    // says", "the third time AROS said", "the famous story John F. Kennedy told".
    const headNoun =
      /^(everything|nothing|something|anything|time|times|story|way|what|all|thing|things|words)$/;
    if (isCapitalized(toks[b].text) && b > a) {
      let x = b;
      while (x - 1 >= a && (isCapitalized(toks[x - 1].text) || nameDot(x - 1)) && !headNoun.test(lw(x - 1)))
        x--;
      const w = lw(x - 1);
      if (x > a && (headNoun.test(w) || (!isCapitalized(toks[x - 1].text) && /(ed|ing)$/.test(w))))
        return [x, b];
    }
    // "footage of Trump saying": a participle's source is the noun right before it.
    if (/ing$/.test(lw(cue.a)) && toks[b + 1] === toks[cue.a]) {
      for (let x = b - 1; x > a; x--)
        if (/^(of|with|showing|shows|included|includes)$/.test(lw(x))) return [x + 1, b];
    }
    for (let x = a + 1; x < b; x++) {
      if (!/^(on|at|in|during|after|before|last|this|early|late|just|released|earlier)$/.test(lw(x)))
        continue;
      // A time or a channel after a preposition ("on Tuesday", "in a televised interview"), but not a
      // name's own words ("Commission on Presidential Debates").
      const rest = toks.slice(x + 1, b + 1);
      if (rest[0] && isCapitalized(rest[0].text) && !TIME_WORD.test(rest[0].norm)) continue;
      if (rest.some((t) => TIME_WORD.test(t.norm) || CHANNEL_WORD.test(t.norm))) {
        let e = x - 1;
        while (e > a && !isWordTok(toks[e])) e--;
        return [a, e];
      }
    }
    return [a, b];
  }

  /**
   * The last token of a source standing after a say-verb that follows its content (a closing
   * quote or a comma before the verb, the source running to the sentence's end), or -1.
   */
  function invertedSourceEnd(): number {
    if (cue.a !== cue.b || c.enForms.get(lw(cue.a)) !== 'say' || /ing$/.test(lw(cue.a))) return -1;
    const before = toks[cue.a - 1];
    if (!before) return -1;
    // Closing marks: ” » " and the doubled apostrophe of some wires ('').
    const closes = (t: Token | undefined) =>
      !!t && ((t.kind === 'quote' && CLOSE_QUOTES.includes(t.text)) || t.text === "'");
    const afterQuote = closes(before) || (before.text === ',' && closes(toks[cue.a - 2]));
    if (!afterQuote && before.text !== ',') return -1;
    const first = toks[cue.b + 1];
    if (!first || !isWordTok(first)) return -1;
    const fw = lw(cue.b + 1);
    if (c.complementizers.has(fw) || (EN_TIME.has(fw) && !/^(the|a|an|one)$/.test(fw)) || fw === 'it')
      return -1;
    const nameLike =
      isCapitalized(first.text) ||
      first.kind === 'number' ||
      c.titles.has(fw) ||
      /^(the|a|an|one|another|two|three|several|many|some|most|his|her|their)$/.test(fw);
    if (!nameLike) return -1;
    let b = cue.b + 1;
    for (let x = cue.b + 1; x < toks.length && x - cue.b <= 16; x++) {
      const t = toks[x];
      const w = lw(x);
      if (isWordTok(t)) {
        if (EN_CLAUSE.has(w) || EN_AUX_VERBS.has(w) || /n['’]t$/.test(w) || w === 'to') return -1;
        if (verbClassOf(c, 'en', w) && !isCapitalized(t.text)) return -1;
        b = x;
        continue;
      }
      if (nameDot(x)) continue;
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
      // After a plain comma only a source that ends the sentence: "…, said Batchelder." (else
      // the comma closes an appositive: "Smith, of Ashton, said the event …").
      if (/^[.!?]$/.test(t.text) || t.kind === 'quote') return b;
      if (t.text === ',' && afterQuote) return appositiveEnd(x, b);
      return -1;
    }
    return b === toks.length - 1 ? b : -1;
  }

  /** Words e (back to at most three) that open their clause and hold no verb: "Federal", "Joseph". */
  function shortConjunct(e: number): boolean {
    for (let x = e; x >= 0 && e - x < 3; x--) {
      const t = toks[x];
      const w = lw(x);
      if (
        !isWordTok(t) ||
        EN_AUX_VERBS.has(w) ||
        EN_CLAUSE.has(w) ||
        (verbClassOf(c, 'en', w) && !isCapitalized(t.text))
      )
        return false;
      const p = toks[x - 1];
      if (!p || (!isWordTok(p) && /^[,;:—–(]$/.test(p.text)) || p.kind === 'quote') return true;
    }
    return false;
  }

  /** A dot inside a name: "Mr. Kamin", "Rep. G.K. Butterfield", "R-Tenn.", "9/11". */
  function nameDot(x: number): boolean {
    const t = toks[x];
    if (!t || !/^[./-]$/.test(t.text) || !isWordTok(toks[x + 1])) return false;
    if (t.end === toks[x + 1].start) return true;
    return (
      t.text === '.' &&
      /^(mr|mrs|ms|dr|sen|rep|del|gov|gen|st|jr|sr|lt|col|maj|adm|amb|atty|sgt|capt|cmdr|prof|rev|fr|hon|[a-z])$/.test(
        lw(x - 1),
      )
    );
  }

  /** '… said Kenneth Baer, a former official who runs Crosscut.': the appositive is the source's. */
  function appositiveEnd(comma: number, b: number): number {
    // Relative clauses belong to the source as annotated ("said Luis Rubio, who heads …").
    const relative = (w: string) => w === 'who' || w === 'whose';
    const w = lw(comma + 1);
    if (
      !isWordTok(toks[comma + 1]) ||
      (EN_CLAUSE.has(w) && !relative(w)) ||
      /ing$/.test(w) ||
      verbClassOf(c, 'en', w)
    )
      return b;
    let e = comma + 1;
    for (let x = comma + 1; x < toks.length && x - comma <= 25; x++) {
      const t = toks[x];
      if (t.kind === 'quote' || t.text === ';' || t.text === ':') return b;
      if (/^[.!?]$/.test(t.text) && !nameDot(x)) break;
      const nx = lw(x + 1);
      if (t.text === ',' && ((EN_CLAUSE.has(nx) && !relative(nx)) || /ing$/.test(nx))) break;
      if (isWordTok(t)) e = x;
    }
    return e;
  }

  function finish(): Attribution | null {
    // "The plan seems to …", "It appeared that …": the writer's judgement, no one else's — unless
    // it seems so to someone ("seems to me").
    const toSomeone = lw(cue.b + 1) === 'to' && /^(me|us|him|her|them)$/.test(lw(cue.b + 2));
    if (/^(seem|seems|seemed|appear|appears|appeared)$/.test(lw(cue.a)) && !toSomeone) source = [];
    // Generic "you" ("you know", "you'd think") reports no one's words or beliefs.
    if (source.length === 1 && /^you$/i.test(source[0].text) && cue.kind !== 'say') return null;
    return finishAttribution(ctx, c, s, reachContent(), source, content, direct, mentionAt);
  }

  /**
   * As PARC/PolNeAR mark it, the cue runs up to its content: "said in a statement Monday that …",
   * "unleashed a series of tweets saying …", "warned against …" (not past a comma, nor into the
   * source or another sentence).
   */
  function reachContent(): Cue {
    const last = cue.spans[cue.spans.length - 1];
    const from = content[0]?.start ?? -1;
    if (from <= last.end || from > s.end) return cue;
    // "told his advisers that": the addressee is not part of the cue.
    if (
      /^(tell|tells|told|telling|warn|warns|warned|warning|urge|urges|urged|urging|remind|reminded|assure|assured|inform|informed|ask|asks|asked|asking|advise|advised)$/.test(
        lw(cue.a),
      )
    )
      return cue;
    if (source.some((x) => x.start >= last.end && x.start < from)) return cue;
    const gap = text.slice(last.end, from);
    if (/[.!?;"“”«»]/.test(gap) || gap.split(/\s+/).filter(Boolean).length > 10) return cue;
    const end = trimSpan(text, last.start, from, ' \t\r\n,');
    if (!end || end.end <= last.end) return cue;
    return { ...cue, spans: [...cue.spans.slice(0, -1), span(text, last.start, end.end)] };
  }
}
