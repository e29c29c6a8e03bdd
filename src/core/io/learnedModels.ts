/**
 * Learned models on disk and the training data that articles hold: a model file is read with a
 * size limit and refused with a clear reason when foreign or damaged; an article's sidecar gives
 * its entity annotations, and, when the article was marked as reviewed, every engine finding the
 * user did not reject.
 */
import * as fs from 'node:fs';
import { type AnalyzeOptions, analyze } from '../analyze';
import { applyVerdicts } from '../annotations/annotationSet';
import { parseArticle } from '../article';
import type { AttributionDoc, RoleSpans } from '../learn/attributionTagger';
import type { EntityDoc, GoldSpan } from '../learn/entityTagger';
import { type LearnedModel, ModelError, parseModel, serializeModel } from '../learn/modelFile';
import { openArticleAnnotations } from './articleAnnotations';
import { type SidecarLocation, writeFileAtomicSync } from './sidecarFile';

/** A model file larger than this is not one Newsmark wrote. */
export const MAX_MODEL_BYTES = 64 * 1024 * 1024;

export function readModelFile(file: string): LearnedModel {
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

export function writeModelFile(file: string, model: LearnedModel): void {
  writeFileAtomicSync(file, serializeModel(model));
}

const ENTITY_LABELS = new Set(['PER', 'ORG', 'LOC']);
const ROLE_LABELS: Record<string, keyof RoleSpans> = { CUE: 'cue', SOURCE: 'source', CONTENT: 'content' };

/** An article as training data for both taggers. */
export type TrainingDoc = EntityDoc & AttributionDoc;

/**
 * An article as training data. A reviewed article is complete: the user's PER/ORG/LOC and
 * CUE/SOURCE/CONTENT annotations and corrections, and every engine finding not rejected. An article not marked as
 * reviewed teaches only where the user worked: the sentences holding an annotation or a verdict
 * (`regions`), with the same data there; undefined when there is none.
 */
export function articleTrainingDoc(
  file: string,
  text: string,
  location?: SidecarLocation,
  /** The models the article was reviewed with: their findings are the ones the user saw. */
  models: Pick<AnalyzeOptions, 'model' | 'attributionModel'> = {},
): TrainingDoc | undefined {
  const opened = openArticleAnnotations(file, text, { location });
  if (opened.kind !== 'ok') return undefined;
  const set = opened.set;
  if (!set.reviewed && !set.placed.length) return undefined;
  const regions = set.reviewed
    ? undefined
    : touchedSentences(
        text,
        set.placed.map((p) => p.at),
      );
  const inRegions = (s: Range) => !regions || regions.some((r) => s.start < r.end && s.end > r.start);
  const spans: GoldSpan[] = [];
  const roles: RoleSpans[] = [];
  for (const p of set.placed) {
    const a = p.annotation;
    if (a.finding && a.finding.verdict === 'rejected') continue;
    const at = { start: p.at.start, end: p.at.end };
    if (ENTITY_LABELS.has(a.label)) spans.push({ ...at, label: a.label });
    const role = ROLE_LABELS[a.label] ?? a.role;
    if (role) roles.push({ cue: [], source: [], content: [], [role]: [at] });
  }
  const taken = new Set(spans.map((s) => `${s.start}:${s.end}`));
  const engine = applyVerdicts(analyze(text, models), set);
  for (const e of engine.entities)
    if (ENTITY_LABELS.has(e.type))
      for (const m of e.mentions)
        if (inRegions(m) && !taken.has(`${m.start}:${m.end}`))
          spans.push({ start: m.start, end: m.end, label: e.type });
  // A source or content the user rejected or corrected is not taken from the engine's attribution.
  const judged = new Set(
    set.placed
      .filter((p) => p.annotation.finding && p.annotation.finding.verdict !== 'confirmed')
      .map((p) => `${p.annotation.finding?.type}:${p.at.start}:${p.at.end}`),
  );
  for (const a of engine.attributions) {
    const keep = (xs: Range[], role = '') =>
      xs
        .filter((x) => inRegions(x) && !judged.has(`${role}:${x.start}:${x.end}`))
        .map(({ start, end }) => ({ start, end }));
    if (a.cue.some(inRegions))
      roles.push({ cue: keep(a.cue), source: keep(a.source, 'source'), content: keep(a.content, 'content') });
  }
  return { text, entities: spans, attributions: roles, ...(regions ? { regions } : {}) };
}

type Range = { start: number; end: number };

/** The sentences that hold (or overlap) any of the spans. */
function touchedSentences(text: string, spans: Range[]): Range[] {
  const out: Range[] = [];
  for (const p of parseArticle(text).paragraphs)
    for (const s of p.sentences)
      if (spans.some((x) => x.start < s.end && x.end > s.start)) out.push({ start: s.start, end: s.end });
  return out;
}
