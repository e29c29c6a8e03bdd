import * as assert from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { AnnotationSet, applyVerdicts } from '../../src/core/annotations/annotationSet';
import {
  type Annotation,
  emptySidecar,
  mergeAnnotations,
  serializeSidecar,
} from '../../src/core/annotations/model';
import { parseSidecar, SidecarError } from '../../src/core/annotations/schema';
import {
  backupSidecar,
  readSidecarFile,
  sidecarPathFor,
  textHash,
  writeSidecarFile,
} from '../../src/core/io/sidecarFile';

const article =
  'Про це з посиланням на агентство KCNA повідомляє Yonhap, передає Укрінформ.\nКім наголосив на співпраці.';
const author = () => 'tester';

function setWith(...spans: [number, number, string][]) {
  const set = AnnotationSet.empty('a.txt', article, textHash, author);
  for (const [s, e, label] of spans) set.add({ start: s, end: e, label });
  return set;
}

describe('sidecar model', () => {
  it('round-trips through text, validated by the schema, sorted by position, one annotation per line', () => {
    const set = setWith([49, 55, 'ORG'], [33, 37, 'ORG']);
    set.update(set.all[0].annotation.id, { note: 'державне агентство' });
    const text = serializeSidecar(set.toSidecar());
    const back = parseSidecar(text);
    assert.deepStrictEqual(
      back.annotations.map((a) => a.target.quote.exact),
      ['KCNA', 'Yonhap'],
    );
    assert.strictEqual(back.annotations[0].note, 'державне агентство');
    const lines = text.split('\n').filter((l) => l.trim().startsWith('{"id"'));
    assert.strictEqual(lines.length, 2);
    assert.strictEqual(serializeSidecar(back), text, 'serialisation is stable');
  });

  it('ids are unique and sort by creation', () => {
    const set = setWith([0, 3, 'NOTE'], [4, 6, 'NOTE'], [7, 8, 'NOTE']);
    const ids = set.all.map((p) => p.annotation.id);
    assert.strictEqual(new Set(ids).size, 3);
  });

  it('rejects hostile input with a clear error: __proto__, wrong types, offsets out of order, duplicates', () => {
    const good = JSON.parse(serializeSidecar(setWith([33, 37, 'ORG']).toSidecar()));
    const cases: [string, unknown][] = [
      [
        '__proto__',
        JSON.parse(
          JSON.stringify(good).replace('"label":"ORG"', '"label":"ORG","__proto__":{"polluted":true}'),
        ),
      ],
      ['type', { ...good, annotations: [{ ...good.annotations[0], label: 42 }] }],
      [
        'order',
        {
          ...good,
          annotations: [
            {
              ...good.annotations[0],
              target: {
                ...good.annotations[0].target,
                position: { type: 'TextPositionSelector', start: 9, end: 2 },
              },
            },
          ],
        },
      ],
      ['dup', { ...good, annotations: [good.annotations[0], good.annotations[0]] }],
      ['top', { ...good, extra: 1 }],
    ];
    for (const [name, data] of cases) {
      assert.throws(
        () => parseSidecar(JSON.stringify(data)),
        (e: unknown) => e instanceof SidecarError && e.kind === 'schema',
        name,
      );
    }
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
    assert.throws(
      () => parseSidecar('{"version": 1, "annotations": ['),
      (e: unknown) => e instanceof SidecarError && e.kind === 'syntax',
    );
  });

  it('refuses an oversized sidecar before parsing it', () => {
    const big = `{"version":1,"annotations":[],"article":"${'x'.repeat(21 * 1024 * 1024)}"}`;
    assert.throws(
      () => parseSidecar(big),
      (e: unknown) => e instanceof SidecarError && e.kind === 'too-large',
    );
  });

  it('a newer format version is readable but flagged', () => {
    const data = JSON.parse(serializeSidecar(setWith([33, 37, 'ORG']).toSidecar()));
    data.version = 99;
    try {
      parseSidecar(JSON.stringify(data));
      assert.fail('should throw');
    } catch (e) {
      assert.ok(e instanceof SidecarError && e.kind === 'newer-version');
      assert.strictEqual(e.readable?.annotations.length, 1);
    }
  });

  it('offsets past the end of the article orphan the annotation instead of failing', () => {
    const s = setWith([33, 37, 'ORG']).toSidecar();
    s.annotations[0].target.position = { type: 'TextPositionSelector', start: 5000, end: 5004 };
    s.annotations[0].target.quote.exact = 'немає';
    const set = new AnnotationSet(s, article, textHash, author);
    assert.strictEqual(set.orphans.length, 1);
    assert.strictEqual(set.placed.length, 0);
  });

  it("merges by id: both sides' new annotations survive, deletions stick, newer edit wins", () => {
    const base = setWith([33, 37, 'ORG'], [49, 55, 'ORG']).toSidecar().annotations;
    const [a, b] = base;
    const diskNew: Annotation = { ...a, id: '01ZZZZZZZZZZZZZZZZZZZZZZZZ', label: 'NOTE' };
    const disk = [a, b, diskNew];
    const memNew: Annotation = { ...b, id: '01YYYYYYYYYYYYYYYYYYYYYYYY', label: 'CLAIM' };
    const memEdited: Annotation = { ...a, note: 'mine', modified: '2099-01-01T00:00:00.000Z' };
    const { merged, conflicts } = mergeAnnotations(
      disk,
      [memEdited, memNew],
      new Set([memNew.id, memEdited.id]),
      new Set([b.id]),
    );
    assert.deepStrictEqual(merged.map((x) => x.id).sort(), [a.id, diskNew.id, memNew.id].sort());
    assert.strictEqual(merged.find((x) => x.id === a.id)?.note, 'mine');
    assert.deepStrictEqual(conflicts, []);
  });

  it('carries annotations through edits and re-anchors after an outside change', () => {
    const set = setWith([49, 55, 'ORG']);
    set.applyChanges([{ start: 0, end: 0, inserted: 7 }], `Вступ. ${article}`);
    assert.deepStrictEqual(set.placed[0].at, { start: 56, end: 62 });
    const moved = `Кім наголосив на співпраці.\n${article.split('\n')[0]}`;
    set.reanchor(moved);
    assert.strictEqual(moved.slice(set.placed[0].at.start, set.placed[0].at.end), 'Yonhap');
  });

  it('undo reverts the last change', () => {
    const set = setWith([33, 37, 'ORG']);
    const id = set.all[0].annotation.id;
    set.update(id, { label: 'PER' });
    set.remove(id);
    assert.strictEqual(set.all.length, 0);
    assert.strictEqual(set.undo(), 'delete annotation');
    assert.strictEqual(set.all[0].annotation.label, 'PER');
    assert.strictEqual(set.undo(), 'edit annotation');
    assert.strictEqual(set.all[0].annotation.label, 'ORG');
  });

  it('rejected findings stay hidden after re-analysis; confirmed ones stay', () => {
    const a = analyze(article);
    const kcna = a.entities.find((e) => e.name === 'KCNA')!;
    const m = kcna.mentions[0];
    const set = AnnotationSet.empty('a.txt', article, textHash, author);
    set.add({
      start: m.start,
      end: m.end,
      label: 'ORG',
      finding: { kind: 'entity', type: 'ORG', verdict: 'rejected' },
    });
    const filtered = applyVerdicts(analyze(article), set);
    assert.ok(!filtered.entities.some((e) => e.name === 'KCNA'));
    assert.ok(filtered.entities.some((e) => e.name === 'Yonhap'));
  });
});

