/**
 * How an analysis comes back from the worker: in parts of at most PART_SIZE items, one message
 * each, so that the extension host reads (deserialises) a multi-megabyte article's analysis a
 * slice at a time, never in one long block.
 */
import type { Analysis } from '../core';

/** What the worker is told about the learned model: the file and its state; it reads the file itself. */
export interface WorkerModel {
  file: string;
  stamp: string;
}

export const PART_SIZE = 2000;
const FIELDS = ['entities', 'attributions', 'sources', 'boilerplate'] as const;
type Field = (typeof FIELDS)[number];

export type WorkerReply =
  | { id: number; kind: 'part'; field: Field; items: unknown[] }
  | { id: number; kind: 'done'; language: Analysis['language']; stats: Analysis['stats']; ms: number }
  | { id: number; kind: 'error'; error: string };

export function* replyParts(id: number, a: Analysis, ms: number): Generator<WorkerReply> {
  for (const field of FIELDS) {
    const list = a[field] as unknown[];
    for (let i = 0; i < list.length; i += PART_SIZE)
      yield { id, kind: 'part', field, items: list.slice(i, i + PART_SIZE) };
  }
  yield { id, kind: 'done', language: a.language, stats: a.stats, ms };
}

/** Gathers the parts of one reply; the analysis once its last part has come. */
export class ReplyAssembler {
  private readonly fields: Record<Field, unknown[]> = {
    entities: [],
    attributions: [],
    sources: [],
    boilerplate: [],
  };

  add(m: WorkerReply): { analysis: Analysis; ms: number } | undefined {
    if (m.kind === 'part') {
      const list = this.fields[m.field];
      for (const x of m.items) list.push(x);
      return undefined;
    }
    if (m.kind !== 'done') return undefined;
    const f = this.fields as unknown as Pick<Analysis, Field>;
    return { analysis: { language: m.language, stats: m.stats, ...f }, ms: m.ms };
  }
}
