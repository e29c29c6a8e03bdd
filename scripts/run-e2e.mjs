// Browser end-to-end checks: drives the offline VS Code like a person (Quick Open, command
// palette, a hover, the activity bar) and saves screenshots under test-results/screenshots/.
// Writes test-results/e2e.json with pass/fail counts.
import fs from 'node:fs';
import path from 'node:path';
import {
  makeWorkspace,
  offlineAvailable,
  openBrowser,
  root,
  startServer,
  workbenchUrl,
} from './lib/codeserver.mjs';

const shots = path.join(root, 'test-results/screenshots');
const resultFile = path.join(root, 'test-results/e2e.json');
fs.mkdirSync(shots, { recursive: true });
fs.rmSync(resultFile, { force: true });
if (!offlineAvailable()) {
  console.error(
    'e2e: FAILED: the offline VS Code is not installed (bash scripts/install-offline-vscode.sh); browser checks cannot run.',
  );
  fs.writeFileSync(resultFile, JSON.stringify({ passed: 0, failed: 1 }));
  process.exit(1);
}
console.log('e2e: launcher = offline VS Code (code-server + Debian Chromium)');
const server = await startServer();
const ws = makeWorkspace(server.tmp);
const { browser, page: firstPage } = await openBrowser(server.tmp);
let page = firstPage;
const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
let passed = 0;
let failed = 0;

// UI timing in a headless browser varies: a failed check is tried once more (and says so).
async function check(name, fn) {
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      await fn();
      passed++;
      console.log(`  ✔ ${name}${attempt > 1 ? ' (passed on retry)' : ''}`);
      return;
    } catch (e) {
      await page
        .screenshot({
          path: path.join(shots, `failed-${name.replace(/\W+/g, '-').slice(0, 60)}-${attempt}.png`),
        })
        .catch(() => {});
      await page.keyboard.press('Escape').catch(() => {});
      if (attempt === 2) {
        failed++;
        console.log(
          `  ✘ ${name}\n    ${String(e.message ?? e)
            .split('\n')
            .slice(0, 4)
            .join('\n    ')}`,
        );
      } else console.log(`  … ${name}: ${String(e.message ?? e).split('\n')[0]}; trying again`);
    }
  }
}

async function quickOpen(file) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(file, { delay: 20 });
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${file}"]`, { timeout: 15000 });
  await page.keyboard.press('Enter');
}