describe('sidecar files', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-sidecar-'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('lives beside the article, or in a mirrored folder', () => {
    assert.strictEqual(sidecarPathFor('/w/news/a.txt'), '/w/news/a.txt.newsmark.json');
    assert.strictEqual(
      sidecarPathFor('/w/news/a.txt', { root: '/w', folder: '.newsmark' }),
      '/w/.newsmark/news/a.txt.newsmark.json',
    );
  });

  it('writes atomically and in order; reads back; backs up a corrupt file without touching it', async () => {
    const file = path.join(tmp, 'a.txt.newsmark.json');
    const set = setWith([33, 37, 'ORG']);
    await Promise.all([
      writeSidecarFile(file, emptySidecar('a.txt', '')),
      writeSidecarFile(file, set.toSidecar()),
    ]);
    const r = readSidecarFile(file);
    assert.ok(r.kind === 'ok' && r.sidecar.annotations.length === 1, 'the later write wins');
    fs.writeFileSync(file, '{ broken');
    const bad = readSidecarFile(file);
    assert.ok(bad.kind === 'error' && bad.error.kind === 'syntax');
    const copy = backupSidecar(file);
    assert.strictEqual(fs.readFileSync(copy, 'utf8'), '{ broken');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), '{ broken');
    assert.deepStrictEqual(
      fs.readdirSync(tmp).filter((f) => f.includes('.tmp-')),
      [],
    );
  });

  it('killing the writer mid-write leaves the old or the new sidecar, never a truncated one', async function () {
    this.timeout(60000);
    const file = path.join(tmp, 'kill.txt.newsmark.json');
    const script = path.join(tmp, 'writer.js');
    fs.writeFileSync(
      script,
      `const { writeFileAtomicSync } = require(${JSON.stringify(path.join(__dirname, 'sidecar-writer-lib.js'))});
       const big = (n) => JSON.stringify({ version: 1, annotations: [], article: 'x'.repeat(200000), n }, null, 2);
       let n = 0; writeFileAtomicSync(${JSON.stringify(file)}, big(n++)); process.stdout.write('ready\\n');
       for (;;) writeFileAtomicSync(${JSON.stringify(file)}, big(n++));`,
    );
    for (let round = 0; round < 25; round++) {
      const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'ignore'] });
      // Killed at a random moment after its first complete write, whatever the machine's load.
      await new Promise((r) => child.stdout.once('data', r));
      await new Promise((r) => setTimeout(r, Math.random() * 40));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      if (fs.existsSync(file)) {
        const parsed = JSON.parse(fs.readFileSync(file, 'utf8')); // throws if truncated
        assert.strictEqual(parsed.version, 1);
      }
    }
    assert.ok(fs.existsSync(file), 'at least one write completed');
  });
});

