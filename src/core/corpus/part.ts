/**
 * A corpus summary that merges: the counts of any set of articles, combined by addition only, so
 * that merging the parts of a split corpus (in any order, on any machines) gives exactly what one
 * run over the whole gives. Names are grouped into entities only when the report is made
 * (report.ts), from the merged counts.
 */
import { compile } from '../attribution/compiled';
import type { Analysis, Entity, EntityType, SourceKind } from '../types';

let pronouns: Set<string> | undefined;
/** "he", "вона", "который": a reference the engine could not resolve, not a source to count. */
function isPronoun(name: string): boolean {
  pronouns ??= new Set((['uk', 'ru', 'en'] as const).flatMap((l) => [...compile(l).pronouns]));
  return pronouns.has(name.toLowerCase());
}

/** A name as written, with how it was typed and counted. */
export interface NameCount {
  type: EntityType;
  kind?: string;
  stateMedia?: boolean;
  /** Articles the name occurs in, and its mentions in them. */
  articles: number;
  mentions: number;
  /** Where it is: its first mention in each article. */
  at: Record<string, [number, number]>;
}

export interface SourceCount {
  kind: SourceKind;
  anonymous: boolean;
  stateMedia: boolean;
  /** The entity name the source is (to group it with that entity), if any. */
  entity?: string;
  entityType?: EntityType;
  articles: number;
  statements: number;
  /** Sources it cites (by name) and how often. */
  cites: Record<string, number>;
}

/** One statement, to list and open from a chart. */
export interface StatementRef {
  article: string;
  start: number;
  end: number;
  source: string;
  cue: string;
  content: string;
  anonymous: boolean;
}

export interface ArticleCount {
  statements: number;
  anonymous: number;
  /** The outlet that publishes or relays the article's statements (its uncited media credit). */
  outlet?: string;
  date?: string;
}

export interface CorpusPart {
  format: 'newsmark-corpus-part';
  version: 1;
  articles: Record<string, ArticleCount>;
  /** By `TYPE name` (a name typed differently in two articles is two entries). */
  names: Record<string, NameCount & { name: string }>;
  /** By `kind name`. */
  sources: Record<string, SourceCount & { name: string }>;
  statements: StatementRef[];
}

/** The smaller of two optional strings: merged fields must not depend on the order of merging. */
const least = (x?: string, y?: string) => (x === undefined ? y : y === undefined ? x : x < y ? x : y);

