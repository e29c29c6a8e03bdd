// `npm start`: the main job on the sample articles. Builds, prints Newsmark's analysis of
// seeds/ and their corpus summary in the terminal, then opens seeds/ in VS Code with Newsmark loaded: the local `code`
// CLI when there is one, otherwise the offline VS Code in the browser (its address is printed).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { offlineAvailable, root, startServer, workbenchUrl } from './lib/codeserver.mjs';

const seeds = path.join(root, 'seeds');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
if (run(process.execPath, ['esbuild.js']).status !== 0) process.exit(1);
run(process.execPath, ['bin/newsmark.js', 'analyze', 'seeds']);
console.log('\n── the sample articles as a corpus (newsmark corpus seeds) ──');
run(process.execPath, ['bin/newsmark.js', 'corpus', 'seeds']);
if (process.argv.includes('--no-editor')) process.exit(0);

const hasCode = spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasCode && !process.argv.includes('--browser')) {
  console.log(`Opening ${seeds} in VS Code with Newsmark loaded (extension development host)…`);
  spawn('code', ['--extensionDevelopmentPath', root, seeds], { stdio: 'inherit', detached: true }).unref();
} else {
  if (!offlineAvailable()) {
    console.log('Installing the offline VS Code (code-server + Debian Chromium), once…');
    if (run('bash', ['scripts/install-offline-vscode.sh']).status !== 0) process.exit(1);
  }
  const server = await startServer();
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${root}`],
    ['skipWelcome', 'true'],
  ];
  console.log('\nNewsmark is running in VS Code in your browser:');
  console.log(`  ${workbenchUrl(server.port, seeds, payload)}`);
  console.log('Open an article from the Explorer; press Ctrl+C here to stop.');
  await new Promise(() => {});
}
