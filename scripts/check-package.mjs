// Builds the .vsix, checks its size (< 1 MB), installs it into a fresh offline VS Code
// profile with --install-extension, and checks the workbench activates it on an article.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  installExtension,
  makeWorkspace,
  offlineAvailable,
  openBrowser,
  root,
  startServer,
  workbenchUrl,
} from './lib/codeserver.mjs';

const out = path.join(root, 'test-results/package.json');
let passed = 0;
let failed = 0;
const ok = (name) => {
  passed++;
  console.log(`  ✔ ${name}`);
};
const fail = (name, why) => {
  failed++;
  console.log(`  ✘ ${name}: ${why}`);
};
const finish = () => {
  fs.writeFileSync(out, JSON.stringify({ passed, failed }));
  console.log(`package: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
};

const vsix = path.join(root, 'dist/newsmark.vsix');
fs.rmSync(vsix, { force: true });
const pack = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, encoding: 'utf8' });
if (pack.status !== 0 || !fs.existsSync(vsix)) {
  fail('npm run package builds a .vsix', pack.stderr || pack.stdout);
  finish();
}
ok('npm run package builds a .vsix');
const size = fs.statSync(vsix).size;
size < 1024 * 1024
  ? ok(`the .vsix is under 1 MB (${(size / 1024).toFixed(0)} KB)`)
  : fail('the .vsix is under 1 MB', `${size} bytes`);
// The production build replaced the development bundles: rebuild them for the other layers.
spawnSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'ignore' });

if (!offlineAvailable()) {
  fail(
    'the .vsix installs into VS Code',
    'the offline VS Code is not installed (bash scripts/install-offline-vscode.sh)',
  );
  finish();
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-vsix-'));
process.once('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
for (const d of ['extensions', 'user-data', 'xdg/config', 'xdg/data'])
  fs.mkdirSync(path.join(tmp, d), { recursive: true });
const inst = installExtension(tmp, vsix, {
  ...process.env,
  HOME: tmp,
  XDG_CONFIG_HOME: path.join(tmp, 'xdg/config'),
  XDG_DATA_HOME: path.join(tmp, 'xdg/data'),
});
const installed = fs
  .readdirSync(path.join(tmp, 'extensions'))
  .some((d) => d.startsWith('newsmark.newsmark-'));
inst.status === 0 && installed
  ? ok('the .vsix installs with --install-extension')
  : fail('the .vsix installs with --install-extension', inst.stderr || inst.stdout);
if (installed) {
  const server = await startServer({ reuseTmp: tmp });
  const ws = makeWorkspace(tmp);
  const { browser, page } = await openBrowser(tmp);
  try {
    await page.goto(workbenchUrl(server.port, ws));
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForTimeout(1500);
    await page.keyboard.press('Control+P');
    await page.keyboard.type('uk-ukrinform-kndr-russia.txt', { delay: 20 });
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 15000 });
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: 'attributions' }).first().waitFor({ timeout: 20000 });
    ok('the installed extension activates on an article (status bar shows its counts)');
  } catch (e) {
    fail('the installed extension activates on an article', e.message);
  } finally {
    await browser.close().catch(() => {});
    server.stop();
  }
}
finish();
