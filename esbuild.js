// Bundles the extension (Node), the CLI, the benchmark, the webview scripts and the tests.
// Type-checking is its own step (`npm run typecheck`): esbuild only strips types.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

function testEntries(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => /\.ts$/.test(f));
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  // Prefer packages' ES module builds: jsonc-parser's UMD build requires its parts at run time.
  mainFields: ['module', 'main'],
};

/**
 * The engine is bundled once, as dist/engine.js: the extension, its analysis worker and the CLI
 * load it at run time instead of each carrying a copy.
 */
const engineExternal = {
  name: 'engine-external',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/core$/ }, () => ({ path: './engine.js', external: true }));
  },
};
const client = { ...common, plugins: [engineExternal] };

const builds = [
  { ...common, entryPoints: ['src/core/index.ts'], outfile: 'dist/engine.js' },
  { ...client, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' },
  { ...client, entryPoints: ['src/extension/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
  { ...client, entryPoints: ['src/extension/learnWorker.ts'], outfile: 'dist/learnWorker.js' },
  { ...client, entryPoints: ['src/extension/corpusWorker.ts'], outfile: 'dist/corpusWorker.js' },
  { ...client, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
  // The comparison library stays a dev dependency, loaded from node_modules when present.
  {
    ...common,
    entryPoints: ['src/cli/bench.ts'],
    outfile: 'dist/bench.js',
    external: ['wink-nlp', 'wink-eng-lite-web-model'],
  },
  { ...common, entryPoints: ['src/cli/benchAnchoring.ts'], outfile: 'dist/bench-anchoring.js' },
  { ...common, entryPoints: ['src/core/annotations/schema.ts'], outfile: 'dist/schema.js', sourcemap: false },
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: fs.existsSync('media/src')
      ? fs
          .readdirSync('media/src')
          .filter((f) => /\.(ts|css)$/.test(f))
          .map((f) => `media/src/${f}`)
      : [],
    outdir: 'dist/media',
  },
];
if (!production) {
  // Tests are bundled one file per entry so mocha can load them without a TS loader.
  builds.push({
    ...common,
    entryPoints: [
      ...testEntries('test/unit'),
      ...testEntries('test/integration'),
      ...testEntries('test/bench'),
    ],
    outdir: 'out/test',
    outbase: 'test',
    external: ['vscode', 'mocha', 'typescript'],
  });
}

async function main() {
  const active = builds.filter((b) => b.entryPoints.length > 0);
  if (watch) {
    const contexts = await Promise.all(active.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[esbuild] watching…');
    return;
  }
  await Promise.all(active.map((b) => esbuild.build(b)));
  // The sidecar JSON Schema file (for VS Code's JSON editor) comes from the validator's schema.
  const { SIDECAR_SCHEMA } = require('./dist/schema.js');
  fs.writeFileSync('schemas/sidecar-v1.schema.json', `${JSON.stringify(SIDECAR_SCHEMA, null, 2)}\n`);
  console.log(`[esbuild] built ${active.length} bundles${production ? ' (production)' : ''}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
