// What the safety tests use of the engine, and a CSV export of hand-made records.
import {
  AnnotationSet,
  analyze,
  buildExport,
  parseImport,
  previewImport,
  readSidecarFile,
  textHash,
} from '../../src/core';
import { toCsv } from '../../src/core/export/formats';

export { AnnotationSet, analyze, parseImport, previewImport, readSidecarFile, textHash };

export function toCsvForTest(
  text: string,
  annotations: { start: number; end: number; label: string; note?: string }[],
): string {
  const set = AnnotationSet.empty('=evil.txt', text, textHash, () => '+author');
  for (const a of annotations) set.add(a);
  return toCsv([buildExport('=evil.txt', text, analyze(text), set, 'user')]);
}
