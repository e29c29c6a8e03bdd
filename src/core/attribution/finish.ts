/**
 * The last step of every attribution: content from the next paragraph after a closing colon, a
 * minimal content, the language's last touch to the source, and the source classified.
 */
import type { Sentence } from '../article';
import { normalizeWord } from '../morphology';
import { findQuotes } from '../quotes';
import { trimSpan } from '../text';
import type { Attribution, SourceKind, Span } from '../types';
import { type Compiled, isAnonymousWord } from './compiled';
import { type AttributionContext, type Cue, type MentionIndex, nextTmpId } from './context';
import type { CueSite } from './rules';

/** What kind of source a span is: a person, an outlet, an institution, a document, anonymous. */
export function classifySource(
  c: Compiled,
  source: Span[],
  mentionAt: MentionIndex,
  cue: Cue,
  /** What the source's place in the sentence says it is ("На політбюро констатували": a body). */
  hint?: SourceKind,
): { kind: SourceKind; entity?: string } {
  if (!source.length) return { kind: 'none' };
  const s = source[0];
  const words = s.text.split(/\s+/).map(normalizeWord);
  const ms = mentionAt(s.start, s.end);
  // The person named last, after the body they speak for: "Речниця МЗС Марія Захарова" speaks as
  // herself ("exit polls conducted for the Associated Press by Edison Research" names no speaker).
  const head =
    ms.find((m) => m.entity.type === 'PER' && m.end === s.end) ??
    ms.find((m) => m.entity.type !== 'LOC') ??
    ms[0];
  const anonymous = words.some(
    (w) => isAnonymousWord(c, w) || (/[^\p{L}]/u.test(w) && isAnonymousWord(c, w.replace(/[^\p{L}]/gu, ''))),
  );
  if (anonymous && !ms.some((m) => m.entity.type === 'PER')) {
    if (ms.some((m) => m.entity.kind === 'media') && !/^(джерел|source)/i.test(words[0]))
      return { kind: 'media', entity: head?.entity.id };
    return { kind: 'anonymous' };
  }
  // A title before a place is a person: "Лідер КНДР", "President of France".
  if ((!head || head.entity.type === 'LOC') && c.titles.has(words[0]))
    return { kind: 'person', entity: undefined };
  if (head) {
    const e = head.entity;
    if (e.type === 'PER') return { kind: 'person', entity: e.id };
    if (e.kind === 'media' || e.kind === 'state-media') return { kind: 'media', entity: e.id };
    if (e.type === 'LOC' || e.kind === 'government' || e.kind === 'international' || e.kind === 'country')
      return { kind: 'government', entity: e.id };
    return { kind: 'organisation', entity: e.id };
  }
  return { kind: unknownNameKind(c, s, words, cue, hint) };
}

/** A source that is no known entity: judged by its words and shape. */
function unknownNameKind(c: Compiled, s: Span, words: string[], cue: Cue, hint?: SourceKind): SourceKind {
  if (words.some((w) => c.documents.has(w)) || cue.kind === 'document') return 'document';
  if (words.some((w) => c.mediaNouns.has(w))) return 'media'; // "за даними телеканалу"
  // A bare capitalised name before a speech verb is, as a rule, a person's (Салліван заявив).
  if (/^\p{Lu}\p{Ll}+(?:[-‐]\p{Lu}?\p{Ll}+)?$/u.test(s.text)) return 'person';
  if (words.length === 1 && c.pronouns.has(words[0])) return 'person';
  if (words.some((w) => c.titles.has(w))) return 'person';
  // An unknown capitalised name that looks like a surname (Песков, Шевченко) is a person.
  if (
    /^\p{Lu}/u.test(s.text) &&
    /(ов|ев|єв|ин|ін|енко|ук|юк|чук|ський|цький|ская|ська|ова|ева|son|ski|sky)$/u.test(s.text)
  )
    return 'person';
  return /^\p{Lu}/u.test(s.text) ? 'organisation' : (hint ?? 'person');
}

/** Makes the attribution of a cue site from its source and content, or null without content. */
export function finishAttribution(
  site: CueSite,
  cue: Cue,
  source: Span[],
  content: Span[],
  direct: boolean,
  hint?: SourceKind,
): Attribution | null {
  if (!content.length) {
    const after = colonContent(site.ctx, site.s, cue);
    if (after) {
      content = [after.span];
      direct = after.direct;
    }
  }
  if (!content.length || content.some((x) => x.text.length < 2)) return null;
  source = site.rules.finishSource(source);
  const { kind, entity } = classifySource(site.c, source, site.mentionAt, cue, hint);
  const att: Attribution = {
    id: nextTmpId(),
    cue: cue.spans,
    source,
    content,
    direct,
    anonymous: kind === 'anonymous' || kind === 'none',
    sourceKind: kind,
  };
  if (entity) att.sourceEntity = entity;
  return att;
}

/**
 * "The New York Times reports:" / "Він заявив:" closing a paragraph: the content is the next
 * paragraph (a quotation, as a rule).
 */
export function colonContent(
  ctx: AttributionContext,
  s: Sentence,
  cue: Cue,
): { span: Span; direct: boolean } | null {
  const toks = s.tokens;
  let k = cue.b + 1;
  while (k < toks.length && toks[k].kind === 'word' && k - cue.b <= 3) k++;
  if (toks[k]?.text !== ':' || toks.slice(k + 1).some((t) => t.kind === 'word')) return null;
  const next = ctx.article.paragraphs[s.paragraph + 1];
  if (!next || next.boilerplate) return null;
  // A paragraph that is one quotation: its inside; otherwise the paragraph.
  const q = findQuotes(ctx.text, next.start, next.end).find((x) => x.open === next.start);
  if (q && trimSpan(ctx.text, q.close + 1, next.end, ' \t.,;!?…') === null) {
    const inside = trimSpan(ctx.text, q.open + 1, q.close, ' \t');
    return inside ? { span: inside, direct: true } : null;
  }
  const whole = trimSpan(ctx.text, next.start, next.end, ' \t');
  return whole ? { span: whole, direct: false } : null;
}
