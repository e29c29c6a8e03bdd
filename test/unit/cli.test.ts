import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'bin/newsmark.js');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('CLI', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-cli-'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('analyze --json prints one object per file in the documented shape', () => {
    const r = run('analyze', '--json', 'seeds/uk-ukrinform-kndr-russia.txt');
    assert.strictEqual(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.strictEqual(lines.length, 1);
    const o = JSON.parse(lines[0]);
    assert.strictEqual(o.file, 'seeds/uk-ukrinform-kndr-russia.txt');
    assert.strictEqual(o.language, 'uk');
    const text = fs.readFileSync(path.join(root, o.file), 'utf8');
    for (const e of o.entities) {
      assert.ok(['PER', 'ORG', 'LOC', 'MISC'].includes(e.type));
      for (const m of e.mentions) assert.strictEqual(text.slice(m.start, m.end), m.text);
    }
    for (const a of o.attributions) {
      for (const k of ['cue', 'source', 'content'])
        for (const s of a[k]) assert.strictEqual(text.slice(s.start, s.end), s.text);
      assert.strictEqual(typeof a.direct, 'boolean');
      assert.strictEqual(typeof a.anonymous, 'boolean');
    }
    assert.ok(
      o.sources.some(
        (s: { name: string; cites: string[] }) => s.name === 'Yonhap' && s.cites.includes('KCNA'),
      ),
    );
  });

  it('reports bad files on stderr, processes the rest, exits non-zero', () => {
    fs.writeFileSync(path.join(tmp, 'empty.txt'), '');
    fs.writeFileSync(path.join(tmp, 'bin.txt'), Buffer.from([0x50, 0x00, 0x01]));
    fs.writeFileSync(path.join(tmp, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    fs.writeFileSync(path.join(tmp, 'ok.txt'), 'Reuters said that the talks resumed.');
    const files = ['missing.txt', 'empty.txt', 'bin.txt', 'latin1.txt', 'ok.txt'].map((f) =>
      path.join(tmp, f),
    );
    const r = run('analyze', '--json', ...files);
    assert.notStrictEqual(r.status, 0);
    const errs = r.stderr.trim().split('\n');
    assert.strictEqual(errs.length, 4, r.stderr);
    assert.match(r.stderr, /missing\.txt: no such file/);
    assert.match(r.stderr, /empty\.txt: empty file/);
    assert.match(r.stderr, /bin\.txt: binary file/);
    assert.match(r.stderr, /latin1\.txt: not valid UTF-8/);
    assert.strictEqual(r.stdout.trim().split('\n').length, 1);
  });

  it('the human view lists sources and chains without colour when NO_COLOR is set', () => {
    const r = run('analyze', 'seeds/uk-ukrinform-kndr-russia.txt');
    assert.strictEqual(r.status, 0);
    assert.ok(!r.stdout.includes('\x1b['));
    assert.match(r.stdout, /Укрінформ ← Yonhap ← KCNA/);
  });

  it('rejects unknown options with usage and exit code 2', () => {
    const r = run('analyze', '--colour', 'x.txt');
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /unknown option --colour/);
  });
});

describe('CLI annotations', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-cli-ann-'));
  const article = path.join(tmp, 'a.txt');
  before(() => fs.copyFileSync(path.join(root, 'seeds/uk-ukrinform-kndr-russia.txt'), article));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('adds by quote, lists, and removes through the same sidecar store', () => {
    const add = run(
      'annotations',
      'add',
      article,
      '--label',
      'ORG',
      '--quote',
      'Yonhap',
      '--note',
      'агентство',
    );
    assert.strictEqual(add.status, 0, add.stderr);
    const id = add.stdout.trim();
    assert.match(id, /^[0-9A-Z]{26}$/);
    const list = run('annotations', 'list', '--json', article);
    const rows = list.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepStrictEqual(
      rows.map((r) => [r.id, r.label, r.text, r.note]),
      [[id, 'ORG', 'Yonhap', 'агентство']],
    );
    const side = JSON.parse(fs.readFileSync(`${article}.newsmark.json`, 'utf8'));
    assert.strictEqual(side.annotations[0].target.quote.exact, 'Yonhap');
    const rm = run('annotations', 'remove', article, id);
    assert.strictEqual(rm.status, 0, rm.stderr);
    assert.strictEqual(JSON.parse(fs.readFileSync(`${article}.newsmark.json`, 'utf8')).annotations.length, 0);
  });

  it('refuses bad spans and corrupt sidecars with a clear message, leaving files untouched', () => {
    const bad = run('annotations', 'add', article, '--label', 'PER', '--start', '0', '--end', '999999');
    assert.strictEqual(bad.status, 1);
    assert.match(bad.stderr, /not inside the article/);
    fs.writeFileSync(`${article}.newsmark.json`, '{"version":1,"annotations":[{"__proto__":{}}]}');
    const r = run('annotations', 'add', article, '--label', 'PER', '--quote', 'Кім');
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /left untouched/);
    assert.strictEqual(
      fs.readFileSync(`${article}.newsmark.json`, 'utf8'),
      '{"version":1,"annotations":[{"__proto__":{}}]}',
    );
  });
});

