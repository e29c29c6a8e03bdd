/**
 * The content of an English verb cue: a quotation right after it ('He said, "…"'), the quotation
 * that ended the previous sentence, a quote before its subject, the clause before a tell-verb's
 * subject, the clause after an aside or "as X put it", the clause before a clause-final verb, or
 * the object clause after the verb (past an addressee), up to a coordinated clause of its own.
 */
import { OPEN_QUOTES, trimSpan } from '../../text';
import { firstWordIndex, isWordTok } from '../context';
import { EN } from '../words';
import { beforeClause, finish, type Outcome, quoteEndingAt, quoteInner, type VerbState } from './site';

/** The rules that find a quotation as the whole content, in order; then the clause rules. */
export function findVerbContent(v: VerbState): Outcome {
  return quoteAfterCue(v) ?? quoteEndingPrevious(v) ?? quoteOrClauseBeforeSubject(v) ?? clauseContent(v);
}

function direct(v: VerbState, inner: ReturnType<typeof quoteInner>): Outcome {
  if (!inner) return undefined;
  v.content = [inner];
  v.direct = true;
  return finish(v);
}

/** 'He said, "We have big plans."' / 'Trump said: "…"': a quotation right after the cue. */
function quoteAfterCue(v: VerbState): Outcome {
  const { toks, cue, quoteAt } = v.site;
  let x = cue.b + 1;
  if (toks[x] && /^[,:]$/.test(toks[x].text)) x++;
  const q = toks[x]?.kind === 'quote' ? quoteAt.opening(toks[x].start) : undefined;
  return q && x > cue.b + 1 ? direct(v, quoteInner(v.site, q)) : undefined;
}

/** '"How many times…?" Clinton said.': the quotation ended the previous sentence. */
function quoteEndingPrevious(v: VerbState): Outcome {
  const { toks, cue, s, sents, si, quoteAt } = v.site;
  const prev = sents[si - 1];
  if (
    v.srcA !== firstWordIndex(toks) ||
    !prev ||
    prev.paragraph !== s.paragraph ||
    !(!toks[cue.b + 1] || /^[.,;]$/.test(toks[cue.b + 1].text))
  )
    return undefined;
  const last = prev.tokens[prev.tokens.length - 1];
  const q = last?.kind === 'quote' ? quoteAt.closing(last.start) : undefined;
  return q ? direct(v, quoteInner(v.site, q)) : undefined;
}

/** Whether something after the cue opens a content of its own (that, to, a quote, a colon). */
function opensContent(v: VerbState): boolean {
  const { toks, lw, c, cue } = v.site;
  for (let x = cue.b + 1; x < toks.length; x++) {
    const w = lw(x);
    if (c.complementizers.has(w) || w === 'to' || toks[x].kind === 'quote' || toks[x].text === ':')
      return true;
    if (toks[x].text === ',' || toks[x].text === '.') return false;
  }
  return false;
}

/**
 * A quote right before the subject, and nothing after the cue that opens a content of its own
 * ('"…," the minister told reporters in Kyiv.'); or, for a tell-verb whose object is only the
 * addressee, the clause before its subject ("It is a good decision, Sen. Graham told The
 * Huffington Post on Monday.").
 */
function quoteOrClauseBeforeSubject(v: VerbState): Outcome {
  const { toks, lw, cue } = v.site;
  if (v.srcA <= 0 || opensContent(v)) return undefined;
  let e = v.srcA - 1;
  if (toks[e]?.text === ',') e--;
  const q = quoteEndingAt(v.site, e) ?? (toks[e]?.text === ',' ? quoteEndingAt(v.site, e - 1) : undefined);
  if (q) {
    const done = direct(v, quoteInner(v.site, q));
    if (done) return done;
  }
  if (toks[v.srcA - 1]?.text === ',' && EN.addresseeVerbs.has(lw(cue.a))) {
    const cont = beforeClause(v, v.srcA - 1);
    if (cont) {
      v.content = [cont];
      return finish(v);
    }
  }
  return undefined;
}

