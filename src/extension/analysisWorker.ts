/**
 * Worker thread for large articles: the engine runs here so that the extension host stays
 * responsive (hovers, other extensions) while a multi-megabyte article is analysed.
 */
import { parentPort } from 'node:worker_threads';
import type { AnalyzeOptions, LearnedModel } from '../core';
import { AnalysisCache, analyze, readModelFile } from '../core';
import { replyParts, type WorkerModel } from './workerProtocol';

const caches = new Map<string, AnalysisCache>();
/** The learned models last read, by file, with the file state (the extension host checked them first). */
const models = new Map<string, { stamp: string; model: LearnedModel }>();

function modelsOf(refs: WorkerModel[] | undefined): Pick<AnalyzeOptions, 'model' | 'attributionModel'> {
  const out: Pick<AnalyzeOptions, 'model' | 'attributionModel'> = {};
  for (const ref of refs ?? []) {
    let m = models.get(ref.file);
    if (m?.stamp !== ref.stamp) {
      m = { stamp: ref.stamp, model: readModelFile(ref.file) };
      models.set(ref.file, m);
    }
    out[m.model.meta.task === 'ner' ? 'model' : 'attributionModel'] = m.model;
  }
  return out;
}

interface Request {
  id: number;
  key: string;
  text: string;
  options: AnalyzeOptions;
  models?: WorkerModel[];
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
    const analysis = analyze(m.text, { ...m.options, ...modelsOf(m.models), cache });
    for (const part of replyParts(m.id, analysis, performance.now() - t0)) parentPort?.postMessage(part);
  } catch (e) {
    parentPort?.postMessage({ id: m.id, kind: 'error', error: (e as Error).message });
  }
});
