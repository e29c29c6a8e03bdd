/** The workspace as a news corpus: mergeable parts, names across languages, the report. */
export { articleDate } from './date';
export { type StatementFilter, statementMatcher, statementsMatching } from './filter';
export { fixedKey, nameTokens, spellingKey } from './names';
export { corpusPageHtml, PAGE_STATEMENTS, type PageAssets, pageData, scriptJson } from './page';
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
  parseEntityChoices,
} from './report';
