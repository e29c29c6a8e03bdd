/**
 * A learned model as a file: versioned JSON with its metadata (task, languages, what it was
 * trained on, when, how it scored) and its weights in base64. A file of another kind, version or
 * shape is refused with a message that says which, never loaded half.
 */
import { ROLE_DENSE, ROLE_TAGS } from './attributionTagger';
import { DENSE, ENTITY_TAGS, FEATURE_ROWS } from './features';
import { type RoleDecoding, type RoleValues, RULES_DECODING } from './learnedAttributions';
import { Net, type NetShape } from './net';

export const MODEL_FORMAT = 'newsmark-model';
/**
 * 2: larger hashed tables, attribution models; 3: window layers that see further than their
 * neighbours (NetShape.dilations). A model without them is written as version 2, which a
 * Newsmark from before 3 reads as it was meant; one with them, as 3, which such a Newsmark
 * refuses (it would read the layers as plain ones, and tag wrongly without a word).
 */
export const MODEL_VERSION = 3;
const READS_VERSIONS = [2, 3];
const versionOf = (shape: NetShape) => (shape.dilations?.some((d) => d !== 1) ? 3 : 2);

export type ModelTask = 'ner' | 'attribution';

/** Character-overlap F1 of each attribution role. */
export type RoleScores = RoleValues;

/** Each task's network: its dense features and tags. */
const TASK_SHAPE: Record<ModelTask, { dense: number; tags: number }> = {
  ner: { dense: DENSE, tags: ENTITY_TAGS.length },
  attribution: { dense: ROLE_DENSE, tags: ROLE_TAGS.length },
};

export interface ModelMeta {
  task: ModelTask;
  languages: string[];
  created: string;
  trainedOn: { documents: number; spans: number; tokens: number };
  /** How much the rules' own tags weigh against the model's (0..1), chosen on held-out data. */
  rulesWeight: number;
  /** Entity models where the rules decide: the model's rating below which a rules' span is dropped (absent: none is). */
  dropBelow?: number;
  /** Cross-validated micro-F1 of the model and of the rules on the same data, when measured. */
  scores?: { folds: number; model: number; rules: number };
  /** Attribution models: each role's weight of the rules and threshold (chosen on held-out data). */
  decoding?: RoleDecoding;
  /**
   * Attribution models: a word of each cue trained on; a paragraph with none of them, no rules'
   * cue and no speech verb is not read. Absent (older files): every paragraph is read.
   */
  cueWords?: string[];
  /** Attribution models: cross-validated role scores of the model and of the rules. */
  roleScores?: { folds: number; model: RoleScores; rules: RoleScores };
}

/** A learned model: an entity tagger or an attribution-role tagger, by `meta.task`. */
export interface LearnedModel {
  meta: ModelMeta;
  net: Net;
  /**
   * Further networks of the same shape, trained with other seeds: the tagger reads the mean of
   * all their probabilities (an ensemble; seeds differ, and so do their errors).
   */
  others?: Net[];
}

/** Every network of a model, its first one first. */
export const netsOf = (m: { net: Net; others?: Net[] }): Net[] => [m.net, ...(m.others ?? [])];

export type EntityModel = LearnedModel;
export type AttributionModel = LearnedModel;

export class ModelError extends Error {}

/** Networks besides the first a model file may hold: we train two more; a file asking for many is refused. */
const MAX_OTHERS = 7;

const b64 = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function floats(s: unknown, n: number, what: string): Float32Array {
  if (typeof s !== 'string') throw new ModelError(`${what} is missing`);
  const buf = Buffer.from(s, 'base64');
  if (buf.length !== n * 4)
    throw new ModelError(`${what} has ${buf.length / 4} numbers, the shape needs ${n}`);
  const out = new Float32Array(n);
  new Uint8Array(out.buffer).set(buf);
  for (let i = 0; i < n; i++)
    if (!Number.isFinite(out[i])) throw new ModelError(`${what} holds a number that is not finite`);
  return out;
}

export function serializeModel(m: LearnedModel): string {
  return JSON.stringify({
    format: MODEL_FORMAT,
    version: versionOf(m.net.shape),
    ...m.meta,
    shape: m.net.shape,
    params: b64(m.net.p),
    embeddings: m.net.e.map(b64),
    ...(m.others?.length
      ? { others: m.others.map((n) => ({ params: b64(n.p), embeddings: n.e.map(b64) })) }
      : {}),
  });
}

