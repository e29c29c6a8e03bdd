/**
 * `--model A[,B]`: learned model files for analyze and eval. Each file says its task (an entity
 * model, an attribution model); one of each at most.
 */
import { type AnalyzeOptions, readModelFile } from '../core';
import { UsageError } from './args';

export function readModels(flag: unknown): Pick<AnalyzeOptions, 'model' | 'attributionModel'> {
  const out: Pick<AnalyzeOptions, 'model' | 'attributionModel'> = {};
  if (flag === undefined) return out;
  for (const file of String(flag).split(',').filter(Boolean)) {
    const m = readModelFile(file);
    const key = m.meta.task === 'ner' ? 'model' : 'attributionModel';
    if (out[key]) throw new UsageError(`--model: two ${m.meta.task} models given (${file})`);
    out[key] = m;
  }
  return out;
}
