import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Agreement, AnnotationSet, parseSidecar, serializeSidecar } from '../../src/core';
import { parseArticle } from '../../src/core/article';
import { changeArticleAnnotations } from '../../src/core/io/articleAnnotations';

const text = 'Anna Petrova met John Carter in Madrid today.';
const words = parseArticle(text).paragraphs.flatMap((p) =>
  p.sentences.flatMap((s) => s.tokens.filter((t) => t.kind === 'word')),
);
const span = (s: string, label: string, from = 0) => {
  const start = text.indexOf(s, from);
  return { start, end: start + s.length, label };
};
const near = (x: number, y: number) => assert.ok(Math.abs(x - y) < 1e-6, `${x} vs ${y}`);

describe('agreement between annotators (hand-computed)', () => {
  it('exact and overlap F1, precision, recall, per label, Cohen κ on tokens, disagreements by kind', () => {
    assert.strictEqual(words.length, 8);
    const ag = new Agreement();
    ag.add(
      text,
      words,
      [span('Anna Petrova', 'PER'), span('John Carter', 'PER'), span('Madrid', 'LOC')],
      [span('Anna Petrova', 'PER'), span('Carter', 'PER'), span('Madrid', 'ORG'), span('today', 'MISC')],
    );
    const r = ag.report();
    assert.deepStrictEqual([r.overall.a, r.overall.b, r.overall.exact, r.overall.overlap], [3, 4, 1, 2]);
    near(r.overall.exactF1, 2 / 7);
    near(r.overall.overlapF1, 4 / 7);
    near(r.overall.precision, 1 / 4);
    near(r.overall.recall, 1 / 3);
    near(r.perLabel.PER.exactF1, 2 / 4);
    near(r.perLabel.PER.overlapF1, 1);
    assert.strictEqual(r.perLabel.LOC.exactF1, 0);
    // Tokens A: PER PER O PER PER O LOC O; B: PER PER O O PER O ORG MISC → po 5/8, pe 21/64.
    near(r.overall.kappa, (5 / 8 - 21 / 64) / (1 - 21 / 64));
    assert.deepStrictEqual(
      r.disagreements.map((d) => [d.kind, d.text, d.a, d.b]),
      [
        ['boundary', 'John Carter', 'PER', 'PER'],
        ['label', 'Madrid', 'LOC', 'ORG'],
        ['onlyB', 'today', null, 'MISC'],
      ],
    );
  });

  it('each disagreement keeps both annotators’ spans; a curated annotation round-trips through the sidecar', () => {
    const ag = new Agreement();
    ag.add(text, words, [span('John Carter', 'PER')], [span('Carter', 'PER')]);
    const [d] = ag.report().disagreements;
    assert.deepStrictEqual(
      [d.aSpan, d.bSpan],
      [span('John Carter', 'PER'), span('Carter', 'PER')].map(({ start, end }) => ({ start, end })),
    );
    const set = AnnotationSet.empty(
      'a.txt',
      text,
      () => `sha256:${'0'.repeat(64)}`,
      () => 'carol',
    );
    set.add({ ...span('Carter', 'PER'), label: 'PER', curated: { from: ['bob'] } });
    const back = parseSidecar(serializeSidecar(set.toSidecar()));
    assert.deepStrictEqual(back.annotations[0].curated, { from: ['bob'] });
    assert.throws(
      () => parseSidecar(serializeSidecar(set.toSidecar()).replace('"from"', '"by"')),
      /curated|from|by/,
    );
  });

  it('nested spans: each token takes the innermost label; an unmatched outer span is only A', () => {
    const ag = new Agreement();
    const outer = { start: 0, end: text.indexOf('Carter') + 6, label: 'ORG' };
    ag.add(text, words, [outer, span('Anna Petrova', 'PER')], [span('Anna Petrova', 'PER')]);
    const r = ag.report();
    assert.strictEqual(r.overall.exact, 1);
    assert.deepStrictEqual(
      r.disagreements.map((d) => [d.kind, d.text]),
      [['onlyA', 'Anna Petrova met John Carter']],
    );
    // A: PER PER ORG ORG ORG O O O; B: PER PER O O O O O O → po 5/8, pe 22/64.
    near(r.overall.kappa, (5 / 8 - 22 / 64) / (1 - 22 / 64));
  });

  it('identical annotations agree fully; nothing at all is full agreement too', () => {
    const same = [span('Madrid', 'LOC')];
    const ag = new Agreement();
    ag.add(text, words, same, same);
    assert.deepStrictEqual(
      [ag.report().overall.exactF1, ag.report().overall.kappa, ag.report().disagreements.length],
      [1, 1, 0],
    );
    const empty = new Agreement();
    empty.add(text, words, [], []);
    assert.strictEqual(empty.report().overall.exactF1, 1);
  });
});

describe('newsmark agree', () => {
  const cli = path.resolve(__dirname, '../../../dist/cli.js');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [cli, 'agree', ...args], { encoding: 'utf8' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-agree-'));
  const article = (folder: string) => {
    fs.mkdirSync(path.join(dir, folder, 'news'), { recursive: true });
    const f = path.join(dir, folder, 'news', 'a.txt');
    fs.writeFileSync(f, text);
    return f;
  };

  it('compares two folders, two sidecars and two authors; --min-f1 gates; --json has the documented shape', async () => {
    const a = article('alice');
    const b = article('bob');
    await changeArticleAnnotations(a, text, { author: () => 'alice' }, (s) => {
      s.add(span('Anna Petrova', 'PER'));
      s.add(span('Madrid', 'LOC'));
    });
    await changeArticleAnnotations(b, text, { author: () => 'bob' }, (s) => {
      s.add(span('Anna Petrova', 'PER'));
      s.add(span('Madrid', 'ORG'));
    });
    const json = run('--json', path.join(dir, 'alice'), path.join(dir, 'bob'));
    assert.strictEqual(json.status, 0, json.stderr);
    const r = JSON.parse(json.stdout);
    near(r.overall.exactF1, 0.5);
    assert.ok('kappa' in r.overall && 'overlapF1' in r.overall && r.perLabel.PER);
    assert.deepStrictEqual(
      r.disagreements.map((d: { file: string; kind: string }) => [d.file, d.kind]),
      [[path.join('news', 'a.txt.newsmark.json'), 'label']],
    );
    const files = run(`${a}.newsmark.json`, `${b}.newsmark.json`);
    assert.match(files.stdout, /overall .* 0\.500/);
    assert.match(files.stdout, /label\s+A LOC, B ORG/);
    assert.strictEqual(run('--min-f1', '0.9', `${a}.newsmark.json`, `${b}.newsmark.json`).status, 1);
    assert.strictEqual(run('--min-f1', '0.4', `${a}.newsmark.json`, `${b}.newsmark.json`).status, 0);
    // Both annotators in one sidecar (after a git merge): compared author against author.
    await changeArticleAnnotations(a, text, { author: () => 'bob' }, (s) => s.add(span('Madrid', 'ORG')));
    const byAuthor = JSON.parse(run('--json', '--by-author', `${a}.newsmark.json`).stdout);
    assert.deepStrictEqual([byAuthor.a, byAuthor.b], ['alice', 'bob']);
    assert.strictEqual(byAuthor.overall.exact, 0);
    const bad = run('--by-author', '--authors', 'alice,carol', `${a}.newsmark.json`);
    assert.strictEqual(bad.status, 1);
    assert.match(bad.stderr, /no annotations by carol/);
    assert.match(run(`${a}.newsmark.json`, path.join(dir, 'bob')).stderr, /a sidecar with a sidecar/);
  });
});
