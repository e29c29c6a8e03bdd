/**
 * The user's own findings in a corpus count: an entity annotation (PER, ORG, LOC, MISC) the engine
 * missed is a mention, and a SOURCE annotation that is no engine source is a source with one
 * statement. (Rejected engine findings are already gone: applyVerdicts.)
 */
import type { Placed } from '../annotations/annotationSet';
import type { Analysis, EntityType } from '../types';

const ENTITY_LABELS = new Set(['PER', 'ORG', 'LOC', 'MISC']);

export function withUserFindings(a: Analysis, placed: Placed[], text: string): Analysis {
  const mine = placed.filter((p) => !p.annotation.finding || p.annotation.finding.verdict === 'corrected');
  if (!mine.length) return a;
  const entities = [...a.entities];
  const sources = [...a.sources];
  const attributions = [...a.attributions];
  const isMention = (s: number, e: number) =>
    a.entities.some((x) => x.mentions.some((m) => m.start === s && m.end === e));
  const isSource = (s: number, e: number) =>
    a.attributions.some((x) => x.source.some((m) => m.start < e && s < m.end));
  for (const p of mine) {
    if (!p.at) continue;
    const { start, end } = p.at;
    const span = { start, end, text: text.slice(start, end) };
    const label = p.annotation.label;
    if (ENTITY_LABELS.has(label) && !isMention(start, end)) {
      const name = span.text.trim();
      const same = entities.find((e) => e.type === label && e.name === name);
      if (same) same.mentions = [...same.mentions, span];
      else
        entities.push({ id: `user-${p.annotation.id}`, type: label as EntityType, name, mentions: [span] });
    } else if (label === 'SOURCE' && !isSource(start, end)) {
      const id = `user-${p.annotation.id}`;
      attributions.push({
        id,
        cue: [],
        source: [span],
        content: [],
        direct: false,
        anonymous: false,
        sourceKind: 'organisation',
      });
      const name = span.text.trim();
      const same = sources.find((s) => s.name === name);
      if (same) same.attributions = [...same.attributions, id];
      else sources.push({ name, kind: 'organisation', anonymous: false, attributions: [id], cites: [] });
    }
  }
  return { ...a, entities, sources, attributions };
}