describe("CLI: where an article's sidecar is", () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-ws-'));
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-cwd-'));
  const article = path.join(ws, 'news', 'a.txt');
  const runIn = (cwd: string, ...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
  before(() => {
    fs.mkdirSync(path.dirname(article), { recursive: true });
    fs.writeFileSync(article, 'Reuters said that the talks resumed in Geneva.');
    fs.mkdirSync(path.join(ws, '.vscode'));
    // JSON with comments and a trailing comma, as VS Code writes and users edit it.
    fs.writeFileSync(
      path.join(ws, '.vscode', 'settings.json'),
      '{\n  // where Newsmark keeps annotations\n  "newsmark.sidecarFolder": ".annotations",\n}\n',
    );
  });
  after(() => {
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(elsewhere, { recursive: true, force: true });
  });

  it('follows newsmark.sidecarFolder of the nearest .vscode/settings.json, whatever the current directory', () => {
    const r = runIn(elsewhere, 'annotations', 'add', article, '--label', 'ORG', '--quote', 'Reuters');
    assert.strictEqual(r.status, 0, r.stderr);
    const expected = path.join(ws, '.annotations', 'news', 'a.txt.newsmark.json');
    assert.ok(fs.existsSync(expected), 'the sidecar is under the configured folder, mirroring the tree');
    assert.ok(!fs.existsSync(`${article}.newsmark.json`), 'no second sidecar beside the article');
    // list, export and import find the same file.
    const list = runIn(ws, 'annotations', 'list', '--json', 'news/a.txt');
    assert.strictEqual(list.status, 0, list.stderr);
    assert.strictEqual(JSON.parse(list.stdout.trim()).text, 'Reuters');
    const out = path.join(elsewhere, 'exp');
    const exp = runIn(elsewhere, 'export', '--format', 'jsonl', '--include', 'user', '--out', out, article);
    assert.strictEqual(exp.status, 0, exp.stderr);
    assert.match(fs.readFileSync(path.join(out, 'newsmark-export.jsonl'), 'utf8'), /Reuters/);
  });

  it('--sidecar-folder overrides the settings file', () => {
    const r = runIn(
      ws,
      'annotations',
      'add',
      article,
      '--label',
      'LOC',
      '--quote',
      'Geneva',
      '--sidecar-folder',
      'other',
    );
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(fs.existsSync(path.join(ws, 'other', 'news', 'a.txt.newsmark.json')));
    const list = runIn(ws, 'annotations', 'list', '--json', article, '--sidecar-folder', 'other');
    assert.deepStrictEqual(
      list.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).text),
      ['Geneva'],
    );
  });
});

describe('CLI: CoNLL corpora', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-cli-conll-'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const line = (tokens: string) =>
    tokens
      .split(' ')
      .map((x) => x.replace('/', '\t'))
      .join('\n');

  it('imports a CoNLL file onto the article of the same name, after a preview', () => {
    const article = path.join(tmp, 'story.txt');
    fs.writeFileSync(
      article,
      'Новини дня\n\nПро це повідомив Андрій Коболєв у Києві. Компанія «Укргеоекологія» мовчить.\n',
    );
    const conll = path.join(tmp, 'story.conll');
    fs.writeFileSync(
      conll,
      `${line('Про/O це/O повідомив/O Андрій/B-PERS Коболєв/I-PERS у/O Києві/B-LOC ./O')}\n\n${line(
        'Компанія/O «/O Укргеоекологія/B-ORG »/O мовчить/O ./O',
      )}\n`,
    );
    const preview = run('import', '--format', 'conll', conll);
    assert.strictEqual(preview.status, 0, preview.stderr);
    assert.match(preview.stdout, /story\.txt: 3 new, 0 already there/);
    assert.ok(!fs.existsSync(`${article}.newsmark.json`), 'a preview writes nothing');
    assert.strictEqual(run('import', '--format', 'conll', '--yes', conll).status, 0);
    const side = JSON.parse(fs.readFileSync(`${article}.newsmark.json`, 'utf8'));
    assert.deepStrictEqual(
      side.annotations.map((a: { label: string; target: { quote: { exact: string } } }) => [
        a.label,
        a.target.quote.exact,
      ]),
      [
        ['PER', 'Андрій Коболєв'],
        ['LOC', 'Києві'],
        ['ORG', 'Укргеоекологія'],
      ],
    );
  });

  it('trains an entity model on a CoNLL corpus; an attribution model it cannot', () => {
    const names = [
      'Андрій Коболєв',
      'Олена Петренко',
      'Іван Сидоренко',
      'Марія Бондар',
      'Петро Ковальчук',
      'Ганна Мельник',
    ];
    const corpus = path.join(tmp, 'corpus.iob');
    fs.writeFileSync(
      corpus,
      names
        .map((n) => {
          const [first, last] = n.split(' ');
          return `-DOCSTART- -X- -X- O\n\n${line(`Вчора/O ${first}/B-PER ${last}/I-PER приїхав/O до/O Львова/B-LOC ./O`)}\n`;
        })
        .join('\n'),
    );
    const model = path.join(tmp, 'ner.json');
    const r = run('train', '--task', 'ner', '--epochs', '1', '--out', model, corpus);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /model written to .*ner\.json \(ner; 6 documents, 12 spans/);
    assert.strictEqual(JSON.parse(fs.readFileSync(model, 'utf8')).trainedOn.documents, 6);
    const bad = run('train', '--task', 'attribution', '--out', model, corpus);
    assert.strictEqual(bad.status, 1);
    assert.match(bad.stderr, /holds entities only; train it with --task ner/);
  });
});
