/**
 * Learned models on disk and the training data that articles hold: a model file is read with a
 * size limit and refused with a clear reason when foreign or damaged; an article's sidecar gives
 * its entity annotations, and, when the article was marked as reviewed, every engine finding the
 * user did not reject.
 */
import * as fs from 'node:fs';
import { analyze } from '../analyze';
import { applyVerdicts } from '../annotations/annotationSet';
import type { EntityDoc, GoldSpan } from '../learn/entityTagger';
import { type EntityModel, ModelError, parseModel, serializeModel } from '../learn/modelFile';
import { openArticleAnnotations } from './articleAnnotations';
import { type SidecarLocation, writeFileAtomicSync } from './sidecarFile';

/** A model file larger than this is not one Newsmark wrote. */
export const MAX_MODEL_BYTES = 64 * 1024 * 1024;

export function readModelFile(file: string): EntityModel {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new ModelError(`${file}: no such model file`);
  }
  if (!st.isFile()) throw new ModelError(`${file}: not a file`);
  if (st.size > MAX_MODEL_BYTES) throw new ModelError(`${file}: too large for a Newsmark model`);
  try {
    return parseModel(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw e instanceof ModelError ? new ModelError(`${file}: ${e.message}`) : e;
  }
}

export function writeModelFile(file: string, model: EntityModel): void {
  writeFileAtomicSync(file, serializeModel(model));
}

const ENTITY_LABELS = new Set(['PER', 'ORG', 'LOC']);

/**
 * An article as training data: the user's PER/ORG/LOC annotations (and corrected findings); for a
 * reviewed article also the engine's entity findings that were not rejected. Undefined when the
 * article has nothing to learn from.
 */
export function articleTrainingDoc(
  file: string,
  text: string,
  location?: SidecarLocation,
  /** The model the article was reviewed with: its findings are the ones the user saw. */
  model?: EntityModel,
): EntityDoc | undefined {
  const opened = openArticleAnnotations(file, text, { location });
  if (opened.kind !== 'ok') return undefined;
  const set = opened.set;
  const spans: GoldSpan[] = [];
  for (const p of set.placed) {
    const a = p.annotation;
    if (!ENTITY_LABELS.has(a.label)) continue;
    if (a.finding && a.finding.verdict === 'rejected') continue;
    spans.push({ start: p.at.start, end: p.at.end, label: a.label });
  }
  if (set.reviewed) {
    const taken = new Set(spans.map((s) => `${s.start}:${s.end}`));
    for (const e of applyVerdicts(analyze(text, { model }), set).entities)
      if (ENTITY_LABELS.has(e.type))
        for (const m of e.mentions)
          if (!taken.has(`${m.start}:${m.end}`)) spans.push({ start: m.start, end: m.end, label: e.type });
  } else if (!spans.length) return undefined;
  return { text, entities: spans };
}