/** "Mr. Trump said, among other things, that …": the token after an aside that opens the content, or -1. */
function asideEnd(v: VerbState): number {
  const { toks, lw, c, cue } = v.site;
  if (v.afterCue?.text !== ',') return -1;
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
}

/** The clause rules: "As X put it, P", an aside before the content, a clause-final verb, the object. */
function clauseContent(v: VerbState): Outcome {
  const { toks, lw, text, s, quoteAt } = v.site;
  const afterCue = v.afterCue;
  const aside = asideEnd(v);
  const asClause =
    lw(firstWordIndex(toks)) === 'as' && v.srcA === firstWordIndex(toks) + 1 && afterCue?.text === ',';
  if (asClause) {
    const r = trimSpan(text, afterCue.end, s.end, ' \t\r\n.;:,');
    if (r) v.content = [r];
  } else if (aside > 0) {
    const q = toks[aside].kind === 'quote' ? quoteAt.opening(toks[aside].start) : undefined;
    const inner =
      q && trimSpan(text, q.close + 1, s.end, ' \t\r\n.,;!?') === null ? quoteInner(v.site, q) : null;
    const r = inner ?? trimSpan(text, toks[aside].start, s.end, ' \t\r\n.;:,');
    if (r) {
      v.content = [r];
      v.direct = !!inner;
    }
  } else if (v.clauseFinal && v.srcA >= 0) {
    // '"…," Trump said.' / 'The deal is off, sources said.'
    const cont = v.srcA > 0 ? beforeClause(v, v.srcA - 1) : null;
    if (cont) v.content = [cont];
  } else if (afterCue) objectContent(v);
  return finish(v);
}

/** The object clause after the verb, past an addressee ("told reporters that …"). */
function objectContent(v: VerbState): void {
  const { toks, lw, c, cue, text, s, quoteAt } = v.site;
  // Past the time the cue's marked span runs on over ("said Tuesday that …").
  let from = v.afterAt;
  if (EN.addresseeBeforeContent.has(lw(cue.a))) {
    let x = from;
    while (
      x < toks.length &&
      x - from < 6 &&
      isWordTok(toks[x]) &&
      !c.complementizers.has(lw(x)) &&
      lw(x) !== 'to'
    )
      x++;
    if (c.complementizers.has(lw(x)) || toks[x]?.kind === 'quote' || lw(x) === 'to' || toks[x]?.text === ':')
      from = x;
  }
  while (from < toks.length && /^[,:—–-]$/.test(toks[from].text)) from++;
  if (from >= toks.length) return;
  const q = toks[from].kind === 'quote' ? quoteAt.opening(toks[from].start) : undefined;
  if (q && trimSpan(text, q.close + 1, s.end, ' \t\r\n.,;!?') === null) {
    const inner = quoteInner(v.site, q);
    if (inner) {
      v.content = [inner];
      v.direct = true;
    }
  } else {
    const r = trimSpan(text, toks[from].start, toks[clauseEnd(v, from)]?.start ?? s.end, ' \t\r\n.;:,');
    if (r) v.content = [r];
  }
}

/**
 * Where a paraphrase after its cue ends: before a coordinated clause with a cue of its own
 * ("… vast wealth and said it ensured …", "…, but she noted that …"), else the sentence's end
 * (the index past the last token).
 */
function clauseEnd(v: VerbState, from: number): number {
  const { toks, lw, cueTokens } = v.site;
  for (let x = from + 1; x < toks.length; x++) {
    if (!cueTokens.has(x)) continue;
    let y = x - 1;
    while (y > from && (EN.auxiliaries.has(lw(y)) || /ly$/.test(lw(y)))) y--;
    const w = lw(y);
    // Also the subject of a new clause: ", but she noted", "and officials said".
    if (w === 'and' || w === 'but') return toks[y - 1]?.text === ',' ? y - 1 : y;
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
