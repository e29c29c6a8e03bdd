// Bundled for the kill-the-writer test: the real atomic writer, loaded by a child process.
export { writeFileAtomicSync } from '../../src/core/io/sidecarFile';
