import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core';
import { attributionCard, entityCard } from '../../src/extension/cards';
import { tn, useLanguage } from '../../src/extension/i18n';
import { extensionMessages, placeholders } from './messages-lib';

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

describe('runtime messages in English and Ukrainian (l10n bundle)', () => {
  const bundle = read('l10n/bundle.l10n.uk.json') as Record<string, string>;
  const messages = extensionMessages(root);
  const forms = (s: string) => s.split('|').length;

  after(() => useLanguage('en', undefined));

  it('every message of the extension has a Ukrainian text, and the bundle holds no unused one', () => {
    assert.ok(messages.size > 150, `${messages.size} messages`);
    const missing = [...messages.keys()].filter((k) => !bundle[k]);
    assert.deepStrictEqual(missing, [], 'messages without a Ukrainian text');
    const unused = Object.keys(bundle).filter((k) => !messages.has(k));
    assert.deepStrictEqual(unused, [], 'Ukrainian texts no message uses');
  });

  it('a translation keeps the placeholders, and plural messages have the forms of each language', () => {
    for (const [k, v] of Object.entries(bundle)) {
      for (const form of v.split('|'))
        assert.deepStrictEqual(placeholders(form), placeholders(k.split('|')[0]), `${k} → ${form}`);
      // English one|other; Ukrainian one|few|many|other (CLDR).
      assert.strictEqual(forms(v), forms(k) === 2 ? 4 : 1, k);
    }
  });

  it('counts take the Ukrainian plural forms (1, 3, 5, 11, 21, 22)', () => {
    useLanguage('uk', bundle);
    const said = (n: number) => tn(n, '{0} statement|{0} statements');
    assert.deepStrictEqual([1, 3, 5, 11, 21, 22].map(said), [
      '1 твердження',
      '3 твердження',
      '5 тверджень',
      '11 тверджень',
      '21 твердження',
      '22 твердження',
    ]);
    assert.strictEqual(tn(5, '{0} source|{0} sources'), '5 джерел');
    assert.strictEqual(tn(2, '{0} source|{0} sources'), '2 джерела');
    useLanguage('en', undefined);
    assert.deepStrictEqual([1, 5].map(said), ['1 statement', '5 statements']);
  });

  it('hover cards speak Ukrainian with the Ukrainian bundle, and English again without it', () => {
    const seed = fs.readFileSync(path.join(root, 'seeds/uk-ukrinform-kndr-russia.txt'), 'utf8');
    const a = analyze(seed);
    const kcna = a.entities.find((e) => e.name === 'KCNA')!;
    const relay = a.attributions.find((x) => x.source[0]?.text === 'Yonhap')!;
    useLanguage('uk', bundle);
    const entity = entityCard(a, kcna, 'file:///a.txt', kcna.mentions[0].start);
    assert.match(entity, /Організація · державне ЗМІ/);
    assert.match(entity, /Підтвердити/);
    const att = attributionCard(a, relay, 'file:///a.txt');
    assert.match(att, /\*\*Атрибуція\*\*/);
    assert.match(att, /\*\*Ланцюжок:\*\* Укрінформ ← Yonhap ← KCNA/);
    assert.doesNotMatch(att, /Source:|Cue:|Content:/);
    useLanguage('en', undefined);
    assert.match(attributionCard(a, relay, 'file:///a.txt'), /\*\*Source:\*\*/);
  });
});
