/**
 * Mocha entry point inside the VS Code extension host; the same file serves the offline
 * code-server launcher and @vscode/test-electron. Writes pass/fail counts for `npm test`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  console.log(
    `integration: inside VS Code ${vscode.version}, appHost=${vscode.env.appHost}, appName=${vscode.env.appName}, language=${vscode.env.language}`,
  );
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  const dir = __dirname;
  for (const f of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(dir, f));
  const root = path.resolve(dir, '../../..');
  const results = path.join(root, 'test-results/integration.json');
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures };
      fs.mkdirSync(path.dirname(results), { recursive: true });
      fs.writeFileSync(
        results,
        JSON.stringify({
          passed: stats.passes,
          failed: stats.failures,
          vscode: vscode.version,
          appHost: vscode.env.appHost,
        }),
      );
      console.log(`integration: ${stats.passes} passed, ${stats.failures} failed`);
      if (failures > 0) reject(new Error(`${failures} integration tests failed`));
      else resolve();
    });
  });
}
