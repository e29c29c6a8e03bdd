/**
 * The corpus report from a merged part: names grouped into entities across languages and forms,
 * sources grouped with their entities, and the statistics the views and charts show. Everything
 * is sorted by explicit keys, so equal parts give byte-identical reports.
 */
import type { EntityType, SourceKind } from '../types';
import { fixedKey, nameTokens, spellingKey } from './names';
import type { CorpusPart, StatementRef } from './part';

/** The user's corrections of the grouping (stored in the workspace, shared by git). */
export interface EntityChoices {
  /** Names that are one entity: each list is joined. */
  merge?: string[][];
  /** Names kept apart from the entity they would join. */
  split?: string[];
}

/** `.newsmark/entities.json`, checked: `{"merge":[[names]],"split":[names]}`; throws when it is not. */
export function parseEntityChoices(json: string): EntityChoices {
  const v = JSON.parse(json) as EntityChoices;
  const names = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (
    !v ||
    typeof v !== 'object' ||
    (v.merge && !(Array.isArray(v.merge) && v.merge.every(names))) ||
    (v.split && !names(v.split))
  )
    throw new Error('expected {"merge":[[names]],"split":[names]}');
  return { merge: v.merge ?? [], split: v.split ?? [] };
}

export interface CorpusEntity {
  name: string;
  type: EntityType;
  kind?: string;
  stateMedia?: boolean;
  aliases: string[];
  articles: number;
  mentions: number;
  /** Only with `withStatements`: its first mention in each article. */
  places?: { article: string; start: number; end: number }[];
}

export interface CorpusSource {
  name: string;
  kind: SourceKind;
  anonymous: boolean;
  stateMedia: boolean;
  articles: number;
  statements: number;
  /** Sources it cites, the most cited first. */
  cites: string[];
}

export interface CorpusReport {
  articles: number;
  entities: CorpusEntity[];
  sources: CorpusSource[];
  statements: { total: number; anonymous: number; byKind: Record<string, number> };
  outlets: { name: string; articles: number; statements: number; anonymous: number }[];
  perArticle: { id: string; statements: number; anonymous: number; outlet?: string; date?: string }[];
  /** Who cites whom: citing source → cited source, with how many articles do so. */
  network: { from: string; to: string; count: number }[];
  stateMediaCitations: { source: string; stateMedia: string; count: number }[];
  byDate: { date: string; articles: number; statements: number; anonymous: number }[];
  /** Only with `withStatements`: every statement, its source named as in `sources`. */
  statementList?: StatementRef[];
}

const byName = (x: { name: string }, y: { name: string }) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);

/** Union-find over group keys. */
class Groups {
  private readonly parent = new Map<string, string>();
  find(k: string): string {
    let r = k;
    while (this.parent.has(r) && this.parent.get(r) !== r) r = this.parent.get(r)!;
    this.parent.set(k, r);
    return r;
  }
  union(a: string, b: string): void {
    const [x, y] = [this.find(a), this.find(b)].sort();
    if (x !== y) this.parent.set(y, x);
  }
}

/** Group keys of the names: fixed keys; persons by first initial + surname, a lone surname joins its only full name. */
function nameGroups(
  part: CorpusPart,
  choices: EntityChoices,
): { keyOf: Map<string, string>; personKey: (name: string) => string } {
  const entries = Object.values(part.names).sort(byName);
  const keyOf = new Map<string, string>();
  const split = new Set(choices.split ?? []);
  const fullBySurname = new Map<string, Set<string>>();
  for (const n of entries) {
    if (n.type !== 'PER') continue;
    const t = nameTokens(n.name);
    if (t.length < 2 || t[t.length - 1].length < 2) continue;
    const key = `PER:${t[0][0]}.${t[t.length - 1]}`;
    keyOf.set(`PER ${n.name}`, key);
    for (const w of t) {
      if (!fullBySurname.has(w)) fullBySurname.set(w, new Set());
      fullBySurname.get(w)!.add(key);
    }
  }
  /** A person's key: initial + surname; a lone name joins the only full name it is part of. */
  const personKey = (name: string) => {
    const t = nameTokens(name);
    if (t.length >= 2 && t[t.length - 1].length >= 2) return `PER:${t[0][0]}.${t[t.length - 1]}`;
    const only = t.length === 1 ? [...(fullBySurname.get(t[0]) ?? [])] : [];
    return only.length === 1 ? only[0] : `PER:_.${t.join(' ') || name}`;
  };
  for (const n of entries) {
    const id = `${n.type} ${n.name}`;
    if (split.has(n.name)) {
      keyOf.set(id, `split:${id}`);
      continue;
    }
    if (keyOf.has(id)) continue;
    const fixed = fixedKey(n.name, n.type, n.kind);
    if (fixed) {
      keyOf.set(id, fixed);
      continue;
    }
    keyOf.set(id, personKey(n.name));
  }
  const groups = new Groups();
  for (const list of choices.merge ?? []) {
    const ids = entries.filter((n) => list.includes(n.name)).map((n) => keyOf.get(`${n.type} ${n.name}`)!);
    for (const k of ids.slice(1)) groups.union(ids[0], k);
  }
  for (const [id, k] of keyOf) keyOf.set(id, groups.find(k));
  return { keyOf, personKey: (name) => groups.find(personKey(name)) };
}

