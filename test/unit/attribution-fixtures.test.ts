/**
 * Attribution rule cases kept as data (test/fixtures/attribution/*.jsonl), one sentence or two
 * per case with the cue, source and content the rules must find — and the cues they must not.
 * Adding a rule is adding a case; each case names the module its rule lives in.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core';
import type { Attribution, Language } from '../../src/core/types';

interface Expected {
  cue: string;
  source: string;
  content: string;
  direct?: boolean;
  anonymous?: boolean;
  sourceKind?: string;
  /** The cue of the attribution this one relays. */
  via?: string;
}

interface Case {
  rule: string;
  module: string;
  text: string;
  expect: Expected[];
  /** Cues that must not be found. */
  absent?: string[];
}

const root = path.resolve(__dirname, '../../..');
const dir = path.join(root, 'test/fixtures/attribution');
const joined = (x: Attribution) => x.cue.map((s) => s.text).join(' … ');

for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
  const lang = path.basename(file, '.jsonl') as Language;
  const cases = fs
    .readFileSync(path.join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);
  describe(`attribution rule cases (${file})`, () => {
    for (const c of cases) {
      it(`${c.rule} — ${c.module.replace('src/core/attribution/', '')}`, () => {
        assert.ok(fs.existsSync(path.join(root, c.module)), `the case names an existing module: ${c.module}`);
        const a = analyze(c.text, { language: lang });
        for (const e of c.expect) {
          const found = a.attributions.find((x) => joined(x) === e.cue);
          assert.ok(found, `a cue "${e.cue}" in: ${a.attributions.map(joined).join(' / ')}`);
          assert.strictEqual(found.source.map((s) => s.text).join(' … '), e.source, 'source');
          assert.strictEqual(found.content.map((s) => s.text).join(' … '), e.content, 'content');
          if (e.direct !== undefined) assert.strictEqual(found.direct, e.direct, 'direct');
          if (e.anonymous !== undefined) assert.strictEqual(found.anonymous, e.anonymous, 'anonymous');
          if (e.sourceKind !== undefined) assert.strictEqual(found.sourceKind, e.sourceKind, 'sourceKind');
          if (e.via !== undefined) {
            const via = a.attributions.find((x) => x.id === found.via);
            assert.strictEqual(via && joined(via), e.via, 'via');
          }
        }
        for (const cue of c.absent ?? [])
          assert.ok(!a.attributions.some((x) => joined(x).split(' ').includes(cue)), `no cue "${cue}"`);
      });
    }
  });
}
