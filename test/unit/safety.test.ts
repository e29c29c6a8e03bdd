/**
 * Hostile input and data safety (each case failed before its fix): concurrent writers, sidecars
 * that could not be read back, permissions and links, exports over articles, imports onto
 * contradicting text, terminal and spreadsheet output, and the CLI's small mistakes.
 */
import * as assert from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  AnnotationSet,
  analyze,
  parseImport,
  previewImport,
  readSidecarFile,
  textHash,
  toCsvForTest,
} from './safety-lib';

const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'bin/newsmark.js');
const cli = (args: string[], cwd = root) =>
  spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60000,
    env: { ...process.env, NO_COLOR: '' },
  });
const ARTICLE = 'Reuters said that the talks resumed in Geneva on Monday, and Yonhap confirmed it.\n';

describe('data safety', () => {
  let tmp = '';
  let article = '';
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-safety-'));
    article = path.join(tmp, 'a.txt');
    fs.writeFileSync(article, ARTICLE);
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('four processes adding 50 annotations each at once keep all 200', async function () {
    this.timeout(120000);
    const lib = JSON.stringify(path.join(__dirname, 'sidecar-writer-lib.js'));
    const script = path.join(tmp, 'adder.js');
    fs.writeFileSync(
      script,
      `const { changeArticleAnnotations } = require(${lib});
       const [file, w] = process.argv.slice(2); const text = require('fs').readFileSync(file, 'utf8');
       (async () => { for (let i = 0; i < 50; i++)
         await changeArticleAnnotations(file, text, { author: () => 'w' + w }, (s) => s.add({ start: i % 40, end: i % 40 + 3, label: 'W' + w, note: String(i) }));
       })().catch((e) => { console.error(e); process.exit(1); });`,
    );
    const runs = [1, 2, 3, 4].map(
      (w) =>
        new Promise<number>((resolve) => {
          const child = spawn(process.execPath, [script, article, String(w)], { stdio: 'inherit' });
          child.on('exit', (code) => resolve(code ?? 1));
        }),
    );
    assert.deepStrictEqual(await Promise.all(runs), [0, 0, 0, 0]);
    const r = readSidecarFile(`${article}.newsmark.json`);
    assert.ok(r.kind === 'ok');
    assert.strictEqual(r.sidecar.annotations.length, 200);
  });

  it('refuses to write a sidecar it could not read back, leaving the old one as it was', () => {
    assert.strictEqual(
      cli(['annotations', 'add', article, '--label', 'ORG', '--quote', 'Reuters']).status,
      0,
    );
    const before = fs.readFileSync(`${article}.newsmark.json`, 'utf8');
    const r = cli([
      'annotations',
      'add',
      article,
      '--label',
      'LOC',
      '--quote',
      'Geneva',
      '--note',
      'x'.repeat(20001),
    ]);
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /would not be readable/);
    assert.strictEqual(fs.readFileSync(`${article}.newsmark.json`, 'utf8'), before);
    assert.strictEqual(cli(['annotations', 'list', article]).status, 0, 'the sidecar still opens');
  });

  it('keeps a private sidecar private, writes through a link, refuses a read-only sidecar', () => {
    const side = `${article}.newsmark.json`;
    assert.strictEqual(
      cli(['annotations', 'add', article, '--label', 'ORG', '--quote', 'Reuters']).status,
      0,
    );
    fs.chmodSync(side, 0o600);
    assert.strictEqual(cli(['annotations', 'add', article, '--label', 'LOC', '--quote', 'Geneva']).status, 0);
    assert.strictEqual(fs.statSync(side).mode & 0o777, 0o600);
    // A sidecar kept elsewhere behind a link: the link stays, its target gets the annotations.
    const real = path.join(tmp, 'real.json');
    fs.renameSync(side, real);
    fs.symlinkSync(real, side);
    assert.strictEqual(cli(['annotations', 'add', article, '--label', 'ORG', '--quote', 'Yonhap']).status, 0);
    assert.ok(fs.lstatSync(side).isSymbolicLink());
    assert.strictEqual(JSON.parse(fs.readFileSync(real, 'utf8')).annotations.length, 3);
    fs.chmodSync(real, 0o444);
    const r = cli(['annotations', 'add', article, '--label', 'ORG', '--quote', 'talks']);
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /read-only/);
    assert.strictEqual(JSON.parse(fs.readFileSync(real, 'utf8')).annotations.length, 3);
  });

  it('an export never writes over an article, nor over other files without --force', () => {
    const bom = path.join(tmp, 'bom.txt');
    fs.writeFileSync(bom, `\ufeff${ARTICLE}`);
    const r = cli(['export', '--format', 'brat', '--out', tmp, bom]);
    assert.strictEqual(r.status, 1);
    assert.strictEqual(
      fs.readFileSync(bom, 'utf8'),
      `\ufeff${ARTICLE}`,
      'the article keeps its BOM and text',
    );
    fs.writeFileSync(path.join(tmp, 'a.md'), 'Yonhap reported it.\n');
    const out = path.join(tmp, 'out');
    const both = cli(['export', '--format', 'brat', '--out', out, article, path.join(tmp, 'a.md')]);
    assert.strictEqual(both.status, 0, both.stderr);
    assert.deepStrictEqual(fs.readdirSync(out).sort(), ['a.ann', 'a.md.ann', 'a.md.txt', 'a.txt']);
    assert.strictEqual(
      cli(['export', '--format', 'brat', '--out', out, article]).status,
      1,
      'exists: refused',
    );
    assert.strictEqual(cli(['export', '--format', 'brat', '--out', out, '--force', article]).status, 0);
    assert.match(cli(['export', '--format', 'json', '--out', article, article]).stderr, /not a folder/);
  });

  it('an import never attaches an annotation to text that contradicts it', () => {
    const set = AnnotationSet.empty('a.txt', ARTICLE, textHash, () => 'me');
    const w3c = JSON.stringify([
      {
        type: 'Annotation',
        body: { value: 'ORG', purpose: 'tagging' },
        target: {
          selector: [
            { type: 'TextPositionSelector', start: 0, end: 7 },
            { type: 'TextQuoteSelector', exact: 'Yonhap' },
          ],
        },
      },
      {
        type: 'Annotation',
        body: { value: 'LOC', purpose: 'tagging' },
        target: {
          selector: [
            { type: 'TextPositionSelector', start: 0, end: 5 },
            { type: 'TextQuoteSelector', exact: 'Paris' },
          ],
        },
      },
    ]);
    const p = previewImport(set, parseImport('w3c', w3c, ARTICLE));
    assert.deepStrictEqual(
      p.added.map((x) => ARTICLE.slice(x.start, x.end)),
      ['Yonhap'],
      'moved to its quote',
    );
    assert.deepStrictEqual(
      p.contradicting.map((x) => x.quote),
      ['Paris'],
    );
    const other = JSON.stringify({ text: 'Completely different words here.', label: [[0, 10, 'ORG']] });
    const q = previewImport(set, parseImport('jsonl', other, ARTICLE));
    assert.strictEqual(q.added.length, 0);
    assert.strictEqual(q.contradicting.length, 1);
  });
});

