/** Aggregates attributions into the article's sources, with whom each cites (the chains). */
import { normalizeWord } from './morphology';
import type { Attribution, Entity, Source } from './types';

export function aggregateSources(attributions: Attribution[], entities: Entity[]): Source[] {
  const byEntity = new Map(entities.map((e) => [e.id, e]));
  const byKey = new Map<string, Source>();
  const keyOf = new Map<string, string>();
  for (const a of attributions) {
    const entity = a.sourceEntity ? byEntity.get(a.sourceEntity) : undefined;
    const name =
      entity?.name ?? (a.source.length ? a.source.map((s) => s.text).join(' … ') : '(no source named)');
    const key = entity ? `e:${entity.id}` : `t:${normalizeWord(name)}`;
    keyOf.set(a.id, key);
    let s = byKey.get(key);
    if (!s) {
      s = { name, kind: a.sourceKind, anonymous: a.anonymous, attributions: [], cites: [] };
      if (entity) s.entity = entity.id;
      byKey.set(key, s);
    }
    s.attributions.push(a.id);
  }
  for (const a of attributions) {
    if (!a.via) continue;
    const from = byKey.get(keyOf.get(a.id)!);
    const to = byKey.get(keyOf.get(a.via)!);
    if (from && to && from !== to && !from.cites.includes(to.name)) from.cites.push(to.name);
  }
  return [...byKey.values()];
}

/** The chain of reporting for an attribution, outermost first: Укрінформ ← Yonhap ← KCNA. */
export function chainOf(
  a: Attribution,
  all: Attribution[],
  sourceName: (a: Attribution) => string,
): string[] {
  const byId = new Map(all.map((x) => [x.id, x]));
  const out: string[] = [];
  const seen = new Set<string>();
  for (
    let cur: Attribution | undefined = a;
    cur && !seen.has(cur.id);
    cur = cur.via ? byId.get(cur.via) : undefined
  ) {
    seen.add(cur.id);
    out.push(sourceName(cur));
  }
  return out;
}
