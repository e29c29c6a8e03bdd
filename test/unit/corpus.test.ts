import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusText } from '../../src/cli/corpusOutput';
import {
  analyze,
  articlePart,
  changeArticleAnnotations,
  corpusPageHtml,
  corpusReport,
  emptyPart,
  fixedKey,
  mergeParts,
  nameTokens,
  spellingKey,
} from '../../src/core';

const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'bin/newsmark.js');
const run = (args: string[], input?: string, cwd = root) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    cwd,
    input,
    env: { ...process.env, NO_COLOR: '1' },
  });

/** Small articles the test writes itself: Ukrainian, Russian and English news about the same people. */
const ARTICLES: Record<string, string> = {
  'uk/1.txt':
    'Президент Володимир Зеленський заявив, що Україна не піде на поступки.\n\nЯк повідомляє ТАРС, у Москві відкинули пропозицію. За даними джерел, переговори зірвано.\n',
  'uk/2.txt':
    'Зеленський наголосив, що обміну полоненими не буде без гарантій.\n\nПро це повідомляє Укрінформ з посиланням на Йонхап.\n',
  'ru/1.txt':
    'Владимир Зеленский заявил журналистам, что Киев готов к переговорам.\n\nКак сообщает ТАСС, в Кремле это отвергли.\n',
  'en/1.txt':
    'President Volodymyr Zelensky said Ukraine would not give up territory, Reuters reported.\n\nAccording to TASS, Moscow rejected the plan. Sources said the talks had stalled.\n',
  'en/2.txt': 'Zelensky told reporters in Kyiv that the grain corridor would stay open, Yonhap reported.\n',
};

describe('one entity across languages and forms', () => {
  const same = (a: string, b: string) => spellingKey(a) === spellingKey(b);
  it('names that must join: transliterations, spellings, inflection-free keys, gazetteer names', () => {
    for (const [a, b] of [
      ['Зеленський', 'Зеленский'],
      ['Зеленський', 'Zelensky'],
      ['Zelenskyy', 'Zelenskyi'],
      ['Шойгу', 'Shoigu'],
      ['Хмельницький', 'Khmelnytskyi'],
      ['Кім', 'Kim'],
    ])
      assert.ok(same(a, b), `${a} ~ ${b}`);
    for (const [a, b, type] of [
      ['ТАСС', 'ТАРС', 'ORG'],
      ['ТАРС', 'TASS', 'ORG'],
      ['Yonhap', 'Йонхап', 'ORG'],
      ['Росія', 'Russia', 'LOC'],
      ['Россия', 'Росія', 'LOC'],
      ['США', 'USA', 'LOC'],
    ])
      assert.strictEqual(fixedKey(a, type), fixedKey(b, type), `${a} ~ ${b}`);
  });

  it('names that must not join', () => {
    for (const [a, b] of [
      ['Зеленський', 'Зеленська'],
      ['Кім', 'Кіма'],
      ['Trump', 'Truman'],
    ])
      assert.ok(!same(a, b), `${a} ≁ ${b}`);
    assert.notStrictEqual(fixedKey('ТАСС', 'ORG'), fixedKey('РИА Новости', 'ORG'));
    assert.notStrictEqual(fixedKey('Росія', 'LOC'), fixedKey('Білорусь', 'LOC'));
    assert.deepStrictEqual(nameTokens("University's"), ['universiti']);
  });

  it('persons: full names by first initial and surname, a lone surname joins its only full name', () => {
    const part = emptyPart();
    for (const [id, text] of Object.entries(ARTICLES)) mergeParts(part, articlePart(id, analyze(text)));
    const r = corpusReport(part);
    const z = r.entities.find((e) => e.type === 'PER' && /Zelensk|Зеленськ/.test(e.name));
    assert.ok(z, JSON.stringify(r.entities.map((e) => e.name)));
    const forms = [z.name, ...z.aliases];
    for (const f of ['Володимир Зеленський', 'Volodymyr Zelensky', 'Владимир Зеленский'])
      assert.ok(forms.includes(f), `${f} in ${forms}`);
    // "Зеленський …" and "Zelensky …" open sentences: no entity there, but as sources they join the
    // person: five statements in five articles, in three languages.
    const source = r.sources.find((s) => s.name === z.name);
    assert.deepStrictEqual(
      [source?.statements, source?.articles],
      [5, 5],
      JSON.stringify(r.sources.slice(0, 5)),
    );
    const tass = r.sources.find((s) => /ТАСС|TASS|ТАРС/.test(s.name));
    assert.ok(tass?.stateMedia, 'TASS is state media');
    assert.strictEqual(tass.statements, 3, 'ТАРС, ТАСС and TASS are one source');
    // The user splits and merges; the choices are applied when the report is made.
    const split = corpusReport(part, { split: ['Volodymyr Zelensky', 'Владимир Зеленский'] });
    const z2 = split.entities.find((e) => [e.name, ...e.aliases].includes('Володимир Зеленський'))!;
    assert.ok(![z2.name, ...z2.aliases].includes('Volodymyr Zelensky'));
    assert.ok(![z2.name, ...z2.aliases].includes('Владимир Зеленский'));
    const merged = corpusReport(part, {
      split: ['Volodymyr Zelensky', 'Владимир Зеленский'],
      merge: [['Володимир Зеленський', 'Владимир Зеленский']],
    });
    const z3 = merged.entities.find((e) => [e.name, ...e.aliases].includes('Володимир Зеленський'))!;
    assert.ok([z3.name, ...z3.aliases].includes('Владимир Зеленский'));
    assert.ok(![z3.name, ...z3.aliases].includes('Volodymyr Zelensky'));
  });
});

