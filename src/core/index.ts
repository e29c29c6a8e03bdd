/** Public surface of the engine (no VS Code imports anywhere under src/core). */
export { analyze } from './analyze';
export { AnalysisCache } from './article';
export { detectLanguage } from './language';
export { chainOf } from './sources';
export { stripBom } from './text';
export * from './types';
