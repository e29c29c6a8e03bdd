// Starts the offline VS Code (code-server from npm) on loopback with an isolated profile and
// opens it in Debian Chromium through playwright-core. Shared by the integration and e2e runners.
// Everything lives under a temp dir; the server runs in its own process group, killed on exit,
// and a detached watchdog kills it too if this runner is killed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const csDir = path.join(root, '.vscode-test/code-server');
const entry = path.join(csDir, 'node_modules/code-server/out/node/entry.js');

export function offlineAvailable() {
  const stamp = fs.existsSync(csDir) && fs.readdirSync(csDir).some((f) => f.startsWith('.installed-'));
  return stamp && fs.existsSync(entry) && fs.existsSync(chromiumPath());
}

export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitHealthy(port, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not become healthy on port ${port} within ${ms} ms`);
}

/** `code-server --install-extension VSIX` into the profile under tmp; the spawnSync result. */
export function installExtension(tmp, vsix, env) {
  return spawnSync(
    process.execPath,
    [
      entry,
      '--user-data-dir',
      path.join(tmp, 'user-data'),
      '--extensions-dir',
      path.join(tmp, 'extensions'),
      '--install-extension',
      vsix,
    ],
    { env, encoding: 'utf8' },
  );
}

/**
 * Installs test/fixtures/display-language-uk (packaged with vsce) into the profile, so that
 * `--locale uk` resolves to a display language VS Code knows (it has no Ukrainian pack of its own).
 */
function installDisplayLanguage(tmp, env) {
  const vsix = path.join(tmp, 'display-language-uk.vsix');
  const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
  const pack = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix],
    { cwd: path.join(root, 'test/fixtures/display-language-uk'), encoding: 'utf8' },
  );
  if (pack.status !== 0) throw new Error(`packaging the uk display language failed: ${pack.stderr}`);
  const inst = installExtension(tmp, vsix, env);
  if (inst.status !== 0) throw new Error(`installing the uk display language failed: ${inst.stderr}`);
  // The server reads language packs from languagepacks.json, which only the desktop app's
  // localization service writes; write the entry it would write for this pack.
  const manifest = JSON.parse(
    fs.readFileSync(path.join(root, 'test/fixtures/display-language-uk/package.json')),
  );
  const id = `${manifest.publisher}.${manifest.name}`;
  const dir = path.join(tmp, 'extensions', `${id}-${manifest.version}`);
  fs.writeFileSync(
    path.join(tmp, 'user-data/languagepacks.json'),
    JSON.stringify({
      uk: {
        hash: `${id}-${manifest.version}`,
        extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
        translations: { vscode: path.join(dir, 'translations/main.i18n.json') },
        label: 'Українська',
      },
    }),
  );
}

/**
 * Starts code-server; returns { port, tmp, stop }. locale (default NEWSMARK_LOCALE or English):
 * VS Code's display language; 'uk' installs the test display-language pack first.
 */
export async function startServer({ log = false, reuseTmp, locale = process.env.NEWSMARK_LOCALE } = {}) {
  // reuseTmp: a profile prepared by the caller (who removes it); otherwise a fresh temp dir.
  const tmp = reuseTmp ?? fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-vscode-'));
  const dirs = ['user-data/User', 'extensions', 'xdg/config', 'xdg/data', 'xdg/cache'];
  for (const d of dirs) fs.mkdirSync(path.join(tmp, d), { recursive: true });
  fs.writeFileSync(
    path.join(tmp, 'user-data/User/settings.json'),
    JSON.stringify({
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'workbench.enableExperiments': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'git.enabled': false,
      'security.workspace.trust.enabled': false,
      'window.restoreWindows': 'none',
      'editor.hover.delay': 200,
      'editor.wordWrap': 'on',
      'editor.minimap.enabled': false,
    }),
  );
  fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\n');
  const port = await freePort();
  const env = {
    ...process.env,
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: path.join(tmp, 'xdg/config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg/data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg/cache'),
    HOME: tmp, // code-server must never write into the real ~
  };
  const args = [
    entry,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--config',
    path.join(tmp, 'config.yaml'),
    '--user-data-dir',
    path.join(tmp, 'user-data'),
    '--extensions-dir',
    path.join(tmp, 'extensions'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--ignore-last-opened',
  ];
  if (locale && locale !== 'en') {
    if (locale === 'uk') installDisplayLanguage(tmp, env);
    args.push('--locale', locale);
  }
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (d) => {
    output += d;
    if (log) process.stderr.write(d);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  // Watchdog: a detached process that kills the server group when this runner dies.
  const watchdog = spawn(
    process.execPath,
    [
      '-e',
      `const p=${process.pid},g=${child.pid};setInterval(()=>{try{process.kill(p,0)}catch{try{process.kill(-g,'SIGKILL')}catch{}process.exit(0)}},500)`,
    ],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
    try {
      process.kill(watchdog.pid, 'SIGKILL');
    } catch {}
    if (!reuseTmp) fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.once('exit', stop);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.once(sig, () => {
      stop();
      process.exit(130);
    });
  try {
    await waitHealthy(port, 60000);
  } catch (e) {
    stop();
    throw new Error(`${e.message}\n${output.slice(-2000)}`);
  }
  return { port, tmp, stop, output: () => output };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** Opens Chromium on loopback only; every request elsewhere is aborted. */
export async function openBrowser(tmp) {
  const { chromium } = await import('playwright-core');
  // The browser's profile, caches and dconf all live under the temp dir, never in ~.
  const env = {
    ...process.env,
    HOME: tmp,
    XDG_CONFIG_HOME: path.join(tmp, 'xdg/config'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg/cache'),
    XDG_DATA_HOME: path.join(tmp, 'xdg/data'),
  };
  const browser = await chromium.launch({
    env,
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1' || u.protocol === 'data:' || u.protocol === 'blob:')
      return route.continue();
    return route.abort();
  });
  const page = await context.newPage();
  return { browser, context, page };
}

export function workbenchUrl(port, folder, payload) {
  const q = new URLSearchParams({ folder });
  if (payload) q.set('payload', JSON.stringify(payload));
  return `http://127.0.0.1:${port}/?${q.toString()}`;
}

/** A fresh workspace with copies of the seed articles (tests may edit them). */
export function makeWorkspace(tmp) {
  const ws = path.join(tmp, 'workspace');
  fs.mkdirSync(ws, { recursive: true });
  for (const f of fs.readdirSync(path.join(root, 'seeds')))
    fs.copyFileSync(path.join(root, 'seeds', f), path.join(ws, f));
  fs.writeFileSync(path.join(ws, 'notes.json'), '{ "title": "Not an article: Yonhap said nothing here" }\n');
  fs.writeFileSync(
    path.join(ws, 'script.js'),
    '// Yonhap said "this is code", and code is never decorated.\nconsole.log("KCNA");\n',
  );
  return ws;
}
