/**
 * Chains of reporting: credits of the same material in one sentence form a chain — "з посиланням
 * на KCNA повідомляє Yonhap, передає Укрінформ" → Укрінформ via Yonhap via KCNA. Citation phrases
 * are innermost, then cues in text order; all links share the content of the first that has one.
 */
import type { Span } from '../types';
import type { Sibling } from './context';

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** "X з посиланням на Y пише, що P": the citation shares the verb's content, and X cites Y. */
function citationsShareContent(items: Sibling[]): void {
  for (const cit of items.filter((x) => x.cue.kind === 'citation')) {
    const verb = items
      .filter((x) => x.cue.kind === 'say' && x !== cit)
      .sort((x, y) => Math.abs(x.cue.a - cit.cue.a) - Math.abs(y.cue.a - cit.cue.a))[0];
    if (verb?.att.content.length && !overlaps(verb.att.content[0], cit.att.cue[0])) {
      cit.att.content = verb.att.content;
      if (!verb.att.via) verb.att.via = cit.att.id;
    }
  }
}

export function linkChains(items: Sibling[]): void {
  if (items.length < 2) return;
  citationsShareContent(items);
  const relays = items.filter(
    ({ cue }) =>
      cue.kind === 'citation' ||
      cue.kind === 'say' ||
      cue.kind === 'parenthetical' ||
      cue.kind === 'according' ||
      cue.kind === 'document',
  );
  if (relays.length < 2) return;
  // Only credits whose content is the same stretch of text (or contains the others' cues).
  const base = relays[0].att.content[0];
  const same = relays.filter(
    ({ att }) =>
      att.content.length && overlaps(att.content[0], base) && Math.abs(att.content[0].start - base.start) < 5,
  );
  if (same.length < 2) return;
  const ordered = [...same].sort((x, y) => {
    const cx = x.cue.kind === 'citation' ? 0 : 1;
    const cy = y.cue.kind === 'citation' ? 0 : 1;
    return cx - cy || x.cue.a - y.cue.a;
  });
  const content = ordered.find((x) => x.att.content.length)!.att.content;
  for (let i = 0; i < ordered.length; i++) {
    ordered[i].att.content = content;
    if (i > 0) ordered[i].att.via = ordered[i - 1].att.id;
  }
}