function checkShape(s: unknown, task: ModelTask): NetShape {
  const x = s as Partial<NetShape>;
  const int = (v: unknown, max: number) => Number.isInteger(v) && (v as number) > 0 && (v as number) <= max;
  if (
    !x ||
    !Array.isArray(x.rows) ||
    x.rows.length !== FEATURE_ROWS.length ||
    !x.rows.every((r, i) => r === FEATURE_ROWS[i]) ||
    !int(x.emb, 256) ||
    x.dense !== TASK_SHAPE[task].dense ||
    !int(x.hidden, 512) ||
    !Number.isInteger(x.windows) ||
    (x.windows as number) < 0 ||
    (x.windows as number) > 4 ||
    x.tags !== TASK_SHAPE[task].tags ||
    !(
      x.dilations === undefined ||
      (Array.isArray(x.dilations) && x.dilations.length === x.windows && x.dilations.every((d) => int(d, 64)))
    )
  )
    throw new ModelError('its network shape is not one this version of Newsmark reads');
  return x as NetShape;
}

const fraction = (v: unknown) => typeof v === 'number' && v > 0 && v < 1;

/** A role decoding as written, each number checked (the rules' own roles where one is missing or wrong). */
function decodingOf(v: unknown): RoleDecoding {
  const x = (v ?? {}) as {
    weights?: Record<string, unknown>;
    thresholds?: Record<string, unknown>;
    keep?: Record<string, unknown>;
    extend?: Record<string, unknown>;
  };
  const values = (o: Record<string, unknown> | undefined, ok: (n: unknown) => boolean, dflt: RoleValues) => {
    const pick = (k: keyof RoleValues) => (o && ok(o[k]) ? (o[k] as number) : dflt[k]);
    return { cue: pick('cue'), source: pick('source'), content: pick('content') };
  };
  const weight = (n: unknown) => typeof n === 'number' && n >= 0 && n <= 1;
  return {
    weights: values(x.weights, weight, RULES_DECODING.weights),
    thresholds: values(x.thresholds, fraction, RULES_DECODING.thresholds),
    keep: values(x.keep, (n) => n === 0 || n === 1, { cue: 0, source: 0, content: 0 }),
    extend: values(x.extend, (n) => fraction(n) || n === 1, { cue: 1, source: 1, content: 1 }),
  };
}

/** Cue words as written: a list of words, else none (then every paragraph is read: slower, never wrong). */
function cueWordsIn(v: unknown): { cueWords?: string[] } {
  const ok = Array.isArray(v) && v.every((w) => typeof w === 'string' && w.length <= 200);
  return ok ? { cueWords: v as string[] } : {};
}

/** Reads a model from its file's text; throws ModelError with a reason a user can act on. */
export function parseModel(text: string): LearnedModel {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(text);
  } catch {
    throw new ModelError('not a Newsmark model (not JSON)');
  }
  if (!o || o.format !== MODEL_FORMAT) throw new ModelError('not a Newsmark model');
  if (!READS_VERSIONS.includes(o.version as number))
    throw new ModelError(
      `a model of version ${String(o.version)}; this Newsmark reads versions ${READS_VERSIONS.join(' and ')}`,
    );
  if (o.task !== 'ner' && o.task !== 'attribution')
    throw new ModelError(`a model for the task "${String(o.task)}", which this Newsmark cannot use`);
  const task: ModelTask = o.task;
  const shape = checkShape(o.shape, task);
  const probe = new Net(shape, 1, new Float32Array(0), []);
  const netOf = (x: { params?: unknown; embeddings?: unknown }, of: string) => {
    const p = floats(x.params, probe.layout.size, `the weights${of}`);
    if (!Array.isArray(x.embeddings) || x.embeddings.length !== shape.rows.length)
      throw new ModelError(`the embeddings${of} are missing`);
    const e = shape.rows.map((rows, f) =>
      floats((x.embeddings as unknown[])[f], rows * shape.emb, `embedding table ${f + 1}${of}`),
    );
    return new Net(shape, 1, p, e);
  };
  if (o.others !== undefined && (!Array.isArray(o.others) || o.others.length > MAX_OTHERS))
    throw new ModelError(`its further networks are not a list of at most ${MAX_OTHERS}`);
  const others = ((o.others ?? []) as unknown[]).map((x, i) =>
    netOf((x ?? {}) as { params?: unknown; embeddings?: unknown }, ` of network ${i + 2}`),
  );
  const meta: ModelMeta = {
    task,
    languages: Array.isArray(o.languages) ? (o.languages as unknown[]).map(String) : [],
    created: String(o.created ?? ''),
    trainedOn: (o.trainedOn as ModelMeta['trainedOn']) ?? { documents: 0, spans: 0, tokens: 0 },
    rulesWeight:
      typeof o.rulesWeight === 'number' && o.rulesWeight >= 0 && o.rulesWeight <= 1 ? o.rulesWeight : 0,
    ...(task === 'ner' && fraction(o.dropBelow) ? { dropBelow: o.dropBelow as number } : {}),
    scores: o.scores as ModelMeta['scores'],
    roleScores: o.roleScores as ModelMeta['roleScores'],
    ...(task === 'attribution' ? { decoding: decodingOf(o.decoding), ...cueWordsIn(o.cueWords) } : {}),
  };
  return { meta, net: netOf(o, ''), ...(others.length ? { others } : {}) };
}
