/**
 * User annotations and the Sidecar that holds them. Pure data and functions: reading and
 * writing files lives in sidecarFile.ts, the JSON Schema in schema.ts.
 */
import { monotonicFactory } from 'ulid';
import type { Anchor } from './anchoring';

export const SIDECAR_VERSION = 1;
export const SIDECAR_SCHEMA_ID = 'newsmark-schema:/sidecar/v1.json';
export const SIDECAR_SUFFIX = '.newsmark.json';

export type Verdict = 'confirmed' | 'rejected' | 'corrected';
export type Role = 'source' | 'cue' | 'content';

/** An engine finding the user gave a verdict on: which finding, by kind and type. */
export interface FindingRef {
  kind: 'entity' | 'attribution';
  /** Entity type (PER, ORG, …) or attribution role, as the engine reported it. */
  type: string;
  verdict: Verdict;
}

export interface Annotation {
  /** ULID: unique, and sorts by creation time. */
  id: string;
  target: Anchor;
  label: string;
  note?: string;
  /** Canonical name, for entity annotations. */
  entity?: string;
  role?: Role;
  /** Id of another annotation of the same attribution (source, cue and content made by hand). */
  link?: string;
  finding?: FindingRef;
  /** Made by adjudicating a disagreement: the annotators whose annotation was taken. */
  curated?: { from: string[] };
  author: string;
  created: string;
  modified: string;
}

export interface Sidecar {
  $schema: string;
  version: number;
  /** The article's file name (informative: the sidecar is found by its own name). */
  article: string;
  /** sha256 of the article text the positions were last written against. */
  textHash: string;
  positionUnit: 'utf-16';
  /** The article was marked as reviewed: its findings not rejected count as right. */
  reviewed?: { by: string; at: string };
  annotations: Annotation[];
}

const nextUlid = monotonicFactory();
export function newId(now = Date.now()): string {
  return nextUlid(now);
}

export function emptySidecar(article: string, textHash: string): Sidecar {
  return {
    $schema: SIDECAR_SCHEMA_ID,
    version: SIDECAR_VERSION,
    article,
    textHash,
    positionUnit: 'utf-16',
    annotations: [],
  };
}

export interface Label {
  id: string;
  name: string;
  color: string;
  key?: string;
}

export const DEFAULT_LABELS: Label[] = [
  { id: 'PER', name: 'Person', color: '#3b82f6', key: 'p' },
  { id: 'ORG', name: 'Organisation', color: '#a855f7', key: 'o' },
  { id: 'LOC', name: 'Place', color: '#22c55e', key: 'l' },
  { id: 'MISC', name: 'Other entity', color: '#06b6d4', key: 'm' },
  { id: 'SOURCE', name: 'Attribution source', color: '#f59e0b', key: 's' },
  { id: 'CUE', name: 'Attribution cue', color: '#f97316', key: 'c' },
  { id: 'CONTENT', name: 'Attributed content', color: '#94a3b8', key: 't' },
  { id: 'CLAIM', name: 'Claim to check', color: '#ef4444', key: 'k' },
  { id: 'NOTE', name: 'Note', color: '#eab308', key: 'n' },
];

/** Sorted by position, then id: the order kept on disk (small, local diffs; clean merges). */
export function sortAnnotations(list: Annotation[]): Annotation[] {
  return [...list].sort(
    (a, b) =>
      a.target.position.start - b.target.position.start ||
      a.target.position.end - b.target.position.end ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * Merges the sidecar on disk with in-memory changes not yet written, by annotation id: ids the
 * user changed keep the newer version, ids the user deleted stay deleted, everything else
 * comes from disk. Nothing is lost silently: conflicts are reported.
 */
export function mergeAnnotations(
  disk: Annotation[],
  memory: Annotation[],
  changed: ReadonlySet<string>,
  deleted: ReadonlySet<string>,
): { merged: Annotation[]; conflicts: string[] } {
  const byId = new Map(disk.map((a) => [a.id, a]));
  const conflicts: string[] = [];
  for (const a of memory) {
    if (!changed.has(a.id)) continue;
    const d = byId.get(a.id);
    if (d && d.modified > a.modified) {
      conflicts.push(a.id); // changed on both sides; the newer (disk) wins, the loser is reported
      continue;
    }
    byId.set(a.id, a);
  }
  for (const id of deleted) byId.delete(id);
  return { merged: sortAnnotations([...byId.values()]), conflicts };
}

/**
 * The sidecar as text: stable key order, two-space indent, one annotation per line, sorted by
 * position, so that two people annotating different parts of an article merge cleanly.
 */
export function serializeSidecar(s: Sidecar): string {
  const head = {
    $schema: SIDECAR_SCHEMA_ID,
    version: s.version,
    article: s.article,
    textHash: s.textHash,
    positionUnit: s.positionUnit,
    ...(s.reviewed ? { reviewed: s.reviewed } : {}),
  };
  const lines = sortAnnotations(s.annotations).map((a) => `    ${JSON.stringify(canonicalAnnotation(a))}`);
  const headText = JSON.stringify(head, null, 2).slice(0, -2); // without the closing "\n}"
  return `${headText},\n  "annotations": [${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}

/** Fixed key order, undefined fields dropped. */
function canonicalAnnotation(a: Annotation): Annotation {
  const out: Record<string, unknown> = {
    id: a.id,
    label: a.label,
    target: {
      quote: {
        type: 'TextQuoteSelector',
        exact: a.target.quote.exact,
        prefix: a.target.quote.prefix,
        suffix: a.target.quote.suffix,
      },
      position: { type: 'TextPositionSelector', start: a.target.position.start, end: a.target.position.end },
    },
  };
  if (a.note !== undefined) out.note = a.note;
  if (a.entity !== undefined) out.entity = a.entity;
  if (a.role !== undefined) out.role = a.role;
  if (a.link !== undefined) out.link = a.link;
  if (a.finding !== undefined)
    out.finding = { kind: a.finding.kind, type: a.finding.type, verdict: a.finding.verdict };
  if (a.curated !== undefined) out.curated = { from: [...a.curated.from] };
  out.author = a.author;
  out.created = a.created;
  out.modified = a.modified;
  return out as unknown as Annotation;
}