/** The display name of a group: its most mentioned form, then the longest, then the first. */
const pickName = (forms: Map<string, number>) =>
  [...forms].sort((x, y) => y[1] - x[1] || y[0].length - x[0].length || (x[0] < y[0] ? -1 : 1))[0][0];

function entitiesOf(part: CorpusPart, keyOf: Map<string, string>, withPlaces: boolean) {
  const groups = new Map<
    string,
    {
      forms: Map<string, number>;
      e: Omit<CorpusEntity, 'name' | 'aliases'>;
      at: Map<string, [number, number]>;
    }
  >();
  for (const [id, n] of Object.entries(part.names).sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const key = keyOf.get(id)!;
    let g = groups.get(key);
    if (!g) {
      g = { forms: new Map(), e: { type: n.type, articles: 0, mentions: 0 }, at: new Map() };
      groups.set(key, g);
    }
    if (withPlaces)
      for (const [article, at] of Object.entries(n.at ?? {})) {
        const had = g.at.get(article);
        if (!had || at[0] < had[0]) g.at.set(article, at);
      }
    g.forms.set(n.name, (g.forms.get(n.name) ?? 0) + n.mentions);
    // A group's article count is an upper bound when two of its forms share an article.
    g.e.articles += n.articles;
    g.e.mentions += n.mentions;
    if (n.kind && (!g.e.kind || n.kind < g.e.kind)) g.e.kind = n.kind;
    if (n.stateMedia) g.e.stateMedia = true;
  }
  const nameOfKey = new Map<string, string>();
  const entities: CorpusEntity[] = [];
  for (const [key, g] of groups) {
    const name = pickName(g.forms);
    nameOfKey.set(key, name);
    const entity: CorpusEntity = {
      name,
      ...g.e,
      aliases: [...g.forms.keys()].filter((f) => f !== name).sort(),
    };
    if (withPlaces)
      entity.places = [...g.at]
        .sort((x, y) => (x[0] < y[0] ? -1 : 1))
        .map(([article, [start, end]]) => ({ article, start, end }));
    entities.push(entity);
  }
  entities.sort((x, y) => y.mentions - x.mentions || byName(x, y));
  return { entities, nameOfKey };
}

function sourcesOf(
  part: CorpusPart,
  { keyOf, personKey }: ReturnType<typeof nameGroups>,
  nameOfKey: Map<string, string>,
) {
  // A source that is an entity takes the entity's group, a named person a person's key; others
  // group by kind and spelling.
  const groupOf = (s: { name: string; kind: string; entity?: string; entityType?: string }) => {
    const k = s.entity ? keyOf.get(`${s.entityType} ${s.entity}`) : undefined;
    if (k) return k;
    if (s.kind === 'person' && /^\p{Lu}/u.test(s.name)) {
      const p = personKey(s.name);
      if (nameOfKey.has(p)) return p;
    }
    return `src:${s.kind}:${spellingKey(s.name) || s.name}`;
  };
  const rawToGroup = new Map<string, string>();
  const groups = new Map<
    string,
    { names: Map<string, number>; kinds: Map<string, number>; s: CorpusSource; cites: Map<string, number> }
  >();
  for (const [, s] of Object.entries(part.sources).sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const key = groupOf(s);
    rawToGroup.set(s.name, key);
    let g = groups.get(key);
    if (!g) {
      const s0: CorpusSource = {
        name: '',
        kind: s.kind,
        anonymous: false,
        stateMedia: false,
        articles: 0,
        statements: 0,
        cites: [],
      };
      g = { names: new Map(), kinds: new Map(), s: s0, cites: new Map() };
      groups.set(key, g);
    }
    g.names.set(s.name, (g.names.get(s.name) ?? 0) + s.statements);
    g.kinds.set(s.kind, (g.kinds.get(s.kind) ?? 0) + s.statements);
    g.s.anonymous ||= s.anonymous;
    g.s.stateMedia ||= s.stateMedia;
    g.s.articles += s.articles;
    g.s.statements += s.statements;
    for (const [c, n] of Object.entries(s.cites)) g.cites.set(c, (g.cites.get(c) ?? 0) + n);
  }
  const display = new Map<string, string>();
  for (const [key, g] of groups) {
    g.s.name = nameOfKey.get(key) ?? pickName(g.names);
    g.s.kind = pickName(g.kinds) as SourceKind;
    display.set(key, g.s.name);
  }
  const nameOfRaw = (raw: string) => display.get(rawToGroup.get(raw) ?? '') ?? raw;
  const network = new Map<string, number>();
  for (const g of groups.values()) {
    const cited = new Map<string, number>();
    for (const [raw, n] of g.cites) cited.set(nameOfRaw(raw), (cited.get(nameOfRaw(raw)) ?? 0) + n);
    cited.delete(g.s.name);
    g.s.cites = [...cited].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([n]) => n);
    for (const [to, n] of cited)
      network.set(`${g.s.name}\u0000${to}`, (network.get(`${g.s.name}\u0000${to}`) ?? 0) + n);
  }
  const sources = [...groups.values()]
    .map((g) => g.s)
    .sort((x, y) => y.statements - x.statements || byName(x, y));
  return { sources, nameOfRaw, network };
}