describe('output safety', () => {
  let tmp = '';
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-out-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('CSV cells that a spreadsheet would run are neutralised; other formats keep the text', () => {
    const text = '=HYPERLINK("http://x") said Reuters. +1 -2 @SUM(A1)';
    const csv = toCsvForTest(text, [
      { start: 0, end: 25, label: 'CLAIM', note: '=cmd|/C calc!A0' },
      { start: 36, end: 38, label: '@X', note: '\tTAB' },
    ]);
    assert.match(csv, /'=HYPERLINK/);
    assert.match(csv, /'=cmd/);
    assert.match(csv, /'@X/);
    assert.ok(!/[,\n]=/.test(csv.replace(/'=/g, '')), csv);
  });

  it('terminal output shows escape sequences instead of obeying them; no colour when redirected', () => {
    const file = path.join(tmp, 'esc.txt');
    fs.writeFileSync(file, 'Reuters \u001b]0;pwned\u0007 said \u001b[2J the talks \u202eresumed.\n');
    const r = cli(['analyze', file]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(!r.stdout.includes('\u001b'), 'no raw escape, and no colour codes in a pipe');
    assert.match(r.stdout, /\\x1b\]0;pwned\\x07/);
    assert.match(r.stdout, /\\u202e/);
    assert.strictEqual(
      cli(['annotations', 'add', file, '--label', 'ORG', '--quote', 'Reuters', '--note', '\u001b[31mred'])
        .status,
      0,
    );
    assert.ok(!cli(['annotations', 'list', file]).stdout.includes('\u001b'));
  });

  it('tokens never split a user-perceived character (🇺🇦, 👩‍⚕️)', () => {
    const a = analyze('Україна 🇺🇦 перемагає. Лікарі 👩‍⚕️ працюють.', { language: 'uk' });
    assert.ok(a);
    const file = path.join(tmp, 'flag.txt');
    fs.writeFileSync(file, 'Україна 🇺🇦 перемагає. Лікарі 👩‍⚕️ працюють.\n');
    assert.strictEqual(cli(['export', '--format', 'conll', '--out', path.join(tmp, 'o'), file]).status, 0);
    const conll = fs.readFileSync(path.join(tmp, 'o', 'flag.conll'), 'utf8');
    assert.match(conll, /^🇺🇦\tO$/m);
    assert.match(conll, /^👩‍⚕️\tO$/m);
  });

  it('a sidecar keeps only our own $schema', () => {
    const file = path.join(tmp, 's.txt');
    fs.writeFileSync(file, ARTICLE);
    assert.strictEqual(cli(['annotations', 'add', file, '--label', 'ORG', '--quote', 'Reuters']).status, 0);
    const side = `${file}.newsmark.json`;
    fs.writeFileSync(
      side,
      fs
        .readFileSync(side, 'utf8')
        .replace(/"\$schema": "[^"]*"/, '"$schema": "https://evil.example/s.json"'),
    );
    assert.strictEqual(cli(['annotations', 'add', file, '--label', 'LOC', '--quote', 'Geneva']).status, 0);
    assert.match(fs.readFileSync(side, 'utf8'), /"\$schema": "newsmark-schema:\/sidecar\/v1.json"/);
  });
});

describe('the CLI on small mistakes', () => {
  let tmp = '';
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-cli-small-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('--occurrence past the last one is an error, and a huge one takes no time', () => {
    const file = path.join(tmp, 'a.txt');
    fs.writeFileSync(file, 'Reuters and Reuters.\n');
    assert.match(
      cli(['annotations', 'add', file, '--label', 'ORG', '--quote', 'Reuters', '--occurrence', '3']).stderr,
      /occurrence 3/,
    );
    assert.strictEqual(
      cli(['annotations', 'add', file, '--label', 'ORG', '--quote', 'Reuters', '--occurrence', '1000000000'])
        .status,
      1,
    );
    assert.match(
      cli(['annotations', 'add', file, '--label', 'ORG', '--quote', 'Reuters', '--occurrence', '0']).stderr,
      /whole number/,
    );
  });

  it('folders with links to themselves and broken links are walked once, without a trace', () => {
    fs.writeFileSync(path.join(tmp, 'a.txt'), ARTICLE);
    fs.symlinkSync('.', path.join(tmp, 's1'));
    fs.symlinkSync('.', path.join(tmp, 's2'));
    fs.symlinkSync(path.join(tmp, 'nowhere.txt'), path.join(tmp, 'broken.txt'));
    const r = cli(['analyze', '--json', tmp]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout.trim().split('\n').length, 1);
    assert.match(r.stderr, /broken link/);
    assert.ok(!/at .*\(/.test(r.stderr), 'no stack trace');
  });

  it('names UTF-16 files and sidecars that are folders; a closed pipe is not an error', () => {
    const u16 = path.join(tmp, 'u.txt');
    fs.writeFileSync(u16, Buffer.from('\ufeffReuters said it.', 'utf16le'));
    assert.match(cli(['analyze', u16]).stderr, /UTF-16/);
    const a = path.join(tmp, 'b.txt');
    fs.writeFileSync(a, ARTICLE);
    fs.mkdirSync(`${a}.newsmark.json`);
    assert.match(cli(['annotations', 'list', a]).stderr, /is a folder/);
    const big = path.join(tmp, 'big.txt');
    fs.writeFileSync(big, ARTICLE.repeat(4000));
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" analyze "${big}" | head -c 10`], {
      encoding: 'utf8',
    });
    assert.ok(!/Error|EPIPE/.test(piped.stderr), piped.stderr);
  });
});