describe('corpus aggregation', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-corpus-'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  before(() => {
    for (const [f, text] of Object.entries(ARTICLES)) {
      fs.mkdirSync(path.dirname(path.join(tmp, f)), { recursive: true });
      fs.writeFileSync(path.join(tmp, f), text);
    }
  });

  it('counts statements, anonymous ones, kinds, chains and state-media citations', () => {
    const part = emptyPart();
    for (const [id, text] of Object.entries(ARTICLES)) mergeParts(part, articlePart(id, analyze(text)));
    const r = corpusReport(part);
    assert.strictEqual(r.articles, 5);
    assert.strictEqual(
      r.statements.total,
      r.perArticle.reduce((n, a) => n + a.statements, 0),
    );
    assert.ok(r.statements.anonymous >= 2, 'джерел, Sources said');
    assert.ok(
      r.network.some((e) => e.from === 'Укрінформ' && e.to === 'Yonhap'),
      JSON.stringify(r.network),
    );
    assert.deepStrictEqual(Object.keys(r.statements.byKind), [...Object.keys(r.statements.byKind)].sort());
  });

  it('a rejected finding is not counted; a source the user annotated is', async () => {
    const file = path.join(tmp, 'en/2.txt');
    const text = ARTICLES['en/2.txt'];
    const before = run(['corpus', '--json', tmp]);
    assert.strictEqual(before.status, 0, before.stderr);
    const b = JSON.parse(before.stdout);
    const yonhap = (r: { sources: { name: string; statements: number }[] }) =>
      r.sources.find((s) => s.name === 'Yonhap')?.statements ?? 0;
    const at = text.indexOf('reported');
    await changeArticleAnnotations(file, text, { author: () => 'test' }, (s) => {
      s.add({
        start: at,
        end: at + 8,
        label: 'CUE',
        finding: { kind: 'attribution', type: 'cue', verdict: 'rejected' },
      });
      const k = text.indexOf('Kyiv');
      s.add({ start: k, end: k + 4, label: 'SOURCE' });
    });
    const after = JSON.parse(run(['corpus', '--json', tmp]).stdout);
    assert.strictEqual(yonhap(after), yonhap(b) - 1, 'the rejected cue took its statement with it');
    assert.ok(
      after.sources.some((s: { name: string }) => s.name === 'Kyiv'),
      'the user’s source counts',
    );
  });

  it('four shards summarized and merged give exactly what one run over the whole gives', () => {
    const whole = run(['corpus', '--json', '.'], undefined, tmp);
    assert.strictEqual(whole.status, 0, whole.stderr);
    const files = Object.keys(ARTICLES);
    const shards = [[files[0], files[4]], [files[1]], [files[2]], [files[3]]];
    const parts = shards.map((list, i) => {
      const out = path.join(tmp, `part-${i}.json`);
      const r = run(['corpus', 'summarize', ...list, '--out', out], undefined, tmp);
      assert.strictEqual(r.status, 0, r.stderr);
      return out;
    });
    // Merged in another order than they were cut.
    const merged = run(['corpus', 'merge', '--json', ...[...parts].reverse()], undefined, tmp);
    assert.strictEqual(merged.status, 0, merged.stderr);
    assert.strictEqual(merged.stdout, whole.stdout);
    for (const p of parts) fs.rmSync(p);
  });

  it('analyze --stdin: one result line per input line, errors as lines; summarize reads them', () => {
    const input = `${Object.entries(ARTICLES)
      .map(([id, text]) => JSON.stringify({ id, text }))
      .join('\n')}\n{"id":"bad"}\n`;
    const r = run(['analyze', '--stdin'], input);
    assert.strictEqual(r.status, 1, 'a failed line makes the exit status 1');
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepStrictEqual(
      lines.map((l) => l.id),
      [...Object.keys(ARTICLES), 'bad'],
    );
    assert.ok(lines[0].entities.length && lines[0].attributions.length);
    assert.match(lines[5].error, /text/);
    const jsonl = path.join(tmp, 'analysed.jsonl');
    fs.writeFileSync(
      jsonl,
      lines
        .slice(0, 5)
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );
    const out = path.join(tmp, 'from-lines.json');
    const s = run(['corpus', 'summarize', jsonl, '--out', out]);
    assert.strictEqual(s.status, 0, s.stderr);
    const m = JSON.parse(run(['corpus', 'merge', '--json', out]).stdout);
    assert.strictEqual(m.articles, 5);
  });

  it('a hostile part file (__proto__ keys) is merged without touching any prototype', () => {
    const hostile = JSON.parse(
      '{"format":"newsmark-corpus-part","version":1,"articles":{"__proto__":{"statements":1,"anonymous":0},"x":{"statements":0,"anonymous":0}},"names":{"__proto__":{"name":"p","type":"PER","articles":1,"mentions":1,"at":{}}},"sources":{"constructor":{"name":"c","kind":"person","anonymous":false,"stateMedia":false,"articles":1,"statements":1,"cites":{}}},"statements":[]}',
    );
    const part = mergeParts(emptyPart(), hostile);
    assert.deepStrictEqual(Object.keys(part.articles), ['x']);
    assert.strictEqual(Object.getPrototypeOf(part.names), Object.prototype);
    assert.strictEqual(({} as Record<string, unknown>).statements, undefined);
    assert.strictEqual(corpusReport(part).articles, 1);
  });

  it('the text summary shows control characters in names as escapes, never obeys them', () => {
    const r = corpusReport(emptyPart());
    const hostile = {
      ...r,
      entities: [
        { name: 'Evil\u001b[2J\u202eCorp', type: 'ORG' as const, aliases: [], articles: 1, mentions: 1 },
      ],
    };
    const text = corpusText(hostile);
    assert.doesNotMatch(text, /[\u001b\u202e]/);
    assert.match(text, /Evil\\x1b\[2J\\u202eCorp/);
  });

  it('--html is one self-contained page: data escaped, no remote content, strict CSP', () => {
    const r = run(['corpus', '--html', tmp]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /Content-Security-Policy/);
    assert.doesNotMatch(r.stdout, /<script[^>]+src=|https?:\/\/(?!www\.w3\.org)/);
    const hostile = corpusPageHtml(
      {
        ...corpusReport(emptyPart()),
        entities: [
          {
            name: '</script><img src=x onerror=alert(1)>',
            type: 'PER',
            aliases: [],
            articles: 1,
            mentions: 1,
          },
        ],
      },
      { script: { inline: '' }, style: { inline: '' } },
    );
    assert.doesNotMatch(hostile, /<\/script><img/);
  });
});
