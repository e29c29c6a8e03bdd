// biome-ignore-all lint/suspicious/noExplicitAny: parsed third-party JSON shapes are checked field by field
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { analyze } from '../../src/core/analyze';
import { AnnotationSet } from '../../src/core/annotations/annotationSet';
import { conllDocument, readConll } from '../../src/core/export/conll';
import {
  toBrat,
  toConll,
  toCsv,
  toJsonl,
  toNewsmarkJson,
  toReport,
  toW3C,
} from '../../src/core/export/formats';
import {
  applyImport,
  fromBrat,
  fromDoccano,
  fromW3C,
  parseImport,
  previewImport,
} from '../../src/core/export/importers';
import { OffsetMap } from '../../src/core/export/offsets';
import { buildExport } from '../../src/core/export/records';
import { exportFiles } from '../../src/core/io/exportFiles';
import { textHash, writeSidecarFile } from '../../src/core/io/sidecarFile';

const seed = fs.readFileSync(path.resolve(__dirname, '../../../seeds/uk-ukrinform-kndr-russia.txt'), 'utf8');
const cpSlice = (t: string, s: number, e: number) => [...t].slice(s, e).join('');

function seedExport(text = seed) {
  const set = AnnotationSet.empty('seed.txt', text, textHash, () => 'editor');
  const claim = text.indexOf('Путін хоче');
  set.add({
    start: claim,
    end: claim + 'Путін хоче'.length,
    label: 'CLAIM',
    note: 'Перевірити: "снаряди", ракети; джерело — NYT',
  });
  const k = text.indexOf('KCNA');
  set.add({
    start: k,
    end: k + 4,
    label: 'ORG',
    note: 'state media',
    finding: { kind: 'entity', type: 'ORG', verdict: 'confirmed' },
  });
  return { set, exp: buildExport('seed.txt', text, analyze(text), set, 'both') };
}

