/**
 * Corpus parts from files: an article with its sidecar (the user's verdicts and annotations
 * applied), a folder of articles, the JSON Lines of `analyze --stdin`, or a part file.
 */
import * as fs from 'node:fs';
import { analyze } from '../analyze';
import { applyVerdicts } from '../annotations/annotationSet';
import { articleDate, articlePart, type CorpusPart, isCorpusPart } from '../corpus';
import { withUserFindings } from '../corpus/userFindings';
import type { EntityModel } from '../learn/modelFile';
import type { Analysis } from '../types';
import { openArticleAnnotations } from './articleAnnotations';
import type { SidecarLocation } from './sidecarFile';

/** One article's part: analysed, the user's verdicts and own findings applied. */
export function articleFilePart(
  id: string,
  file: string,
  text: string,
  options: { location?: SidecarLocation; model?: EntityModel } = {},
): CorpusPart {
  const opened = openArticleAnnotations(file, text, { location: options.location });
  const set = opened.kind === 'ok' || opened.kind === 'newer' ? opened.set : undefined;
  let a = applyVerdicts(analyze(text, { model: options.model }), set);
  if (set) a = withUserFindings(a, set.placed, text);
  return articlePart(id, a, articleDate(text));
}

/** A result line of `analyze --stdin` (or `analyze --json`) as a part. */
export function analysisLinePart(line: string): CorpusPart {
  const r = JSON.parse(line) as Partial<Analysis> & {
    id?: string;
    file?: string;
    date?: string;
    error?: string;
  };
  if (r.error) throw new Error(`${r.id ?? '?'}: ${r.error}`);
  const id = r.id ?? r.file;
  if (!id || !Array.isArray(r.entities) || !Array.isArray(r.attributions) || !Array.isArray(r.sources))
    throw new Error('not an analysis line (needs id or file, entities, attributions, sources)');
  return articlePart(String(id), r as Analysis, r.date);
}

/** A part file written by `corpus summarize --out`. */
export function readPartFile(file: string): CorpusPart {
  let v: unknown;
  try {
    v = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not JSON (${(e as Error).message})`);
  }
  if (!isCorpusPart(v)) throw new Error(`${file}: not a Newsmark corpus part`);
  return v;
}
