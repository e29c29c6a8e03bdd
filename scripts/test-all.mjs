// `npm test`: unit tests (mocha in Node), integration tests (mocha inside VS Code), browser e2e
// checks, and the packaged .vsix installing into the offline VS Code. Prints one closing line
// "N passed, N failed" summing all layers; exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { offlineAvailable } from './lib/codeserver.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });

function step(name, cmd, args, resultFile) {
  console.log(`\n=== ${name} ===`);
  if (resultFile) fs.rmSync(resultFile, { force: true });
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  let counts = { passed: 0, failed: 0 };
  if (resultFile && fs.existsSync(resultFile)) counts = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  if (r.status !== 0 && counts.failed === 0) counts.failed = 1; // a layer that crashed counts as a failure
  if (r.status === 0 && counts.passed === 0 && counts.failed === 0) counts.passed = 1; // a single check
  return counts;
}

// The integration, e2e and package layers need the offline VS Code: installed on first use
// (as `npm start` does), unless the standard @vscode/test-electron launcher is asked for.
if (process.env.NEWSMARK_LAUNCHER !== 'electron' && !offlineAvailable()) {
  console.log('=== installing the offline VS Code (first run only) ===');
  spawnSync('bash', ['scripts/install-offline-vscode.sh'], { cwd: root, stdio: 'inherit' });
}
const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const layers = [
  ['unit', step('unit (Node)', process.execPath, ['scripts/run-unit.mjs'], path.join(results, 'unit.json'))],
  [
    'integration',
    step(
      'integration (VS Code extension host)',
      process.execPath,
      ['scripts/run-integration.mjs'],
      path.join(results, 'integration.json'),
    ),
  ],
  [
    'e2e',
    step(
      'e2e (browser, screenshots)',
      process.execPath,
      ['scripts/run-e2e.mjs'],
      path.join(results, 'e2e.json'),
    ),
  ],
  [
    'package',
    step(
      'package (.vsix installs and activates)',
      process.execPath,
      ['scripts/check-package.mjs'],
      path.join(results, 'package.json'),
    ),
  ],
];
let passed = 0;
let failed = 0;
console.log('\n=== summary ===');
for (const [name, c] of layers) {
  console.log(`${name.padEnd(12)} ${c.passed} passed, ${c.failed} failed`);
  passed += c.passed;
  failed += c.failed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
