// Runs the integration tests (mocha inside a real VS Code extension host). Launchers, in order:
//   offline: code-server from npm + Debian Chromium (.vscode-test/, see scripts/install-offline-vscode.sh)
//   electron: @vscode/test-electron (downloads VS Code; needs the internet)
// NEWSMARK_LAUNCHER=offline|electron forces one. Writes test-results/integration.json.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import {
  makeWorkspace,
  offlineAvailable,
  openBrowser,
  root,
  startServer,
  workbenchUrl,
} from './lib/codeserver.mjs';

// --tests PATH runs another test index in the host (the editor benchmark uses this).
const at = process.argv.indexOf('--tests');
const testsIndex = path.resolve(root, at > 0 ? process.argv[at + 1] : 'out/test/integration/index.js');
const resultFile = path.join(root, 'test-results/integration.json');
fs.mkdirSync(path.dirname(resultFile), { recursive: true });
fs.rmSync(resultFile, { force: true });
if (!fs.existsSync(testsIndex)) {
  console.error('integration: tests are not built; run `npm run build` first.');
  process.exit(1);
}

// Workbench chatter that says nothing about the tests.
const NOISE =
  /^(Resolving connection|Resolved connection|Creating a socket|Ignoring fetching|\[Service Worker\]|ChatSessionStore|Updating additional builtin|File not found .*vsda)/;

async function runOffline() {
  console.log('integration: launcher = offline VS Code (code-server + Debian Chromium)');
  const server = await startServer();
  const ws = makeWorkspace(server.tmp);
  const { browser, page } = await openBrowser(server.tmp);
  let exitCode;
  const done = new Promise((resolve) => {
    page.exposeFunction('codeAutomationExit', (code) => {
      exitCode = code;
      resolve();
    });
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...(Array.isArray(args) ? args : [args]));
    if (NOISE.test(line)) return;
    if (type === 'error') console.error(line);
    else console.log(line);
  });
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(root)],
    ['extensionTestsPath', remote(testsIndex)],
    ['skipWelcome', 'true'],
  ];
  await page.goto(workbenchUrl(server.port, ws, payload));
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new Error('integration tests timed out after 5 min')), 300000),
  );
  try {
    await Promise.race([done, timeout]);
  } finally {
    await browser.close().catch(() => {});
    server.stop();
  }
  return exitCode;
}

async function runElectron() {
  console.log('integration: launcher = @vscode/test-electron (downloads VS Code)');
  const { runTests } = await import('@vscode/test-electron');
  const tmp = fs.mkdtempSync(path.join(root, '.vscode-test/ws-'));
  const ws = makeWorkspace(tmp);
  try {
    return await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: testsIndex,
      launchArgs: [ws, '--disable-extensions'],
    });
  } catch (e) {
    console.error(`integration: @vscode/test-electron failed: ${e.message ?? e}`);
    return 1;
  }
}

const forced = process.env.NEWSMARK_LAUNCHER;
let code;
if (forced === 'electron') code = await runElectron();
else if (forced === 'offline' || offlineAvailable()) {
  if (!offlineAvailable()) {
    console.error(
      'integration: the offline VS Code is not installed. Run `bash scripts/install-offline-vscode.sh`.',
    );
    process.exit(1);
  }
  code = await runOffline();
} else {
  console.log(
    'integration: the offline VS Code is not installed (bash scripts/install-offline-vscode.sh); trying @vscode/test-electron',
  );
  code = await runElectron();
}
if (!fs.existsSync(resultFile)) {
  console.error('integration: FAILED: the test host reported no results (it did not start, or crashed).');
  fs.writeFileSync(resultFile, JSON.stringify({ passed: 0, failed: 1 }));
  process.exit(1);
}
process.exit(code === 0 ? 0 : 1);