export function emptyPart(): CorpusPart {
  return { format: 'newsmark-corpus-part', version: 1, articles: {}, names: {}, sources: {}, statements: [] };
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The article's outlet: the media source nobody in it cites, with the most statements. */
function outletOf(a: Analysis): string | undefined {
  const cited = new Set(a.sources.flatMap((s) => s.cites));
  return a.sources
    .filter((s) => s.kind === 'media' && !cited.has(s.name))
    .sort((x, y) => y.attributions.length - x.attributions.length || (x.name < y.name ? -1 : 1))[0]?.name;
}

/** One article's part (its analysis with the user's verdicts applied). */
export function articlePart(id: string, a: Analysis, date?: string): CorpusPart {
  const part = emptyPart();
  const entityById = new Map<string, Entity>(a.entities.map((e) => [e.id, e]));
  for (const e of a.entities) {
    const key = `${e.type} ${e.name}`;
    part.names[key] ??= {
      name: e.name,
      type: e.type,
      ...(e.kind ? { kind: e.kind } : {}),
      ...(e.stateMedia ? { stateMedia: true } : {}),
      articles: 1,
      mentions: 0,
      at: {},
    };
    const n = part.names[key];
    n.mentions += e.mentions.length;
    const first = e.mentions.reduce((m, x) => (x.start < m.start ? x : m), e.mentions[0]);
    if (first && !n.at[id]) n.at[id] = [first.start, first.end];
  }
  for (const s of a.sources) {
    const entity = s.entity ? entityById.get(s.entity) : undefined;
    if (!entity && isPronoun(s.name)) continue;
    const cites: Record<string, number> = {};
    for (const c of s.cites) cites[c] = (cites[c] ?? 0) + 1;
    part.sources[`${s.kind} ${s.name}`] = {
      name: s.name,
      kind: s.kind,
      anonymous: s.anonymous,
      stateMedia: !!entity?.stateMedia,
      ...(entity ? { entity: entity.name, entityType: entity.type } : {}),
      articles: 1,
      statements: s.attributions.length,
      cites,
    };
  }
  const sourceOf = new Map<string, string>();
  for (const s of a.sources) for (const id of s.attributions) if (!sourceOf.has(id)) sourceOf.set(id, s.name);
  let anonymous = 0;
  for (const att of a.attributions) {
    if (att.anonymous) anonymous++;
    const anchor = att.cue[0] ?? att.source[0];
    if (!anchor) continue;
    part.statements.push({
      article: id,
      start: anchor.start,
      end: anchor.end,
      source: sourceOf.get(att.id) ?? '',
      cue: att.cue.map((c) => c.text).join(' … '),
      content: clip(att.content.map((c) => c.text).join(' … '), 160),
      anonymous: att.anonymous,
    });
  }
  const outlet = outletOf(a);
  part.articles[id] = {
    statements: a.attributions.length,
    anonymous,
    ...(outlet ? { outlet } : {}),
    ...(date ? { date } : {}),
  };
  return part;
}

const addCounts = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
};

/** Keys a part file may carry that must never become properties of our maps. */
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/** Adds `b` into `a` (returns `a`): counts add, flags or, kinds and entities take the least. */
export function mergeParts(a: CorpusPart, b: CorpusPart): CorpusPart {
  for (const [id, art] of Object.entries(b.articles)) {
    if (UNSAFE.has(id)) continue;
    if (a.articles[id]) throw new Error(`article ${id} is in two parts: a corpus may be split, not repeated`);
    a.articles[id] = art;
  }
  for (const [name, n] of Object.entries(b.names)) {
    if (UNSAFE.has(name)) continue;
    const m = a.names[name];
    if (!m)
      a.names[name] = {
        ...n,
        at: Object.fromEntries(Object.entries(n.at ?? {}).filter(([k]) => !UNSAFE.has(k))),
      };
    else {
      for (const [id, at] of Object.entries(n.at ?? {})) if (!UNSAFE.has(id)) m.at[id] = at;
      m.articles += n.articles;
      m.mentions += n.mentions;
      if (n.stateMedia) m.stateMedia = true;
      const kind = least(m.kind, n.kind);
      if (kind) m.kind = kind;
    }
  }
  for (const [name, s] of Object.entries(b.sources)) {
    if (UNSAFE.has(name)) continue;
    const m = a.sources[name];
    if (!m) a.sources[name] = { ...s, cites: { ...s.cites } };
    else {
      m.articles += s.articles;
      m.statements += s.statements;
      m.stateMedia = m.stateMedia || s.stateMedia;
      const entity = least(m.entity, s.entity);
      if (entity && entity !== m.entity) {
        m.entity = entity;
        m.entityType = s.entity === entity ? s.entityType : m.entityType;
      }
      addCounts(m.cites, s.cites);
    }
  }
  for (const st of b.statements) a.statements.push(st);
  return a;
}

/** Checks that a parsed JSON value is a corpus part (a file given to `corpus merge`). */
export function isCorpusPart(v: unknown): v is CorpusPart {
  const p = v as CorpusPart;
  return (
    !!p &&
    p.format === 'newsmark-corpus-part' &&
    p.version === 1 &&
    typeof p.articles === 'object' &&
    typeof p.names === 'object' &&
    typeof p.sources === 'object' &&
    Array.isArray(p.statements)
  );
}
