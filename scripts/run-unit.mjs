// Unit tests of src/core and the CLI with mocha in Node; writes test-results/unit.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'out/test/unit');
const mocha = new Mocha({ timeout: 20000, reporter: 'spec' });
for (const f of fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.test.js'))
  .sort())
  mocha.addFile(path.join(dir, f));
process.chdir(root);
const runner = mocha.run((failures) => {
  const out = path.join(root, 'test-results/unit.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ passed: runner.stats.passes, failed: runner.stats.failures }));
  process.exitCode = failures ? 1 : 0;
});
