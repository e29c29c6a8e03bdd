/** The workspace as a news corpus: mergeable parts, names across languages, the report. */
export { articleDate } from './date';
export { fixedKey, nameTokens, spellingKey } from './names';
export { corpusPageHtml, type PageAssets, scriptJson } from './page';
export {
  type ArticleCount,
  articlePart,
  type CorpusPart,
  emptyPart,
  isCorpusPart,
  mergeParts,
  type StatementRef,
} from './part';
export {
  type CorpusEntity,
  type CorpusReport,
  type CorpusSource,
  corpusReport,
  type EntityChoices,
} from './report';