async function palette(title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(title, { delay: 15 });
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`, {
    timeout: 15000,
  });
  await page.keyboard.press('Enter');
}

try {
  await page.goto(
    workbenchUrl(server.port, ws, [
      ['extensionDevelopmentPath', remote(root)],
      ['skipWelcome', 'true'],
    ]),
  );
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.waitForTimeout(2000);

  await check('opening the seed article through Quick Open decorates it', async () => {
    await quickOpen('uk-ukrinform-kndr-russia.txt');
    await page.waitForSelector('.view-lines [class*="ced-"]', { timeout: 20000 });
    const n = await page.locator('.view-lines [class*="ced-"]').count();
    if (n < 10) throw new Error(`only ${n} decorated spans`);
    await page.screenshot({ path: path.join(shots, 'seed-article-decorated.png') });
  });

  await check('the status bar shows the article counts', async () => {
    const item = page.locator('.statusbar-item', { hasText: 'attributions' });
    await item.first().waitFor({ timeout: 10000 });
    const text = await item.first().textContent();
    if (!/\d+ entities/.test(text)) throw new Error(`status: ${text}`);
  });

  await check('a hover card opens on a mention', async () => {
    // Background decorations are overlays, not text spans: select the first mention with the
    // palette command (as a keyboard user would), then point at the selection.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await palette('Newsmark: Next Entity');
    const sel = page.locator('.monaco-editor .selected-text:visible').first();
    await sel.waitFor({ timeout: 10000 });
    // The editor may re-render the selection layer (decorations arrive): ask until it holds still.
    let box = null;
    for (let i = 0; i < 20 && !box; i++) {
      box = await sel.boundingBox().catch(() => null);
      if (!box) await page.waitForTimeout(250);
    }
    if (!box) throw new Error('no selected mention on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('.monaco-hover:not(.hidden) .hover-contents', { timeout: 10000 });
    const text = await page.locator('.monaco-hover:not(.hidden)').first().textContent();
    if (!/КНДР/.test(text) || !/Place/.test(text) || !/mentions in this article/.test(text))
      throw new Error(`hover: ${text.slice(0, 200)}`);
    await page.waitForTimeout(400); // let the hover finish fading in
    await page.screenshot({ path: path.join(shots, 'hover-card.png') });
    await page.mouse.move(5, 5);
  });

  await check('the command palette opens the Sources panel with the chain of reporting', async () => {
    await palette('Newsmark: Show Sources Panel');
    const tree = page.locator('.pane-body .monaco-list-row', { hasText: 'Yonhap' });
    await tree.first().waitFor({ timeout: 15000 });
    const rows = await page.locator('.pane-body .monaco-list-row').allInnerTexts();
    const all = rows.join('\n');
    for (const name of ['Укрінформ', 'Yonhap', 'KCNA'])
      if (!all.includes(name)) throw new Error(`missing ${name} in ${all}`);
    await page.screenshot({ path: path.join(shots, 'sources-panel.png') });
    // A compact copy for the README and the packaged extension page.
    await page.screenshot({ path: path.join(shots, 'sources-panel.jpg'), type: 'jpeg', quality: 55 });
  });

  await check('clicking a source in the panel selects its span in the editor', async () => {
    await page.locator('.pane-body .monaco-list-row', { hasText: 'KCNA' }).first().click();
    await page.waitForTimeout(500);
    const sel = await page.locator('.monaco-editor .selected-text').count();
    if (sel < 1) throw new Error('no selection in the editor');
  });
  await check(
    'keyboard annotation: select, Ctrl+Alt+A, a label key, a note; the sidecar is written and the hover shows it',
    async () => {
      await quickOpen('uk-ukrinform-kndr-russia.txt');
      await page.locator('.monaco-editor .view-lines').first().click();
      // Select "Yonhap" with Find (Enter selects the match), then leave the find widget.
      await page.keyboard.press('Control+F');
      await page.keyboard.type('Yonhap');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Alt+A');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type('o'); // ORG's key applies the label at once
      await page
        .waitForSelector(
          '.quick-input-widget input[placeholder=""], .quick-input-widget .quick-input-message',
          { timeout: 10000 },
        )
        .catch(() => {});
      await page.keyboard.type('Південнокорейське агентство');
      await page.keyboard.press('Enter');
      const sidecar = path.join(ws, 'uk-ukrinform-kndr-russia.txt.newsmark.json');
      const until = Date.now() + 10000;
      while (!fs.existsSync(sidecar) && Date.now() < until) await page.waitForTimeout(200);
      const side = JSON.parse(fs.readFileSync(sidecar, 'utf8'));
      const a = side.annotations[0];
      if (a?.label !== 'ORG' || a.target.quote.exact !== 'Yonhap' || a.note !== 'Південнокорейське агентство')
        throw new Error(`sidecar: ${JSON.stringify(side.annotations)}`);
      const sel = page.locator('.monaco-editor .selected-text:visible').first();
      const box = await sel.boundingBox();
      if (!box) throw new Error('no selection on screen');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForSelector('.monaco-hover:not(.hidden) .hover-contents', { timeout: 10000 });
      const text = (await page.locator('.monaco-hover:not(.hidden)').first().textContent()) ?? '';
      if (!/your annotation/.test(text) || !/Південнокорейське агентство/.test(text))
        throw new Error(`hover: ${text.slice(0, 300)}`);
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(shots, 'user-annotation-hover.png') });
      await page.screenshot({
        path: path.join(shots, 'user-annotation-hover.jpg'),
        type: 'jpeg',
        quality: 55,
      });
      await page.mouse.move(5, 5);
    },
  );
  await check(
    'review with keys only: A accept, X reject, Space skip, U undo; each decision re-rendered',
    async () => {
      await quickOpen('en-demo-port-talks.txt');
      await page.locator('.statusbar-item', { hasText: 'attributions' }).first().waitFor({ timeout: 20000 });
      await page.locator('.monaco-editor .view-lines').first().click();
      await palette('Newsmark: Start Review');
      const status = page.locator('.statusbar-item', { hasText: /Review \d+\/\d+/ }).first();
      await status.waitFor({ timeout: 10000 });
      const total = Number(/Review \d+\/(\d+)/.exec(await status.textContent())[1]);
      // Each key is timed from the key press to the status bar naming the next finding: by then the
      // verdict is in the sidecar batch and the decorations are redrawn.
      const at = () =>
        page.evaluate(() => {
          const m = /Review (\d+)\//.exec(document.querySelector('.statusbar')?.textContent ?? '');
          return m ? Number(m[1]) : 0;
        });
      const keys = ['a', 'x', 'Space', 'a', 'a', 'x', 'u', 'a', 'Space', 'a', 'x', 'a'];
      const ms = [];
      for (const key of keys.slice(0, Math.max(0, total - 1))) {
        const before = await at();
        const want = key === 'u' ? before - 1 : before + 1;
        const t0 = Date.now();
        await page.keyboard.press(key);
        await page.waitForFunction(
          (w) => new RegExp(`Review ${w}/`).test(document.querySelector('.statusbar')?.textContent ?? ''),
          want,
          { timeout: 5000, polling: 'raf' },
        );
        ms.push(Date.now() - t0);
      }
      if (ms.length < 6) throw new Error(`only ${ms.length} decisions made (total ${total})`);
      await page.screenshot({ path: path.join(shots, 'review-mode.png') });
      await page.keyboard.press('Escape');
      const sidecar = path.join(ws, 'en-demo-port-talks.txt.newsmark.json');
      const side = JSON.parse(fs.readFileSync(sidecar, 'utf8'));
      const verdicts = side.annotations.map((a) => a.finding?.verdict).filter(Boolean);
      if (!verdicts.includes('confirmed') || !verdicts.includes('rejected'))
        throw new Error(`verdicts in the sidecar: ${verdicts}`);
      const sorted = [...ms].sort((x, y) => x - y);
      const median = sorted[Math.floor(sorted.length / 2)];
      const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
      const report = {
        decisions: ms.length,
        ms,
        median,
        p95,
        max: sorted.at(-1),
        perMinute: Math.floor(60000 / median),
      };
      fs.writeFileSync(path.join(root, 'test-results/review-latency.json'), JSON.stringify(report, null, 2));
      console.log(
        `    review in the browser: ${ms.length} decisions, key → re-rendered median ${median} ms, p95 ${p95} ms, max ${report.max} ms (the UI sustains ${report.perMinute} decisions/min)`,
      );
    },
  );
  await check(
    'Open Corpus Report: charts of the workspace; clicking a bar lists its statements',
    async () => {
      // A small corpus: the seeds and a few short articles in three languages.
      const more = {
        'corpus/uk-1.txt':
          'Як повідомляє Укрінформ з посиланням на ТАРС, у Москві відкинули пропозицію.\n\nЗа даними джерел, переговори зірвано.\n',
        'corpus/uk-2.txt':
          'Зеленський заявив, що обміну не буде без гарантій.\n\nПро це повідомляє Укрінформ з посиланням на Йонхап.\n',
        'corpus/en-1.txt':
          'President Volodymyr Zelensky said Ukraine would not give up territory, Reuters reported.\n\nAccording to TASS, Moscow rejected the plan. Sources said the talks had stalled.\n',
      };
      for (const [f, text] of Object.entries(more)) {
        fs.mkdirSync(path.dirname(path.join(ws, f)), { recursive: true });
        fs.writeFileSync(path.join(ws, f), text);
      }
      await palette('Newsmark: Open Corpus Report');
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await frame.locator('#most-cited-sources svg .bar').first().waitFor({ timeout: 30000 });
      const totals = (await frame.locator('.totals').textContent()) ?? '';
      if (!/\d+ articles · \d+ statements/.test(totals)) throw new Error(`totals: ${totals}`);
      for (const id of [
        'statements-by-kind',
        'anonymous-by-outlet',
        'state-media-citations',
        'who-cites-whom',
      ])
        await frame.locator(`#${id}`).waitFor({ timeout: 5000 });
      await frame.locator('#who-cites-whom svg .node').first().waitFor({ timeout: 5000 });
      await frame.locator('#most-cited-sources svg .bar').first().click();
      await frame.locator('#statements li').first().waitFor({ timeout: 5000 });
      await page.screenshot({ path: path.join(shots, 'corpus-report.png') });
      await page.screenshot({ path: path.join(shots, 'corpus-report.jpg'), type: 'jpeg', quality: 55 });
      await page.keyboard.press('Control+W');
    },
  );
} finally {
  await browser.close().catch(() => {});
  server.stop();
}

