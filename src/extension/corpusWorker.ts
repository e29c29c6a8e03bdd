/**
 * Worker thread that indexes a workspace's articles for the corpus view: each article analysed
 * with its sidecar's verdicts, as a corpus part, sent back in batches so that progress shows and
 * a cancelled build (the thread terminated) keeps what was done.
 */
import * as fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { articleFilePart, type CorpusPart, stripBom } from '../core';
import type { IndexJob, IndexReply } from './corpusProtocol';

/** Larger files are no news articles: left out of the corpus. */
const MAX_ARTICLE_BYTES = 4 * 1024 * 1024;
const BATCH = 50;

const post = (m: IndexReply) => parentPort?.postMessage(m);

function partOf(file: string, id: string, job: IndexJob): CorpusPart | null {
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > MAX_ARTICLE_BYTES) return null;
    const buf = fs.readFileSync(file);
    if (buf.includes(0)) return null;
    return articleFilePart(id, file, stripBom(buf.toString('utf8')), { location: job.location });
  } catch {
    return null;
  }
}

parentPort?.on('message', (job: IndexJob) => {
  try {
    let batch: { id: string; stamp: string; part: CorpusPart | null }[] = [];
    job.files.forEach((f, i) => {
      batch.push({ id: f.id, stamp: f.stamp, part: partOf(f.file, f.id, job) });
      if (batch.length >= BATCH || i === job.files.length - 1) {
        post({ kind: 'parts', parts: batch });
        post({ kind: 'progress', done: i + 1, total: job.files.length });
        batch = [];
      }
    });
    post({ kind: 'done' });
  } catch (e) {
    post({ kind: 'error', error: (e as Error).message });
  }
});
