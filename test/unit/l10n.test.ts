import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8'));

describe('the interface in English and Ukrainian (package.nls)', () => {
  const pkg = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
  const en = read('package.nls.json') as Record<string, string>;
  const uk = read('package.nls.uk.json') as Record<string, string>;

  it('every %key% in package.json has an English and a Ukrainian text, and no key is unused', () => {
    const used = new Set([...pkg.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    assert.ok(used.size > 60, `${used.size} keys`);
    for (const k of used) {
      assert.ok(en[k], `English text for ${k}`);
      assert.ok(uk[k], `Ukrainian text for ${k}`);
    }
    assert.deepStrictEqual(Object.keys(en).sort(), [...used].sort(), 'English keys = used keys');
    assert.deepStrictEqual(Object.keys(uk).sort(), [...used].sort(), 'Ukrainian keys = used keys');
  });

  it('every command title and setting description is localised, never left in English', () => {
    const manifest = JSON.parse(pkg);
    for (const c of manifest.contributes.commands) assert.match(c.title, /^%.+%$/, c.command);
    for (const [id, p] of Object.entries(manifest.contributes.configuration.properties) as [
      string,
      Record<string, unknown>,
    ][])
      assert.ok(/^%.+%$/.test(String(p.description ?? p.markdownDescription)), id);
    const same = Object.keys(uk).filter((k) => k !== 'category' && uk[k] === en[k]);
    assert.deepStrictEqual(same, [], 'Ukrainian texts that are still English');
  });

  it('keeps the code-like parts of a text (command links, `settings`, placeholders) in both languages', () => {
    for (const k of Object.keys(en)) {
      const codes = (s: string) =>
        [...s.matchAll(/\(command:[\w.]+\)|`[a-z][\w.]*\.json`|\.newsmark\.json/g)].map((m) => m[0]);
      assert.deepStrictEqual(codes(uk[k]), codes(en[k]), k);
    }
  });
});
