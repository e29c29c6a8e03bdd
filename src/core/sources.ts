/** Aggregates attributions into the article's sources, with whom each cites (the chains). */
import { normalizeWord } from './morphology';
import type { Analysis, Attribution, Entity, Source } from './types';

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

/** The name of each attribution's source (as in the Sources list), found through one map. */
export function sourceNames(a: Analysis): (att: Attribution) => string {
  const byAttribution = new Map<string, string>();
  for (const s of a.sources)
    for (const id of s.attributions) if (!byAttribution.has(id)) byAttribution.set(id, s.name);
  return (att) => byAttribution.get(att.id) ?? '(no source named)';
}

/** Every chain of reporting of an analysis, each once, from its outermost credit: Укрінформ ← Yonhap ← KCNA. */
export function chainsOf(a: Analysis, sourceName = sourceNames(a)): string[] {
  const relayed = new Set(a.attributions.map((x) => x.via).filter((v): v is string => !!v));
  const byId = new Map(a.attributions.map((x) => [x.id, x]));
  const chains = new Set<string>();
  for (const att of a.attributions)
    if (att.via && !relayed.has(att.id))
      chains.add(chainOf(att, a.attributions, sourceName, byId).join(' ← '));
  return [...chains];
}

/** The chain of reporting for an attribution, outermost first: Укрінформ ← Yonhap ← KCNA. */
export function chainOf(
  a: Attribution,
  all: Attribution[],
  sourceName: (a: Attribution) => string,
  byId = new Map(all.map((x) => [x.id, x])),
): string[] {
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