describe('export formats (seed article with user annotations)', () => {
  const { exp } = seedExport();

  it('Newsmark JSON is lossless: records, annotations and analysis round-trip', () => {
    const back = JSON.parse(toNewsmarkJson(exp));
    assert.strictEqual(back.text, seed);
    assert.deepStrictEqual(back.records, exp.records);
    assert.deepStrictEqual(back.annotations, exp.annotations);
    assert.strictEqual(back.analysis.attributions.length, exp.analysis.attributions.length);
  });

  it('W3C: quote and code-point position selectors agree with the text; attributions link parts', () => {
    const doc = JSON.parse(toW3C(exp, 'file:///seed.txt'));
    assert.strictEqual(doc['@context'], 'http://www.w3.org/ns/anno.jsonld');
    const items = doc.first.items as Record<string, any>[];
    const ids = new Set(items.map((a) => a.id));
    for (const a of items) {
      assert.strictEqual(a.type, 'Annotation');
      if (a.motivation === 'linking') {
        for (const t of a.target) assert.ok(ids.has(t), `link target ${t}`);
        continue;
      }
      const [q, p] = a.target.selector;
      assert.strictEqual(cpSlice(seed, p.start, p.end), q.exact);
      assert.ok(['tagging', 'commenting'].includes(a.motivation));
    }
    const claim = items.find((a) => a.body.some((b: any) => b.value === 'CLAIM'))!;
    assert.ok(claim.body.some((b: any) => b.purpose === 'commenting' && b.value.startsWith('Перевірити')));
    assert.strictEqual(claim.creator.name, 'editor');
    assert.strictEqual(fromW3C(JSON.stringify(doc), seed).length, exp.records.length);
  });

  it('brat: T/E/A/# lines are well formed and import back to the same spans', () => {
    const { ann, txt } = toBrat(exp);
    assert.strictEqual(txt, seed);
    const t = new Set<string>();
    for (const line of ann.trim().split('\n')) {
      if (line.startsWith('T')) {
        assert.match(line, /^T\d+\t[A-Za-z0-9_-]+ \d+ \d+(;\d+ \d+)*\t[^\t\n]*$/);
        t.add(line.split('\t')[0]);
      } else if (line.startsWith('E')) {
        for (const arg of line.split('\t')[1].split(' ')) assert.ok(t.has(arg.split(':')[1]), arg);
      } else assert.match(line, /^(A\d+\t(Anonymous|Direct) E\d+|#\d+\tAnnotatorNotes T\d+\t.+)$/);
    }
    const back = fromBrat(ann, seed).map((x) => `${x.start}:${x.end}:${x.label}`);
    const want = exp.records.map((r) => `${r.start}:${r.end}:${r.label.replace(/[^A-Za-z0-9_-]/g, '_')}`);
    // Every record comes back (a span over a line break as its parts), plus attribution triggers.
    for (const w of want.filter((w) => !seed.slice(+w.split(':')[0], +w.split(':')[1]).includes('\n')))
      assert.ok(back.includes(w), w);
    assert.ok(fromBrat(ann, seed).some((x) => x.note?.startsWith('Перевірити')));
  });

  it('CoNLL: one token per line, valid IOB2 tags, sentences apart', () => {
    const conll = toConll(exp);
    const lines = conll.split('\n').slice(1);
    let prev = 'O';
    let begins = 0;
    for (const l of lines) {
      if (!l) {
        prev = 'O';
        continue;
      }
      const [tok, tag] = l.split('\t');
      assert.ok(tok && !/\s/.test(tok), `token "${tok}"`);
      assert.match(tag, /^(O|[BI]-(PER|ORG|LOC|MISC))$/);
      if (tag.startsWith('I-'))
        assert.ok(prev !== 'O' && prev.slice(2) === tag.slice(2), `${prev} then ${tag}`);
      if (tag.startsWith('B-')) begins++;
      prev = tag;
    }
    assert.ok(begins >= 20, `entities tagged: ${begins}`);
    assert.ok(lines.filter((l) => l === '').length >= 10, 'blank lines between sentences');
  });

  it('JSONL: doccano spans (code points) and Label Studio results match the text', () => {
    const line = JSON.parse(toJsonl(exp));
    for (const [s, e, label] of line.label)
      assert.ok(cpSlice(seed, s, e).length > 0 && typeof label === 'string');
    for (const r of line.annotations[0].result)
      assert.strictEqual(cpSlice(seed, r.value.start, r.value.end), r.value.text);
    assert.strictEqual(line.data.text, seed);
    assert.strictEqual(fromDoccano(JSON.stringify(line), seed).length, line.label.length);
  });

  it('CSV: header, one row per annotation, quoting survives commas, quotes and new lines; optional BOM', () => {
    const csv = toCsv([exp], { bom: true });
    assert.ok(csv.startsWith('\uFEFFfile,start,end,text,label,role,note,author,status\r\n'));
    const rows = parseCsv(csv.slice(1), { columns: true }) as Record<string, string>[];
    assert.strictEqual(rows.length, exp.records.length);
    const claim = rows.find((r) => r.label === 'CLAIM')!;
    assert.strictEqual(claim.note, 'Перевірити: "снаряди", ракети; джерело — NYT');
    assert.strictEqual(claim.status, 'user');
    assert.strictEqual(rows.find((r) => r.text === 'KCNA' && r.label === 'ORG')?.status, 'confirmed');
    assert.ok(!toCsv([exp]).startsWith('\uFEFF'));
  });

  it('report: HTML escapes the article, counts named and anonymous sources and quotes; Markdown too', () => {
    const hostile = `${seed}\n<script>alert(1)</script> & "quotes"`;
    const html = toReport(seedExport(hostile).exp, 'html');
    assert.ok(!html.includes('<script>alert(1)</script>'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.match(html, /Content-Security-Policy/);
    assert.match(html, /anonymous or unnamed sources<\/th><td>\d+/);
    assert.match(html, /Укрінформ ← Yonhap ← KCNA/);
    const md = toReport(exp, 'md');
    assert.match(md, /## Sources/);
    assert.match(md, /\| direct quotes \| \d+ \|/);
  });

  it('rejected findings are left out; include=user and include=engine select', () => {
    const { set } = seedExport();
    const y = seed.indexOf('Yonhap');
    set.add({
      start: y,
      end: y + 6,
      label: 'ORG',
      finding: { kind: 'entity', type: 'ORG', verdict: 'rejected' },
    });
    const both = buildExport('s', seed, analyze(seed), set, 'both');
    assert.ok(!both.records.some((r) => r.text === 'Yonhap' && r.label === 'ORG'));
    assert.ok(buildExport('s', seed, analyze(seed), set, 'user').records.every((r) => r.status !== 'engine'));
    assert.ok(buildExport('s', seed, analyze(seed), set, 'engine').records.every((r) => r.status !== 'user'));
  });
});

describe('offsets with emoji, combining marks and CRLF', () => {
  const text = '😀 Café\u0301 🇺🇦\r\nЯк повідомляє Reuters, Ангела Меркель прибула.\r\n';
  it('code points and UTF-16 convert both ways', () => {
    const m = new OffsetMap(text);
    const r = text.indexOf('Reuters');
    assert.strictEqual(cpSlice(text, m.toCodePoint(r), m.toCodePoint(r + 7)), 'Reuters');
    assert.strictEqual(m.fromCodePoint(m.toCodePoint(r)), r);
  });
  it('every format places spans right and imports back to the same UTF-16 spans', () => {
    const set = AnnotationSet.empty('e.txt', text, textHash, () => 'x');
    const r = text.indexOf('Reuters');
    set.add({ start: r, end: r + 7, label: 'ORG' });
    const exp = buildExport('e.txt', text, analyze(text), set, 'user');
    const brat = fromBrat(toBrat(exp).ann, text);
    assert.deepStrictEqual(
      brat.map((x) => [x.start, x.end]),
      [[r, r + 7]],
    );
    const w3c = fromW3C(toW3C(exp, 'file:///e.txt'), text);
    assert.deepStrictEqual(
      w3c.map((x) => [x.start, x.end]),
      [[r, r + 7]],
    );
    const dc = fromDoccano(toJsonl(exp), text);
    assert.deepStrictEqual(
      dc.map((x) => [x.start, x.end]),
      [[r, r + 7]],
    );
    const doc = JSON.parse(toW3C(exp, 'x')).first.items[0];
    assert.strictEqual(
      doc.target.selector[1].start,
      r - 3,
      'two astral characters (the emoji and a flag of two) shift code points',
    );
  });
});

describe('import', () => {
  // A NER-UK-style document (own text; tabs between label and offsets, as NER-UK files have).
  const doc =
    'ПАТ «Укртрансгаз» уклало угоду з ТОВ «Укргеоекологія».\nПро це повідомив Андрій Коболєв у Києві.';
  const ann = [
    'T1\tORG\t0 17\tПАТ «Укртрансгаз»',
    'T2\tORG 33 53\tТОВ «Укргеоекологія»',
    'T3\tPERS 72 86\tАндрій Коболєв',
    'T4\tLOC 89 94\tКиєві',
    '#1\tAnnotatorNotes T3\tголова правління',
  ].join('\n');

  it('brat (NER-UK style) imports, exports and imports back to the same spans', () => {
    const items = fromBrat(ann, doc);
    assert.deepStrictEqual(
      items.map((x) => [doc.slice(x.start, x.end), x.label]),
      [
        ['ПАТ «Укртрансгаз»', 'ORG'],
        ['ТОВ «Укргеоекологія»', 'ORG'],
        ['Андрій Коболєв', 'PER'],
        ['Києві', 'LOC'],
      ],
    );
    const set = AnnotationSet.empty('d.txt', doc, textHash, () => 'x');
    const preview = previewImport(set, items);
    assert.deepStrictEqual(
      [preview.added.length, preview.duplicates.length, preview.conflicts.length],
      [4, 0, 0],
    );
    applyImport(set, preview);
    const again = fromBrat(toBrat(buildExport('d.txt', doc, analyze(doc), set, 'user')).ann, doc);
    assert.deepStrictEqual(
      again.map((x) => [x.start, x.end, x.label]),
      items.map((x) => [x.start, x.end, x.label]),
    );
    assert.strictEqual(again.find((x) => x.label === 'PER')?.note, 'голова правління');
    // A second import finds duplicates; a different label on the same span is a conflict.
    const p2 = previewImport(set, [...items, { start: 89, end: 94, label: 'ORG' }]);
    assert.deepStrictEqual([p2.added.length, p2.duplicates.length, p2.conflicts.length], [0, 4, 1]);
    assert.strictEqual(set.undo(), 'import', 'an import is one undo step');
    assert.strictEqual(set.all.length, 0);
  });

  it('refuses spans outside the article with the line number', () => {
    assert.throws(() => fromBrat('T1\tORG 0 999\tx', doc), /line 1 \(T1\).*not inside/);
  });

  it('CoNLL: the seed article exported as IOB2 imports back to the same entities', () => {
    const { exp } = seedExport();
    const entities = exp.records.filter((r) => ['PER', 'ORG', 'LOC', 'MISC'].includes(r.label) && !r.role);
    const back = parseImport('conll', toConll(exp), seed);
    assert.ok(back.length >= 20, `${back.length} entities`);
    // Nested or overlapping records become one tagged span each in IOB2: every span read back is one exported.
    const want = new Set(entities.map((r) => `${r.start}:${r.end}:${r.label}`));
    for (const x of back) {
      assert.ok(want.has(`${x.start}:${x.end}:${x.label}`), `${seed.slice(x.start, x.end)} ${x.label}`);
      assert.strictEqual(x.quote, seed.slice(x.start, x.end));
    }
  });

  it('CoNLL: CoNLL-2003 columns, IOB1, BIOES, documents, comments, the token "#"', () => {
    const file = [
      '-DOCSTART- -X- -X- O',
      '',
      '# a comment',
      'Про\tO',
      'це\tO',
      'повідомив\tO',
      'Андрій\tB-PERS',
      'Коболєв\tI-PERS',
      '#\tO',
      'у\tO',
      'Києві\tS-LOC',
      '.\tO',
      '',
      '-DOCSTART- -X- -X- O',
      'EU NNP B-NP I-ORG',
      'rejects VBZ B-VP O',
      'German JJ B-NP B-MISC',
      'Bank NNP I-NP I-ORG',
      'of NNP I-NP E-ORG',
    ].join('\n');
    const docs = readConll(file);
    assert.strictEqual(docs.length, 2);
    const first = conllDocument(docs[0]);
    assert.strictEqual(first.text, 'Про це повідомив Андрій Коболєв # у Києві .\n');
    assert.deepStrictEqual(
      first.entities.map((e) => [first.text.slice(e.start, e.end), e.label]),
      [
        ['Андрій Коболєв', 'PER'],
        ['Києві', 'LOC'],
      ],
    );
    const second = conllDocument(docs[1]);
    assert.deepStrictEqual(
      second.entities.map((e) => [second.text.slice(e.start, e.end), e.label]),
      [
        ['EU', 'ORG'],
        ['German', 'MISC'],
        ['Bank of', 'ORG'],
      ],
      'an I- of another type starts an entity (IOB1); E- ends one',
    );
    // Onto an article with other spacing and a heading the file does not have.
    const article = 'Новини\n\nПро це  повідомив Андрій Коболєв # у Києві.';
    const items = parseImport('conll', file.split('\n\n-DOCSTART-')[0], article);
    assert.deepStrictEqual(
      items.map((x) => [article.slice(x.start, x.end), x.label]),
      [
        ['Андрій Коболєв', 'PER'],
        ['Києві', 'LOC'],
      ],
    );
  });

  it('CoNLL: a line without a tag, or a token the article does not have, is refused with its line', () => {
    assert.throws(() => readConll('Про\tO\nце\n'), /line 2: expected a token and its tag/);
    assert.throws(() => readConll('Про\tB_PER\n'), /line 1: expected a token and its tag/);
    assert.throws(
      () => parseImport('conll', 'Про\tO\nКиїв\tB-LOC\n', 'Про це повідомив Андрій.'),
      /line 2: the token "Київ" is not in the article/,
    );
  });
});

describe('workspace export', () => {
  it('exports 100 articles with progress, and stops when cancelled', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-export-'));
    const files: string[] = [];
    for (let i = 0; i < 100; i++) {
      const f = path.join(tmp, 'in', `a${String(i).padStart(3, '0')}.txt`);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, `Стаття ${i}. Як повідомляє Reuters, Ангела Меркель прибула до Берліна.`);
      files.push(f);
    }
    const set = AnnotationSet.empty('a000.txt', fs.readFileSync(files[0], 'utf8'), textHash, () => 'x');
    set.add({ start: 0, end: 6, label: 'NOTE' });
    await writeSidecarFile(`${files[0]}.newsmark.json`, set.toSidecar());
    const progress: number[] = [];
    const full = await exportFiles(files, {
      format: 'csv',
      outDir: path.join(tmp, 'out'),
      onProgress: (d) => progress.push(d),
    });
    assert.strictEqual(full.exported, 100);
    assert.ok(progress.length >= 100);
    const rows = parseCsv(fs.readFileSync(path.join(tmp, 'out', 'newsmark-annotations.csv'), 'utf8'), {
      columns: true,
    }) as Record<string, string>[];
    assert.ok(rows.some((r) => r.label === 'NOTE' && r.file === 'a000.txt'));
    let n = 0;
    const part = await exportFiles(files, {
      format: 'brat',
      outDir: path.join(tmp, 'out2'),
      onProgress: () => n++,
      isCancelled: () => n >= 10,
    });
    assert.ok(part.cancelled);
    assert.strictEqual(part.exported, 10);
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});
