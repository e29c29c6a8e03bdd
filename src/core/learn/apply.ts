/**
 * Analysis with a learned model: the rules' entities are read by the tagger, whose spans become
 * the article's entities (a span the rules found too keeps the gazetteer's canonical name and
 * kind); each learned entity carries how sure the model was.
 */
import type { Article } from '../article';
import { groupEntities, type RawMention } from '../entities';
import type { Analysis, Entity, Language } from '../types';
import { tagEntities } from './entityTagger';
import type { EntityModel } from './modelFile';

export function learnedEntities(
  text: string,
  model: EntityModel,
  rules: Entity[],
  resolved: RawMention[],
  lang: Language,
  article?: Article,
): Entity[] {
  const spans = tagEntities(
    model.net,
    text,
    { entities: rules } as Analysis,
    { rulesWeight: model.meta.rulesWeight, dropBelow: model.meta.dropBelow },
    article,
  );
  const byspan = new Map(resolved.map((m) => [`${m.start}:${m.end}:${m.type}`, m]));
  const confidence = new Map<string, number>();
  const raw: RawMention[] = spans.map((s) => {
    confidence.set(`${s.start}:${s.end}`, s.confidence);
    return {
      start: s.start,
      end: s.end,
      type: s.type,
      strength: 2,
      known: byspan.get(`${s.start}:${s.end}:${s.type}`)?.known,
    };
  });
  // The rules' other types (MISC) are kept as they were: the model tags PER, ORG and LOC.
  for (const m of resolved) if (m.type === 'MISC') raw.push(m);
  return groupEntities(text, raw, lang).map((e) => {
    const cs = e.mentions
      .map((m) => confidence.get(`${m.start}:${m.end}`))
      .filter((c): c is number => c !== undefined);
    return cs.length ? { ...e, confidence: Math.min(...cs) } : e;
  });
}
