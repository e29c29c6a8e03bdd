import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { SourceNode } from '../../src/extension/sourcesView';
import { api, hoverCards, hoverText, openArticle, SEED, textAt, until, workspaceFile } from './helpers';

describe('Newsmark in the editor', () => {
  before(async () => {
    await api();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs inside a real VS Code extension host', () => {
    assert.match(vscode.version, /^1\.\d+/);
    assert.ok(
      ['server-distro', 'desktop', 'web'].includes(vscode.env.appHost) || vscode.env.appHost.length > 0,
    );
  });

  it('decorates the seed article: entities, sources, cues and content at the expected ranges', async () => {
    const nm = await api();
    const editor = await openArticle();
    const deco = await until('decorations', () => nm.decorationsFor(editor.document.uri));
    const texts = (layer: keyof typeof deco) => deco[layer].map((r) => textAt(editor.document, r));
    assert.ok(texts('entity.PER').includes('Кім Чен Ин'), `PER: ${texts('entity.PER')}`);
    assert.ok(texts('entity.PER').includes('Володимиром Путіним'));
    assert.ok(texts('entity.ORG').includes('Yonhap'));
    assert.ok(texts('entity.ORG').includes('KCNA'));
    assert.ok(texts('entity.LOC').includes('Пхеньяна'));
    assert.ok(texts('attribution.cue').includes('повідомляє'));
    assert.ok(texts('attribution.cue').includes('передає'));
    assert.ok(texts('attribution.source').includes('Yonhap'));
    assert.ok(
      texts('attribution.anonymousSource').includes('джерела'),
      'the NYT\'s "джерела" is marked anonymous',
    );
    assert.ok(texts('attribution.directContent').includes('поглиблювати відносини з Росією'));
    assert.ok(deco['attribution.indirectContent'].length > 0);
  });

  it('shows the article counts in the status bar', async () => {
    const nm = await api();
    await openArticle();
    const text = await until('status text', () => nm.statusText());
    assert.match(text, /\d+ entities · \d+ attributions · \d+ sources/);
  });

  it('newsmark.displayLanguage uk: the status bar, hovers and the Sources panel in Ukrainian, then English again', async () => {
    const nm = await api();
    const editor = await openArticle();
    const doc = editor.document;
    const config = vscode.workspace.getConfiguration('newsmark');
    try {
      await config.update('displayLanguage', 'uk', vscode.ConfigurationTarget.Global);
      const status = await until('Ukrainian status', () =>
        /сутност/.test(nm.statusText()) ? nm.statusText() : undefined,
      );
      assert.match(status, /\d+ сутност\S* · \d+ атрибуц\S* · \d+ джерел/);
      const md = await hoverText(doc, doc.getText().indexOf('Yonhap') + 1);
      assert.match(md, /Організація · ЗМІ/);
      assert.match(md, /\*\*Ланцюжок:\*\* Укрінформ ← Yonhap ← KCNA/);
    } finally {
      await config.update('displayLanguage', undefined, vscode.ConfigurationTarget.Global);
    }
    await until('English status', () => (/entities/.test(nm.statusText()) ? true : undefined));
    assert.match(await hoverText(doc, doc.getText().indexOf('Yonhap') + 1), /Organisation/);
  });

  it('hovers: an entity card with its type, kind and mentions', async () => {
    const editor = await openArticle();
    const doc = editor.document;
    const md = await hoverText(doc, doc.getText().indexOf('KCNA') + 1);
    assert.match(md, /KCNA/);
    assert.match(md, /Organisation/);
    assert.match(md, /State-controlled media/);
  });

  it('hovers: an attribution card with the chain of reporting', async () => {
    const editor = await openArticle();
    const doc = editor.document;
    const md = await hoverText(doc, doc.getText().indexOf('передає') + 2);
    assert.match(md, /Attribution/);
    assert.match(md, /Укрінформ ← Yonhap ← KCNA/);
  });

  it('the Sources tree lists Yonhap under Укрінформ and KCNA under Yonhap; selecting reveals the span', async () => {
    const nm = await api();
    const editor = await openArticle();
    await until('sources', () => nm.sources.active?.uri === editor.document.uri.toString());
    const top = nm.sources.getChildren();
    const name = (n: SourceNode) => (n.kind === 'source' ? n.source.name : 'anonymous');
    const ukr = top.find((n) => name(n) === 'Укрінформ');
    assert.ok(ukr, `top level: ${top.map(name)}`);
    const yon = nm.sources.getChildren(ukr).find((n) => name(n) === 'Yonhap');
    assert.ok(yon, 'Yonhap under Укрінформ');
    const kcna = nm.sources.getChildren(yon).find((n) => name(n) === 'KCNA');
    assert.ok(kcna, 'KCNA under Yonhap');
    const item = nm.sources.getTreeItem(kcna);
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const active = vscode.window.activeTextEditor!;
    assert.match(active.document.getText(active.selection), /KCNA/);
  });

  it('editing the text updates the decorations', async () => {
    const nm = await api();
    const editor = await openArticle();
    await until('decorations', () => nm.decorationsFor(editor.document.uri));
    await editor.edit((e) =>
      e.insert(new vscode.Position(0, 0), 'Як повідомляє Reuters, Ангела Меркель приїхала до Берліна.\n'),
    );
    const version = editor.document.version;
    await nm.whenAnalyzed(editor.document.uri, version);
    const deco = await until('updated decorations', () => {
      const d = nm.decorationsFor(editor.document.uri);
      return d?.['entity.ORG'].some((r) => editor.document.getText(r) === 'Reuters') ? d : undefined;
    });
    assert.ok(deco['attribution.cue'].some((r) => editor.document.getText(r) === 'Як повідомляє'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('hover cards show Markdown and HTML from the article literally; only Newsmark commands are trusted', async () => {
    const file = workspaceFile('hostile.txt');
    fs.writeFileSync(
      file.fsPath,
      'Компанія ТОВ «[Альфа](command:workbench.action.terminal.new) <img src=x>» заявила, що все гаразд.\n',
    );
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const cards = await hoverCards(doc, doc.getText().indexOf('Альфа'));
    assert.ok(cards.length > 0);
    for (const c of cards) {
      assert.ok(!/\]\(command:workbench/.test(c.value), `live link in: ${c.value}`);
      assert.ok(!/<img/.test(c.value), `raw HTML in: ${c.value}`);
      const trusted = c.isTrusted;
      assert.ok(
        trusted === undefined ||
          trusted === false ||
          (typeof trusted === 'object' && trusted.enabledCommands.every((x) => x.startsWith('newsmark.'))),
      );
    }
    fs.rmSync(file.fsPath, { force: true });
  });

  it('navigates to the next attribution from the palette command', async () => {
    const editor = await openArticle();
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('newsmark.nextAttribution');
    const sel = vscode.window.activeTextEditor!.selection;
    assert.ok(!sel.isEmpty, 'a cue is selected');
  });

  it('never decorates files that are not articles', async () => {
    const nm = await api();
    for (const name of ['notes.json', 'script.js']) {
      const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
      await vscode.window.showTextDocument(doc);
      await new Promise((r) => setTimeout(r, 300));
      assert.strictEqual(nm.decorationsFor(doc.uri), undefined, `${name} has no decorations`);
      assert.strictEqual(nm.statusText(), '');
    }
  });

  it('the per-file toggle switches Newsmark off and on', async () => {
    const nm = await api();
    const editor = await openArticle(SEED);
    await until('decorations', () => nm.decorationsFor(editor.document.uri));
    await vscode.commands.executeCommand('newsmark.toggleForFile');
    await until('no decorations', () => !nm.decorationsFor(editor.document.uri));
    await vscode.commands.executeCommand('newsmark.toggleForFile');
    await until('decorations again', () => nm.decorationsFor(editor.document.uri));
  });
});

describe('Large articles', () => {
  it('a 400 KB article is analysed in the worker and decorated around the visible lines', async function () {
    this.timeout(60000);
    const nm = await api();
    const seed = fs.readFileSync(workspaceFile(SEED).fsPath, 'utf8');
    const file = workspaceFile('large-article.txt');
    let big = '';
    while (big.length < 400 * 1024) big += `${seed}\n\n`;
    fs.writeFileSync(file.fsPath, big);
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const a = await nm.whenAnalyzed(doc.uri, doc.version);
    assert.ok(a.entities.length > 10);
    const deco = await until('decorations of the visible part', () => nm.decorationsFor(doc.uri));
    const total = a.entities.reduce((n, e) => n + e.mentions.length, 0);
    const shown =
      deco['entity.PER'].length +
      deco['entity.ORG'].length +
      deco['entity.LOC'].length +
      deco['entity.MISC'].length;
    assert.ok(shown > 0 && shown < total, `decorated ${shown} of ${total} mentions`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    fs.rmSync(file.fsPath, { force: true });
  });
});
