/** Domain types shared by the engine, the CLI and the extension. Offsets are UTF-16 code units. */

export type Language = 'uk' | 'ru' | 'en';
export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';
/** What an organisation or place is, where the engine knows it. */
export type EntityKind =
  | 'media'
  | 'state-media'
  | 'government'
  | 'international'
  | 'party'
  | 'company'
  | 'country'
  | 'city'
  | 'region';
export type SourceKind =
  | 'person'
  | 'organisation'
  | 'media'
  | 'government'
  | 'document'
  | 'anonymous'
  | 'none';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Mention extends Span {
  type: EntityType;
}

export interface Entity {
  id: string;
  type: EntityType;
  /** Canonical name: the fullest nominative-looking form seen. */
  name: string;
  kind?: EntityKind;
  /** True for state-controlled media (KCNA, TASS, …). */
  stateMedia?: boolean;
  mentions: Span[];
  /** Found by a learned model: how sure it was (the least sure of its mentions, 0..1). */
  confidence?: number;
}

export interface Attribution {
  id: string;
  cue: Span[];
  source: Span[];
  content: Span[];
  /** Every content span is verbatim text inside quotation marks. */
  direct: boolean;
  anonymous: boolean;
  sourceKind: SourceKind;
  /** Entity id of the source, when the source is a known entity. */
  sourceEntity?: string;
  /** Id of the attribution this one relays (the next link towards the origin of the report). */
  via?: string;
  /** From a learned model: how sure it was of the cue (0..1). */
  confidence?: number;
}

export interface Source {
  name: string;
  kind: SourceKind;
  entity?: string;
  anonymous: boolean;
  attributions: string[];
  /** Names of the sources this one cites. */
  cites: string[];
}

export interface Analysis {
  language: Language;
  entities: Entity[];
  attributions: Attribution[];
  sources: Source[];
  /** Lines recognised as boilerplate (read also, photo credits, subscription calls). */
  boilerplate: Span[];
  stats: { characters: number; words: number; sentences: number };
}
