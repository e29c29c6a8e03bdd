// The editor latency benchmark inside the offline VS Code (skipped, with a note, when it is not installed).
import { spawnSync } from 'node:child_process';
import { offlineAvailable } from './lib/codeserver.mjs';

if (!offlineAvailable()) {
  console.log(
    '\neditor latency: skipped (the offline VS Code is not installed: bash scripts/install-offline-vscode.sh)',
  );
  process.exit(0);
}
console.log('');
const r = spawnSync(process.execPath, ['scripts/run-integration.mjs', '--tests', 'out/test/bench/index.js'], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
