/**
 * What an export holds: the user's annotations and the engine's findings of one article, as one
 * flat list of records (rejected findings left out), plus the attributions that link them.
 * Offsets here are UTF-16; each format converts to its own convention (offsets.ts).
 */
import { type AnnotationSet, applyVerdicts } from '../annotations/annotationSet';
import type { Annotation } from '../annotations/model';
import type { Analysis, Attribution } from '../types';

export type Include = 'user' | 'engine' | 'both';
export type RecordStatus = 'user' | 'engine' | 'confirmed' | 'corrected';

export interface ExportRecord {
  id: string;
  start: number;
  end: number;
  text: string;
  /** PER, ORG, LOC, MISC for entities; SOURCE, CUE, CONTENT for attribution roles; user labels. */
  label: string;
  role?: 'source' | 'cue' | 'content';
  note?: string;
  author?: string;
  created?: string;
  status: RecordStatus;
  /** For entity records: the canonical name. */
  entity?: string;
  /** For attribution parts: the attribution they belong to. */
  attribution?: string;
}

export interface ExportAttribution {
  id: string;
  source: string[];
  cue: string[];
  content: string[];
  direct: boolean;
  anonymous: boolean;
  sourceKind: string;
  via?: string;
}

export interface ArticleExport {
  file: string;
  text: string;
  language: string;
  records: ExportRecord[];
  attributions: ExportAttribution[];
  analysis: Analysis;
  annotations: Annotation[];
}

const ROLE_LABEL = { source: 'SOURCE', cue: 'CUE', content: 'CONTENT' } as const;

/** The engine's findings as records (rejected ones left out; corrected ones give way to the user's). */
function engineRecords(shown: Analysis, set: AnnotationSet | undefined, records: ExportRecord[]): void {
  const verdictAt = new Map<string, Annotation>();
  for (const p of set?.placed ?? [])
    if (p.annotation.finding) verdictAt.set(`${p.at.start}:${p.at.end}`, p.annotation);
  for (const e of shown.entities) {
    for (const m of e.mentions) {
      const v = verdictAt.get(`${m.start}:${m.end}`);
      if (v?.finding?.verdict === 'corrected') continue; // the user's record replaces it
      records.push({
        id: `e-${e.id}-${m.start}`,
        start: m.start,
        end: m.end,
        text: m.text,
        label: e.type,
        status: v?.finding?.verdict === 'confirmed' ? 'confirmed' : 'engine',
        entity: e.name,
        ...(v?.note ? { note: v.note } : {}),
      });
    }
  }
}

/** The user's annotations as records (verdicts are not annotations of their own, corrections are). */
function userRecords(text: string, set: AnnotationSet | undefined, records: ExportRecord[]): void {
  for (const p of set?.placed ?? []) {
    const a = p.annotation;
    if (a.finding && a.finding.verdict !== 'corrected') continue;
    records.push({
      id: a.id,
      start: p.at.start,
      end: p.at.end,
      text: text.slice(p.at.start, p.at.end),
      label: a.label,
      ...(a.role ? { role: a.role } : {}),
      ...(a.note ? { note: a.note } : {}),
      author: a.author,
      created: a.created,
      status: a.finding ? 'corrected' : 'user',
      ...(a.entity ? { entity: a.entity } : {}),
    });
  }
}

/** Hand-made attributions: annotations with roles, linked together into one per root. */
function userAttributions(set: AnnotationSet | undefined): ExportAttribution[] {
  const byId = new Map((set?.placed ?? []).map((p) => [p.annotation.id, p.annotation]));
  const groups = new Map<string, Annotation[]>();
  for (const a of byId.values()) {
    if (!a.role) continue;
    let root = a;
    const seen = new Set<string>();
    while (root.link && byId.has(root.link) && !seen.has(root.id)) {
      seen.add(root.id);
      root = byId.get(root.link)!;
    }
    const g = groups.get(root.id) ?? [];
    g.push(a);
    groups.set(root.id, g);
  }
  return [...groups].map(([rootId, parts]) => ({
    id: `u-${rootId}`,
    source: parts.filter((p) => p.role === 'source').map((p) => p.id),
    cue: parts.filter((p) => p.role === 'cue').map((p) => p.id),
    content: parts.filter((p) => p.role === 'content').map((p) => p.id),
    direct: false,
    anonymous: !parts.some((p) => p.role === 'source'),
    sourceKind: parts.some((p) => p.role === 'source') ? 'person' : 'none',
  }));
}

export function buildExport(
  file: string,
  text: string,
  analysis: Analysis,
  set: AnnotationSet | undefined,
  include: Include,
): ArticleExport {
  const shown = applyVerdicts(analysis, set);
  const records: ExportRecord[] = [];
  const attributions: ExportAttribution[] = [];
  if (include !== 'user') {
    engineRecords(shown, set, records);
    for (const a of shown.attributions) attributions.push(exportAttribution(a, records));
  }
  if (include !== 'engine') {
    userRecords(text, set, records);
    for (const x of userAttributions(set)) attributions.push(x);
  }
  records.sort((a, b) => a.start - b.start || b.end - a.end || a.label.localeCompare(b.label));
  return {
    file,
    text,
    language: analysis.language,
    records,
    attributions,
    analysis: shown,
    annotations: set?.toSidecar().annotations ?? [],
  };
}

function exportAttribution(a: Attribution, records: ExportRecord[]): ExportAttribution {
  const ids: Record<'source' | 'cue' | 'content', string[]> = { source: [], cue: [], content: [] };
  for (const role of ['source', 'cue', 'content'] as const) {
    a[role].forEach((s, i) => {
      const id = `a-${a.id}-${role}${i}`;
      records.push({
        id,
        start: s.start,
        end: s.end,
        text: s.text,
        label: ROLE_LABEL[role],
        role,
        status: 'engine',
        attribution: a.id,
      });
      ids[role].push(id);
    });
  }
  return {
    id: a.id,
    ...ids,
    direct: a.direct,
    anonymous: a.anonymous,
    sourceKind: a.sourceKind,
    ...(a.via ? { via: a.via } : {}),
  };
}
