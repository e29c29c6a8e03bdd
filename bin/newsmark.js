#!/usr/bin/env node
// Thin launcher: the CLI is bundled by `npm run build` into dist/cli.js.
try {
  const cli = require('../dist/cli.js');
  cli.main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('dist/cli.js')) {
    console.error('newsmark: the CLI is not built yet; run `npm run build` first.');
    process.exit(2);
  }
  throw e;
}
