import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Place } from '../../src/extension/corpusCommands';
import { api, until, workspaceFile } from './helpers';

const NEW = 'corpus-new-article.txt';

describe('the workspace as a corpus', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(workspaceFile(NEW).fsPath, { force: true });
    fs.rmSync(path.join(workspaceFile('.newsmark').fsPath, 'entities.json'), { force: true });
  });

  it('indexes the workspace on first use; search finds where a source is cited and opens it', async () => {
    const nm = await api();
    const places = (await vscode.commands.executeCommand('newsmark.searchCorpus', {
      name: 'Yonhap',
    })) as Place[];
    assert.ok(places?.length, 'Yonhap is cited somewhere');
    assert.ok(
      places.some((p) => p.article === 'uk-ukrinform-kndr-russia.txt'),
      JSON.stringify(places),
    );
    const r = nm.corpusReport()!;
    assert.ok(r.articles >= 2, `${r.articles} articles`);
    const yonhap = r.sources.find((s) => s.name === 'Yonhap')!;
    assert.ok(yonhap.cites.includes('KCNA'), JSON.stringify(yonhap));
    assert.ok(
      r.stateMediaCitations.some((c) => c.source === 'Yonhap' && c.stateMedia === 'KCNA'),
      JSON.stringify(r.stateMediaCitations),
    );
    // Opening a place selects it in its article.
    await vscode.commands.executeCommand('newsmark.searchCorpus', { name: 'Yonhap', open: 0 });
    const ed = vscode.window.activeTextEditor!;
    assert.strictEqual(path.basename(ed.document.uri.fsPath), places[0].article.split('/').pop());
    assert.ok(ed.document.getText(ed.selection).length > 0);
  });

  it('the Workspace view: sources by kind → source → article → statements; entities by type', async () => {
    const nm = await api();
    const top = nm.corpusTreeRows([]);
    assert.match(top[0], /^Sources by kind — \d+ statements in \d+ articles$/);
    assert.match(top[1], /^Entities by type/);
    const kinds = nm.corpusTreeRows(['Sources by kind']);
    const media = kinds.find((k) => k.startsWith('news media'));
    assert.ok(media, kinds.join(' | '));
    const sources = nm.corpusTreeRows(['Sources by kind', 'news media']);
    assert.ok(
      sources.some((s) => s.startsWith('Yonhap — ')),
      sources.join(' | '),
    );
    const articles = nm.corpusTreeRows(['Sources by kind', 'news media', 'Yonhap']);
    assert.ok(
      articles.some((a) => a.startsWith('uk-ukrinform-kndr-russia.txt')),
      articles.join(' | '),
    );
    const statements = nm.corpusTreeRows([
      'Sources by kind',
      'news media',
      'Yonhap',
      'uk-ukrinform-kndr-russia.txt',
    ]);
    assert.ok(
      statements.some((s) => s.startsWith('повідомляє: ')),
      statements.join(' | '),
    );
    const people = nm.corpusTreeRows(['Entities by type', 'Person']);
    assert.ok(
      people.some((p) => p.startsWith('Кім Чен Ин — ')),
      people.join(' | '),
    );
  });

  it('a new article is indexed as it is written; the choice to merge two entities is kept in the workspace', async () => {
    const nm = await api();
    fs.writeFileSync(
      workspaceFile(NEW).fsPath,
      'Як повідомляє Reuters з посиланням на ТАРС, переговори зірвано.\n\nПро це заявив Володимир Зеленський.\n',
    );
    await until(
      'the new article in the index',
      () => nm.corpusReport()?.perArticle.some((a) => a.id === NEW),
      15000,
    );
    console.log(`      one changed article re-indexed in ${nm.corpusLastUpdateMs()?.toFixed(1)} ms`);
    const r = nm.corpusReport()!;
    const tass = r.sources.find((s) => s.name === 'ТАСС' || s.name === 'ТАРС');
    assert.ok(tass?.stateMedia, JSON.stringify(r.sources.map((s) => s.name)));
    assert.ok(
      r.stateMediaCitations.some((c) => c.source === 'Reuters'),
      JSON.stringify(r.stateMediaCitations),
    );
    // Merge: KCNA and Yonhap are one entity (a test of the mechanism, not a claim).
    const kcna = r.entities.find((e) => e.name === 'KCNA')!;
    await vscode.commands.executeCommand('newsmark.mergeEntity', { kind: 'entity', entity: kcna }, 'Yonhap');
    const choices = JSON.parse(
      fs.readFileSync(path.join(workspaceFile('.newsmark').fsPath, 'entities.json'), 'utf8'),
    );
    assert.deepStrictEqual(choices.merge, [['KCNA', 'Yonhap']]);
    const merged = nm.corpusReport()!.entities.find((e) => [e.name, ...e.aliases].includes('KCNA'))!;
    assert.ok([merged.name, ...merged.aliases].includes('Yonhap'));
    await vscode.commands.executeCommand('newsmark.splitEntity', { kind: 'entity', entity: merged }, [
      'Yonhap',
    ]);
    const split = nm.corpusReport()!.entities.find((e) => [e.name, ...e.aliases].includes('KCNA'))!;
    assert.ok(![split.name, ...split.aliases].includes('Yonhap'));
  });

  it('the index is kept in workspace storage: a rebuild reuses every unchanged article', async () => {
    const build = (await vscode.commands.executeCommand('newsmark.rebuildCorpusIndex')) as {
      articles: number;
      reused: number;
      indexed: number;
    };
    assert.ok(build.articles >= 3, JSON.stringify(build));
    assert.deepStrictEqual([build.reused, build.indexed], [build.articles, 0], JSON.stringify(build));
  });

  it('Open Corpus Report: a webview with the report as data, a nonce-only CSP and no remote content', async () => {
    const nm = await api();
    const ms = (await vscode.commands.executeCommand('newsmark.openCorpusReport')) as number;
    console.log(`      report page built in ${ms.toFixed(1)} ms`);
    const html = nm.corpusReportHtml()!;
    assert.match(html, /Content-Security-Policy/);
    assert.match(html, /script-src 'nonce-[^']+'/);
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    // Only the extension's own files, through the webview's resource origin.
    const urls = [...html.matchAll(/https?:\/\/[^\s"')]+/g)].map((m) => m[0]);
    const remote = urls.filter((u) => !/vscode-resource|vscode-cdn\.net|^http:\/\/www\.w3\.org\//.test(u));
    assert.deepStrictEqual(remote, [], 'no remote content');
    assert.match(html, /id="corpus-data"/);
    assert.ok(html.includes('Yonhap'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