/** The report of a (merged) part, with the user's grouping choices applied. */
export function corpusReport(
  part: CorpusPart,
  choices: EntityChoices = {},
  withStatements = false,
): CorpusReport {
  const groups = nameGroups(part, choices);
  const { entities, nameOfKey } = entitiesOf(part, groups.keyOf, withStatements);
  const { sources, nameOfRaw, network } = sourcesOf(part, groups, nameOfKey);
  const stateMedia = new Set(sources.filter((s) => s.stateMedia).map((s) => s.name));
  const edges = [...network]
    .map(([k, count]) => {
      const [from, to] = k.split('\u0000');
      return { from, to, count };
    })
    .sort((x, y) => y.count - x.count || (x.from + x.to < y.from + y.to ? -1 : 1));
  const byKind: Record<string, number> = {};
  for (const s of sources) byKind[s.kind] = (byKind[s.kind] ?? 0) + s.statements;
  const ids = Object.keys(part.articles).sort();
  const perArticle = ids.map((id) => {
    const a = part.articles[id];
    return { id, ...a, ...(a.outlet ? { outlet: nameOfRaw(a.outlet) } : {}) };
  });
  type Tally = { articles: number; statements: number; anonymous: number };
  const tally = <T extends Tally>(
    into: Map<string, T>,
    key: string,
    fresh: () => T,
    a: Omit<Tally, 'articles'>,
  ) => {
    const t = into.get(key) ?? fresh();
    t.articles++;
    t.statements += a.statements;
    t.anonymous += a.anonymous;
    into.set(key, t);
  };
  const outlets = new Map<string, Tally & { name: string }>();
  const dates = new Map<string, Tally & { date: string }>();
  for (const a of perArticle) {
    const zero = { articles: 0, statements: 0, anonymous: 0 };
    if (a.outlet) tally(outlets, a.outlet, () => ({ name: a.outlet!, ...zero }), a);
    if (a.date) tally(dates, a.date, () => ({ date: a.date!, ...zero }), a);
  }
  const report: CorpusReport = {
    articles: ids.length,
    entities,
    sources,
    statements: {
      total: perArticle.reduce((n, a) => n + a.statements, 0),
      anonymous: perArticle.reduce((n, a) => n + a.anonymous, 0),
      byKind: Object.fromEntries(Object.entries(byKind).sort()),
    },
    outlets: [...outlets.values()].sort((x, y) => y.statements - x.statements || byName(x, y)),
    perArticle,
    network: edges,
    stateMediaCitations: edges
      .filter((e) => stateMedia.has(e.to))
      .map((e) => ({ source: e.from, stateMedia: e.to, count: e.count })),
    byDate: [...dates.values()].sort((x, y) => (x.date < y.date ? -1 : 1)),
  };
  if (withStatements)
    report.statementList = [...part.statements]
      .map((s) => ({ ...s, source: nameOfRaw(s.source) }))
      .sort((x, y) => (x.article < y.article ? -1 : x.article > y.article ? 1 : x.start - y.start));
  return report;
}