// VS Code started in Ukrainian (the test display-language pack; see scripts/lib/codeserver.mjs):
// command titles, views, hovers, the status bar and the Sources panel in Ukrainian.
const ukServer = await startServer({ locale: 'uk' });
const ukWs = makeWorkspace(ukServer.tmp);
const uk = await openBrowser(ukServer.tmp);
page = uk.page;
try {
  await page.goto(
    workbenchUrl(ukServer.port, ukWs, [
      ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${ukServer.port}${root}`],
      ['skipWelcome', 'true'],
    ]),
  );
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.waitForTimeout(2000);
  await check(
    'in Ukrainian VS Code: the status bar, a hover card, the Sources panel and the corpus report speak Ukrainian',
    async () => {
      await quickOpen('uk-ukrinform-kndr-russia.txt');
      const item = page.locator('.statusbar-item', { hasText: 'атрибуц' });
      await item.first().waitFor({ timeout: 20000 });
      const status = await item.first().textContent();
      if (!/\d+ сутност/.test(status)) throw new Error(`status: ${status}`);
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+F');
      await page.keyboard.type('Yonhap');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      const sel = page.locator('.monaco-editor .selected-text:visible').first();
      let box = null;
      for (let i = 0; i < 20 && !box; i++) {
        box = await sel.boundingBox().catch(() => null);
        if (!box) await page.waitForTimeout(250);
      }
      if (!box) throw new Error('no selection on screen');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForSelector('.monaco-hover:not(.hidden) .hover-contents', { timeout: 10000 });
      const hover = (await page.locator('.monaco-hover:not(.hidden)').first().textContent()) ?? '';
      for (const word of ['Організація', 'Атрибуція', 'Джерело:', 'Ланцюжок:', 'Підтвердити'])
        if (!hover.includes(word)) throw new Error(`hover without "${word}": ${hover.slice(0, 300)}`);
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(shots, 'hover-card-uk.png') });
      await page.screenshot({ path: path.join(shots, 'hover-card-uk.jpg'), type: 'jpeg', quality: 55 });
      await page.mouse.move(5, 5);
      await palette('Newsmark: Показати панель джерел');
      await page
        .locator('.pane-body .monaco-list-row', { hasText: 'Yonhap' })
        .first()
        .waitFor({ timeout: 15000 });
      const rows = (await page.locator('.pane-body .monaco-list-row').allInnerTexts()).join('\n');
      if (!/тверджен/.test(rows) || !/посилається на/.test(rows))
        throw new Error(`panel: ${rows.slice(0, 300)}`);
      const title = (await page.locator('.pane-header', { hasText: 'Джерела' }).count()) > 0;
      if (!title) throw new Error('no view titled Джерела');
      await page.screenshot({ path: path.join(shots, 'sources-panel-uk.png') });
      // The corpus report's page takes its strings from the extension: Ukrainian too.
      await palette('Newsmark: Відкрити звіт про корпус');
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await frame.locator('#most-cited-sources h2').waitFor({ timeout: 30000 });
      const heading = await frame.locator('#most-cited-sources h2').textContent();
      if (heading !== 'Найчастіше цитовані джерела') throw new Error(`report heading: ${heading}`);
      await page.screenshot({ path: path.join(shots, 'corpus-report-uk.png') });
    },
  );
} finally {
  await uk.browser.close().catch(() => {});
  ukServer.stop();
}
fs.writeFileSync(resultFile, JSON.stringify({ passed, failed }));
console.log(`e2e: ${passed} passed, ${failed} failed (screenshots in ${path.relative(root, shots)}/)`);
process.exit(failed ? 1 : 0);
