/**
 * Worker thread for large articles: the engine runs here so that the extension host stays
 * responsive (hovers, other extensions) while a multi-megabyte article is analysed.
 */
import { parentPort } from 'node:worker_threads';
import type { AnalyzeOptions } from '../core';
import { AnalysisCache, analyze } from '../core';
import { replyParts } from './workerProtocol';

const caches = new Map<string, AnalysisCache>();

parentPort?.on('message', (m: { id: number; key: string; text: string; options: AnalyzeOptions }) => {
  try {
    const t0 = performance.now();
    let cache = caches.get(m.key);
    if (!cache) {
      if (caches.size > 20) caches.clear();
      cache = new AnalysisCache();
      caches.set(m.key, cache);
    }
    const analysis = analyze(m.text, { ...m.options, cache });
    for (const part of replyParts(m.id, analysis, performance.now() - t0)) parentPort?.postMessage(part);
  } catch (e) {
    parentPort?.postMessage({ id: m.id, kind: 'error', error: (e as Error).message });
  }
});
