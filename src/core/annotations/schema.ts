/**
 * The sidecar's JSON Schema (draft-07) and its validator (Ajv). Sidecars are untrusted input:
 * unknown keys (including "__proto__"), wrong types and absurd sizes are rejected with a
 * message that says where.
 */
import Ajv, { type ErrorObject } from 'ajv';
import { SIDECAR_SCHEMA_ID, SIDECAR_VERSION, type Sidecar } from './model';

const span = { type: 'integer', minimum: 0, maximum: 1e9 };
const str = (max: number) => ({ type: 'string', maxLength: max });

export const SIDECAR_SCHEMA = {
  $id: SIDECAR_SCHEMA_ID,
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Newsmark sidecar',
  description: 'User annotations of one article, kept beside it as <article>.newsmark.json.',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'annotations'],
  properties: {
    $schema: str(200),
    version: { type: 'integer', minimum: 1, description: 'Format version; a newer version opens read-only.' },
    article: str(4096),
    textHash: { type: 'string', pattern: '^(sha256:[0-9a-f]{64})?$' },
    positionUnit: { const: 'utf-16' },
    reviewed: {
      type: 'object',
      additionalProperties: false,
      required: ['by', 'at'],
      description:
        'Set by "Mark Article as Reviewed": every finding not rejected is taken as right (training data).',
      properties: { by: str(200), at: str(40) },
    },
    annotations: {
      type: 'array',
      maxItems: 100000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'label', 'target', 'author', 'created', 'modified'],
        properties: {
          id: { type: 'string', pattern: '^[0-9A-Za-z_-]{1,64}$' },
          label: { type: 'string', minLength: 1, maxLength: 64 },
          target: {
            type: 'object',
            additionalProperties: false,
            required: ['quote', 'position'],
            properties: {
              quote: {
                type: 'object',
                additionalProperties: false,
                required: ['type', 'exact'],
                properties: {
                  type: { const: 'TextQuoteSelector' },
                  exact: { type: 'string', minLength: 1, maxLength: 100000 },
                  prefix: str(64),
                  suffix: str(64),
                },
              },
              position: {
                type: 'object',
                additionalProperties: false,
                required: ['type', 'start', 'end'],
                properties: { type: { const: 'TextPositionSelector' }, start: span, end: span },
              },
            },
          },
          note: str(20000),
          entity: str(500),
          role: { enum: ['source', 'cue', 'content'] },
          link: { type: 'string', pattern: '^[0-9A-Za-z_-]{1,64}$' },
          finding: {
            type: 'object',
            additionalProperties: false,
            required: ['kind', 'type', 'verdict'],
            properties: {
              kind: { enum: ['entity', 'attribution'] },
              type: str(32),
              verdict: { enum: ['confirmed', 'rejected', 'corrected'] },
            },
          },
          curated: {
            type: 'object',
            additionalProperties: false,
            required: ['from'],
            description: 'Made by adjudicating a disagreement: the annotators whose annotation was taken.',
            properties: { from: { type: 'array', maxItems: 10, items: str(200) } },
          },
          author: str(200),
          created: { type: 'string', format: 'date-time', maxLength: 40 },
          modified: { type: 'string', format: 'date-time', maxLength: 40 },
        },
      },
    },
  },
} as const;

const ajv = new Ajv({
  allErrors: false,
  strict: true,
  formats: { 'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/ },
});
const validate = ajv.compile(SIDECAR_SCHEMA);

/** The largest sidecar read (bytes); larger files are refused before parsing. */
export const MAX_SIDECAR_BYTES = 20 * 1024 * 1024;

export class SidecarError extends Error {
  constructor(
    message: string,
    readonly kind: 'too-large' | 'syntax' | 'schema' | 'newer-version',
    /** For a newer version: the annotations this version can read, to show read-only. */
    readonly readable?: Sidecar,
  ) {
    super(message);
  }
}

const validateItem = ajv.compile(SIDECAR_SCHEMA.properties.annotations.items);

function describeError(e: ErrorObject): string {
  const where = e.instancePath || '(top level)';
  if (e.keyword === 'additionalProperties')
    return `${where}: unexpected key "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  return `${where}: ${e.message}`;
}

/**
 * Parses and validates sidecar text. A sidecar of a newer version throws 'newer-version' after
 * a successful parse, so the caller can open it read-only.
 */
export function parseSidecar(text: string): Sidecar {
  if (text.length > MAX_SIDECAR_BYTES) {
    throw new SidecarError(
      `the sidecar is too large (${(text.length / 1048576).toFixed(1)} MB; at most ${MAX_SIDECAR_BYTES / 1048576} MB)`,
      'too-large',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new SidecarError(`not valid JSON: ${(e as Error).message}`, 'syntax');
  }
  if (
    data &&
    typeof data === 'object' &&
    typeof (data as { version?: unknown }).version === 'number' &&
    (data as { version: number }).version > SIDECAR_VERSION
  ) {
    const d = data as { version: number; annotations?: unknown; article?: unknown; textHash?: unknown };
    const items = Array.isArray(d.annotations) ? d.annotations.filter((a) => validateItem(a)) : [];
    const readable: Sidecar = {
      $schema: SIDECAR_SCHEMA_ID,
      version: d.version,
      article: typeof d.article === 'string' ? d.article : '',
      textHash: typeof d.textHash === 'string' ? d.textHash : '',
      positionUnit: 'utf-16',
      annotations: items as Sidecar['annotations'],
    };
    throw new SidecarError(
      `the sidecar was written by a newer Newsmark (format version ${d.version}; this one reads ${SIDECAR_VERSION})`,
      'newer-version',
      readable,
    );
  }
  if (!validate(data)) {
    throw new SidecarError(
      `does not match the sidecar schema: ${(validate.errors ?? []).map(describeError).join('; ')}`,
      'schema',
    );
  }
  const s = data as unknown as Sidecar;
  for (const a of s.annotations) {
    if (a.target.position.end < a.target.position.start)
      throw new SidecarError(`/annotations: ${a.id} ends before it starts`, 'schema');
  }
  const ids = new Set<string>();
  for (const a of s.annotations) {
    if (ids.has(a.id)) throw new SidecarError(`/annotations: duplicate id ${a.id}`, 'schema');
    ids.add(a.id);
  }
  return {
    // Only our own schema id is kept: a sidecar from elsewhere may name any URL there.
    $schema: SIDECAR_SCHEMA_ID,
    version: s.version,
    article: s.article ?? '',
    textHash: s.textHash ?? '',
    positionUnit: 'utf-16',
    ...(s.reviewed ? { reviewed: { by: s.reviewed.by, at: s.reviewed.at } } : {}),
    annotations: s.annotations,
  };
}
