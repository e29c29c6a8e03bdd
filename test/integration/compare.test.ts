import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { AgreementReport } from '../../src/core';
import { changeArticleAnnotations } from '../../src/core/io/articleAnnotations';
import { api, openArticle, workspaceFile } from './helpers';

const NAME = 'compare-me.txt';
const TEXT = 'Anna Petrova met officials in Madrid today.\n';
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

describe('compare and adjudicate in the editor', () => {
  after(async () => {
    await vscode.commands.executeCommand('newsmark.clearComparison');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(workspaceFile(NAME).fsPath, { force: true });
    fs.rmSync(`${workspaceFile(NAME).fsPath}.newsmark.json`, { force: true });
  });

  it('two authors merged into one sidecar: agreement, disagreements marked, "take B" curated', async () => {
    const nm = await api();
    const file = workspaceFile(NAME).fsPath;
    fs.writeFileSync(file, TEXT);
    await changeArticleAnnotations(file, TEXT, { author: () => 'alice' }, (s) => {
      s.add({ ...at('Anna Petrova'), label: 'PER' });
      s.add({ ...at('Madrid'), label: 'LOC' });
    });
    await changeArticleAnnotations(file, TEXT, { author: () => 'bob' }, (s) => {
      s.add({ ...at('Anna Petrova'), label: 'PER' });
      s.add({ ...at('Madrid'), label: 'ORG' });
      s.add({ ...at('today'), label: 'MISC' });
    });
    const ed = await openArticle(NAME);
    await nm.whenAnalyzed(ed.document.uri);
    const report = (await vscode.commands.executeCommand('newsmark.compareAnnotations', {
      authors: ['alice', 'bob'],
    })) as AgreementReport;
    assert.ok(Math.abs(report.overall.exactF1 - 0.4) < 1e-9, String(report.overall.exactF1));
    assert.deepStrictEqual(
      report.disagreements.map((d) => [d.kind, d.text, d.a, d.b]),
      [
        ['label', 'Madrid', 'LOC', 'ORG'],
        ['onlyB', 'today', null, 'MISC'],
      ],
    );
    const left = await vscode.commands.executeCommand('newsmark.adjudicate', 0, 'b');
    assert.strictEqual(left, 1);
    const side = JSON.parse(fs.readFileSync(nm.sidecarPathFor(ed.document.uri), 'utf8'));
    const madrid = side.annotations.filter(
      (a: { target: { quote: { exact: string } } }) => a.target.quote.exact === 'Madrid',
    );
    assert.strictEqual(madrid.length, 1, 'the two annotators’ annotations made way for one');
    assert.deepStrictEqual([madrid[0].label, madrid[0].curated], ['ORG', { from: ['bob'] }]);
    // Compared again: the adjudicated place is no longer a disagreement.
    const again = (await vscode.commands.executeCommand('newsmark.compareAnnotations', {
      authors: ['alice', 'bob'],
    })) as AgreementReport;
    assert.deepStrictEqual(
      again.disagreements.map((d) => d.text),
      ['today'],
    );
    // One undo takes the adjudication back.
    await vscode.commands.executeCommand('newsmark.undoAnnotation');
    const undone = (await vscode.commands.executeCommand('newsmark.compareAnnotations', {
      authors: ['alice', 'bob'],
    })) as AgreementReport;
    assert.strictEqual(undone.disagreements.length, 2);
  });
});
