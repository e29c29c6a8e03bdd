import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnnotationSet, analyze } from '../../src/core';
import {
  annotationCard,
  attributionCard,
  cardsAt,
  entityCard,
  TRUSTED_COMMANDS,
} from '../../src/extension/cards';

const seed = fs.readFileSync(path.resolve(__dirname, '../../../seeds/uk-ukrinform-kndr-russia.txt'), 'utf8');

/** Every command a card links to. */
const commandsIn = (md: string) => [...md.matchAll(/\]\(command:([\w.]+)\?/g)].map((m) => m[1]);

describe('hover cards (pure)', () => {
  const a = analyze(seed);
  const uri = 'file:///x/article.txt';

  it('an entity card: name, type, kind, mentions, and only trusted command links', () => {
    const kcna = a.entities.find((e) => e.name === 'KCNA')!;
    const md = entityCard(a, kcna, uri, kcna.mentions[0].start);
    assert.match(md, /\*\*KCNA\*\* · Organisation · state\\-controlled media/);
    assert.match(md, /State-controlled media/);
    for (const c of commandsIn(md)) assert.ok(TRUSTED_COMMANDS.includes(c), c);
  });

  it('an entity a learned model found says how sure it was; a rules entity says nothing of it', () => {
    const kcna = a.entities.find((e) => e.name === 'KCNA')!;
    assert.doesNotMatch(entityCard(a, kcna, uri, kcna.mentions[0].start), /sure/);
    const learned = { ...kcna, confidence: 0.874 };
    assert.match(
      entityCard(a, learned, uri, kcna.mentions[0].start),
      /Learned from your reviews · 87 % sure/,
    );
  });

  it('an attribution a learned model found says how sure it was', () => {
    const relay = a.attributions.find((x) => x.source[0]?.text === 'Yonhap')!;
    assert.doesNotMatch(attributionCard(a, relay, uri), /sure/);
    assert.match(
      attributionCard(a, { ...relay, confidence: 0.612 }, uri),
      /\*\*Attribution\*\*[^\n]*\n\n\$\(mortar-board\) Learned from your reviews · 61 % sure/,
    );
  });

  it('a source named by a role or a document says whom it means', () => {
    const leader = a.attributions.find((x) => x.source[0]?.text === 'Лідер КНДР')!;
    assert.match(attributionCard(a, leader, uri), /\*\*Source:\*\* Лідер КНДР → Кім Чен Ин/);
    const message = a.attributions.find((x) => x.source[0]?.text === 'повідомленні')!;
    assert.match(attributionCard(a, message, uri), /\*\*Source:\*\* повідомленні → KCNA/);
    const yonhap = a.attributions.find((x) => x.source[0]?.text === 'Yonhap')!;
    assert.doesNotMatch(attributionCard(a, yonhap, uri), /→ Yonhap/);
  });

  it('an attribution card: source, cue, content, the chain, an anonymous warning', () => {
    const relay = a.attributions.find((x) => x.source[0]?.text === 'Yonhap')!;
    assert.match(attributionCard(a, relay, uri), /\*\*Chain:\*\* Укрінформ ← Yonhap ← KCNA/);
    const anon = a.attributions.find((x) => x.source[0]?.text === 'джерела')!;
    assert.match(attributionCard(a, anon, uri), /Anonymous source/);
  });

  it('cardsAt: an entity and its attribution on a source word; content alone elsewhere', () => {
    const off = seed.indexOf('Yonhap') + 1;
    const { cards, span } = cardsAt(a, off, uri);
    assert.strictEqual(cards.length, 2);
    assert.strictEqual(seed.slice(span!.start, span!.end), 'Yonhap');
    assert.deepStrictEqual(cardsAt(a, 0, uri).cards.length <= 2, true);
  });

  it('escapes Markdown and HTML from the article and the sidecar', () => {
    const text =
      'Агентство <img src=x onerror=alert(1)> [клік](command:workbench.action.quit) повідомляє, що **все** гаразд.';
    const x = analyze(text, { language: 'uk' });
    for (const att of x.attributions) {
      const md = attributionCard(x, att, uri);
      assert.ok(!/<img/.test(md), md);
      assert.deepStrictEqual(
        commandsIn(md).filter((c) => !TRUSTED_COMMANDS.includes(c)),
        [],
      );
    }
    const set = AnnotationSet.empty(
      'a.txt',
      text,
      () => 'h',
      () => 'me',
    );
    const p = set.add({ start: 0, end: 9, label: 'ORG', note: '<script>x</script> [link](command:evil)' });
    const md = annotationCard(uri, set.get(p.id)!, 'Organisation');
    assert.ok(!md.includes('<script>'), md);
    assert.deepStrictEqual(commandsIn(md), [
      'newsmark.editAnnotationLabel',
      'newsmark.editAnnotationNote',
      'newsmark.deleteAnnotation',
    ]);
  });
});
