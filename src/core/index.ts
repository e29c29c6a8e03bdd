/**
 * The engine's public surface: the one import path of the CLI and the extension. Everything
 * above `io/` is pure (text in, data out: no files, no network, no VS Code); `io/` reads and
 * writes sidecars and export files.
 */

export {
  Agreement,
  type AgreementReport,
  type Disagreement,
  type DisagreementKind,
  type LabelledSpan,
  type Scores,
  wordTokensOf,
} from './agreement';
// Analysis
export { type AnalyzeOptions, analyze } from './analyze';
// Annotations: the model, its schema, anchoring, one article's set
export type { Anchor, Placement, TextChange } from './annotations/anchoring';
export { describe, place, shift } from './annotations/anchoring';
export { AnnotationSet, applyVerdicts, type NewAnnotation, type Placed } from './annotations/annotationSet';
export {
  type Annotation,
  DEFAULT_LABELS,
  emptySidecar,
  type FindingRef,
  type Label,
  mergeAnnotations,
  type Role,
  SIDECAR_SCHEMA_ID,
  SIDECAR_SUFFIX,
  type Sidecar,
  serializeSidecar,
  type Verdict,
} from './annotations/model';
export { MAX_SIDECAR_BYTES, parseSidecar, SIDECAR_SCHEMA, SidecarError } from './annotations/schema';
export { AnalysisCache } from './article';
export {
  articleDate,
  articlePart,
  type CorpusEntity,
  type CorpusPart,
  type CorpusReport,
  type CorpusSource,
  corpusPageHtml,
  corpusReport,
  type EntityChoices,
  emptyPart,
  fixedKey,
  isCorpusPart,
  mergeParts,
  nameTokens,
  PAGE_STATEMENTS,
  type PageAssets,
  pageData,
  parseEntityChoices,
  type StatementFilter,
  type StatementRef,
  spellingKey,
  statementsMatching,
} from './corpus';
export { withUserFindings } from './corpus/userFindings';
// Scoring against gold data
export { type AttributionGold, AttributionScorer, type NerGold, NerScorer, type PRF } from './evaluate';
// Export and import formats
export { type ConllDoc, conllDocument, readConll } from './export/conll';
export { CSV_COLUMNS, escapeHtml, FORMATS, type Format, toReport } from './export/formats';
export {
  applyImport,
  IMPORT_FORMATS,
  ImportError,
  type ImportFormat,
  parseImport,
  previewImport,
} from './export/importers';
export { type ArticleExport, buildExport, type Include } from './export/records';
export {
  AgreementError,
  type AuthoredSpan,
  annotatorSpans,
  compareAuthors,
  compareSides,
  sidecarSpans,
  sidecarTextSpans,
} from './io/agreementFiles';
// I/O: sidecar files and export files
export {
  changeArticleAnnotations,
  type OpenedAnnotations,
  type OpenOptions,
  openArticleAnnotations,
} from './io/articleAnnotations';
export { analysisLinePart, articleFilePart, readPartFile } from './io/corpusFiles';
export {
  type ExportOptions,
  ExportRefused,
  type ExportResult,
  ExportWriter,
  existingOutputs,
  exportFiles,
  loadArticleExport,
  plannedOutputs,
} from './io/exportFiles';
export { articleTrainingDoc, readModelFile, type TrainingDoc, writeModelFile } from './io/learnedModels';
export {
  articlePathFor,
  backupSidecar,
  type ReadResult,
  readSidecarFile,
  type SidecarLocation,
  serializeChecked,
  sidecarPathFor,
  textHash,
  updateSidecar,
  writeFileAtomicSync,
  writeSidecarFile,
  writeSidecarText,
} from './io/sidecarFile';
export { detectLanguage } from './language';
export type { AttributionDoc, RoleSpans } from './learn/attributionTagger';
// Learning from annotations
export {
  crossValidateAttribution,
  type RoleCrossValidation,
  scoreAttributionTagger,
  trainAttributionTagger,
} from './learn/attributionTraining';
export type { EntityDoc, GoldSpan, TrainOptions } from './learn/entityTagger';
export { meanWeight, type RoleDecoding } from './learn/learnedAttributions';
export {
  type AttributionModel,
  type EntityModel,
  type LearnedModel,
  MODEL_FORMAT,
  ModelError,
  type ModelMeta,
  type ModelTask,
  parseModel,
  type RoleScores,
  serializeModel,
} from './learn/modelFile';
export type { Net } from './learn/net';
export {
  type CrossValidation,
  crossValidate,
  MIN_DOCS_TO_MEASURE,
  trainEntityTagger,
} from './learn/training';
export { shiftAnalysis } from './shiftAnalysis';
export { chainOf, chainsOf, sourceNames } from './sources';
export { stripBom } from './text';
export * from './types';
