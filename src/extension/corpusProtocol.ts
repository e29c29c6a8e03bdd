/** Messages between the extension and the corpus worker (corpusWorker.ts). */
import type { CorpusPart, SidecarLocation } from '../core';

export interface IndexJob {
  /** Article files with their stamps (size and mtime of the article and its sidecar). */
  files: { file: string; id: string; stamp: string }[];
  location: SidecarLocation;
}

export type IndexReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'parts'; parts: { id: string; stamp: string; part: CorpusPart | null }[] }
  | { kind: 'done' }
  | { kind: 'error'; error: string };
