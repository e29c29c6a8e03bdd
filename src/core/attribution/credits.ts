/**
 * Speaker and headline credits: "WALLACE: …", "Newsweek: У США пояснили …" (the colon is the
 * cue), and "«…» — FT" / '"…" ― Jane Doe' (the dash is the cue).
 */
import type { ArticleParagraph } from '../article';
import type { QuoteSpan } from '../quotes';
import { isCapitalized, span, type Token, trimSpan } from '../text';
import type { Attribution, Span } from '../types';
import type { Compiled } from './compiled';
import { type AttributionContext, type MentionIndex, nextTmpId } from './context';
import { classifySource } from './finish';
import type { LanguageRules } from './rules';
import { COMMON } from './words';

const DASHES = new Set(['―', '—', '–']);

interface CreditSite {
  ctx: AttributionContext;
  c: Compiled;
  rules: LanguageRules;
  p: ArticleParagraph;
  mentionAt: MentionIndex;
  quotes: QuoteSpan[];
}

export function speakerCredits(x: CreditSite): Attribution[] {
  const { p } = x;
  // The colon cue is at the start of the paragraph, the dash cue at its end.
  const firstS = p.sentences[0];
  const lastS = p.sentences[p.sentences.length - 1];
  if (!firstS || !lastS) return [];
  if (firstS.tokens.length < 3 && p.sentences.length === 1) return [];
  return [colonCredit(x, firstS.tokens), dashCredit(x, lastS.tokens)].filter((a): a is Attribution => !!a);
}

function credit(x: CreditSite, cue: Span, source: Span, content: Span, direct: boolean): Attribution {
  const { kind, entity } = classifySource(x.c, [source], x.mentionAt, {
    a: 0,
    b: 0,
    spans: [cue],
    kind: 'say',
    sourceAt: 'none',
  });
  const att: Attribution = {
    id: nextTmpId(),
    cue: [cue],
    source: [source],
    content: [content],
    direct,
    anonymous: kind === 'anonymous',
    sourceKind: kind,
  };
  if (entity) att.sourceEntity = entity;
  return att;
}

/**
 * Name (1–4 capitalised words, or all caps) + colon at the start of a paragraph (a transcript
 * line may open with a quotation mark: "PENCE: …).
 */
function colonCredit(x: CreditSite, toks: Token[]): Attribution | undefined {
  const { text } = x.ctx;
  const { p, quotes } = x;
  let k0 = 0;
  while (k0 < toks.length && k0 < 2 && (toks[k0].kind === 'quote' || /^[—–-]$/.test(toks[k0].text))) k0++;
  let k = k0;
  while (
    k < toks.length &&
    k < k0 + 5 &&
    toks[k].kind === 'word' &&
    (isCapitalized(toks[k].text) || toks[k].text === toks[k].text.toUpperCase())
  )
    k++;
  if (!(k - k0 >= 1 && k - k0 <= 4 && toks[k]?.text === ':' && toks[k + 1])) return undefined;
  const content = trimSpan(text, toks[k].end, p.end, ' \t"“”«»');
  if (!content || content.text.length <= 10 || isLabel(x, toks, k0, k)) return undefined;
  const q = quotes.find(
    (y) =>
      y.open >= toks[k].end &&
      trimSpan(text, toks[k].end, y.open, ' \t') === null &&
      trimSpan(text, y.close + 1, p.end, ' \t.') === null,
  );
  return credit(
    x,
    span(text, toks[k].start, toks[k].end),
    span(text, toks[k0].start, toks[k - 1].end),
    q ? trimSpan(text, q.open + 1, q.close)! : content,
    !!q,
  );
}

/**
 * A label or a headline's kicker, not a speaker: "Фото:", "Correction:", "The Latest:",
 * "Editor's Note:", "FIX IS IN:", "Stealth Over Health:".
 */
function isLabel(x: CreditSite, toks: Token[], k0: number, k: number): boolean {
  const first = toks[k0].norm;
  if (COMMON.creditLabels.has(first)) return true;
  const { rules, mentionAt } = x;
  if (
    rules.creditNeedsEntityAfterThe &&
    first === 'the' &&
    !mentionAt(toks[k0].start, toks[k - 1].end).some((m) => m.entity.kind)
  )
    return true;
  return toks.slice(k0, k).some((t) => rules.notSpeakerWords.has(t.norm));
}

/** Quote (or headline) + dash + name at the end of a paragraph. */
function dashCredit(x: CreditSite, toks: Token[]): Attribution | undefined {
  const { text } = x.ctx;
  const { p, quotes } = x;
  const dashAt = toks.findIndex(
    (t, i) => i > 0 && t.kind === 'punct' && DASHES.has(t.text) && (toks[i - 1].kind === 'quote' || i > 3),
  );
  if (dashAt <= 0) return undefined;
  const nameToks = toks.slice(dashAt + 1);
  const name = nameToks.filter((t) => t.kind === 'word');
  const allCap =
    name.length > 0 &&
    name.length <= 6 &&
    name.every(
      (t) => isCapitalized(t.text) || COMMON.nameParticles.has(t.text.toLowerCase()) || t.text.length <= 3,
    );
  if (!allCap || !nameToks.every((t) => t.kind === 'word' || /^[.,'’-]$/.test(t.text))) return undefined;
  const q =
    toks[dashAt - 1].kind === 'quote' ? quotes.find((y) => y.close === toks[dashAt - 1].start) : undefined;
  const content = q ? trimSpan(text, q.open + 1, q.close) : trimSpan(text, p.start, toks[dashAt].start);
  if (!content) return undefined;
  return credit(
    x,
    span(text, toks[dashAt].start, toks[dashAt].end),
    span(text, name[0].start, name[name.length - 1].end),
    content,
    !!q,
  );
}
