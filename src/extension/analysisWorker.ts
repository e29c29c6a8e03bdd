/**
 * Worker thread for large articles: the engine runs here so that the extension host stays
 * responsive (hovers, other extensions) while a multi-megabyte article is analysed.
 */
import { parentPort } from 'node:worker_threads';
import type { AnalyzeOptions, EntityModel } from '../core';
import { AnalysisCache, analyze, readModelFile } from '../core';
import { replyParts, type WorkerModel } from './workerProtocol';

const caches = new Map<string, AnalysisCache>();
/** The learned model last read, by file and file state (the extension host checked it first). */
let model: { file: string; stamp: string; model: EntityModel } | undefined;

function modelOf(ref: WorkerModel | undefined): EntityModel | undefined {
  if (!ref) return undefined;
  if (model?.file !== ref.file || model.stamp !== ref.stamp)
    model = { ...ref, model: readModelFile(ref.file) };
  return model.model;
}

interface Request {
  id: number;
  key: string;
  text: string;
  options: AnalyzeOptions;
  model?: WorkerModel;
}

parentPort?.on('message', (m: Request) => {
  try {
    const t0 = performance.now();
    let cache = caches.get(m.key);
    if (!cache) {
      if (caches.size > 20) caches.clear();
      cache = new AnalysisCache();
      caches.set(m.key, cache);
    }
    const analysis = analyze(m.text, { ...m.options, model: modelOf(m.model), cache });
    for (const part of replyParts(m.id, analysis, performance.now() - t0)) parentPort?.postMessage(part);
  } catch (e) {
    parentPort?.postMessage({ id: m.id, kind: 'error', error: (e as Error).message });
  }
});
