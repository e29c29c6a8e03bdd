/**
 * Sources resolved across the article, after every sentence has its attributions: a role that
 * names a person the article names elsewhere ("Лідер КНДР наказав …" and "Лідер Північної Кореї
 * Кім Чен Ин …": the same person), and a document of the source just named ("Yonhap повідомляє …
 * У повідомленні йдеться, що …": Yonhap's message). Both join the source they belong to, so the
 * Sources list shows one person, one outlet.
 */
import { stem } from '../morphology';
import type { Attribution, Entity } from '../types';
import type { Compiled } from './compiled';
import type { MentionIndex } from './context';

const NAMED_KINDS = new Set(['media', 'organisation', 'government', 'person']);

/** The person named right after "TITLE <place>" somewhere in the text, for a source "TITLE <place>". */
function personOfRole(
  text: string,
  att: Attribution,
  c: Compiled,
  entities: Entity[],
  mentionAt: MentionIndex,
): Entity | undefined {
  const s = att.source[0];
  const title = s.text.split(/\s+/)[0];
  if (!c.titles.has(title.toLowerCase())) return undefined;
  const place = mentionAt(s.start, s.end).find(
    (m) => m.entity.type === 'LOC' || m.entity.type === 'ORG',
  )?.entity;
  if (!place) return undefined;
  const titleStem = stem(title.toLowerCase());
  for (const e of entities) {
    if (e.type !== 'PER') continue;
    for (const m of e.mentions) {
      // "<Title> <a mention of the place> <the person>", within one short stretch of text.
      const before = mentionAt(Math.max(0, m.start - 60), m.start).filter((x) => x.entity === place);
      const p = before[before.length - 1];
      if (!p || /\S/.test(text.slice(p.end, m.start))) continue;
      const word = /(\S+)\s+$/.exec(text.slice(Math.max(0, p.start - 30), p.start));
      if (word && stem(word[1].toLowerCase()) === titleStem) return e;
    }
  }
  return undefined;
}

/** The origin of the chain an attribution belongs to (the innermost credit it relays). */
function origin(att: Attribution, byId: Map<string, Attribution>): Attribution {
  let cur = att;
  for (let guard = 0; cur.via && guard < 16; guard++) cur = byId.get(cur.via) ?? cur;
  return cur;
}

export function resolveSources(
  text: string,
  results: Attribution[],
  sentenceOf: Map<Attribution, number>,
  c: Compiled,
  entities: Entity[],
  mentionAt: MentionIndex,
): void {
  const byId = new Map(results.map((a) => [a.id, a]));
  for (let i = 0; i < results.length; i++) {
    const att = results[i];
    if (att.sourceEntity || att.source.length !== 1) continue;
    if (att.sourceKind === 'person') {
      const person = personOfRole(text, att, c, entities, mentionAt);
      if (person) att.sourceEntity = person.id;
      continue;
    }
    if (att.sourceKind !== 'document' || /\s/.test(att.source[0].text)) continue;
    // The attribution just before, in this sentence or the one before: its origin owns the document.
    const prev = results[i - 1];
    const here = sentenceOf.get(att);
    const there = prev && sentenceOf.get(prev);
    if (!prev || here === undefined || there === undefined || here - there > 1) continue;
    const owner = origin(prev, byId);
    if (owner.sourceEntity && NAMED_KINDS.has(owner.sourceKind)) att.sourceEntity = owner.sourceEntity;
  }
}
