// Bundled for tests that need the real writers in child processes (a writer killed in a loop,
// four writers at once).
export { changeArticleAnnotations } from '../../src/core/io/articleAnnotations';
export { writeFileAtomicSync } from '../../src/core/io/sidecarFile';