describe('sidecar merges in git', () => {
  it('two people annotating different parts of an article merge cleanly (git merge-file)', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-merge-'));
    const text = `${'Абзац про Yonhap і KCNA. '.repeat(20)}\n${'Другий абзац про Укрінформ. '.repeat(20)}`;
    const at = (w: string, n = 1) => {
      let i = -1;
      for (let k = 0; k < n; k++) i = text.indexOf(w, i + 1);
      return i;
    };
    const base = AnnotationSet.empty('a.txt', text, textHash, () => 'base');
    for (const [w, n] of [
      ['Yonhap', 3],
      ['KCNA', 8],
      ['Укрінформ', 5],
      ['Укрінформ', 15],
    ] as [string, number][])
      base.add({ start: at(w, n), end: at(w, n) + w.length, label: 'ORG' });
    const baseText = serializeSidecar(base.toSidecar());
    const ours = new AnnotationSet(parseSidecar(baseText), text, textHash, () => 'ours');
    ours.add({ start: at('Yonhap', 1), end: at('Yonhap', 1) + 6, label: 'NOTE', note: 'ours' });
    const theirs = new AnnotationSet(parseSidecar(baseText), text, textHash, () => 'theirs');
    theirs.add({ start: at('Укрінформ', 10), end: at('Укрінформ', 10) + 9, label: 'CLAIM', note: 'theirs' });
    const f = (n: string, s: string) => {
      fs.writeFileSync(path.join(tmp, n), s);
      return path.join(tmp, n);
    };
    const o = f('ours.json', serializeSidecar(ours.toSidecar()));
    const b = f('base.json', baseText);
    const t = f('theirs.json', serializeSidecar(theirs.toSidecar()));
    const r = spawnSync('git', ['merge-file', '-p', o, b, t], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, `conflicts:\n${r.stdout}`);
    const merged = parseSidecar(r.stdout);
    assert.deepStrictEqual(
      merged.annotations
        .map((a) => a.note)
        .filter(Boolean)
        .sort(),
      ['ours', 'theirs'],
    );
    assert.strictEqual(merged.annotations.length, 6);
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});
