import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
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
    // The Annotations view sums up the two annotators' agreement.
    let rows: string[] = [];
    for (let i = 0; i < 50 && !rows.some((r) => r.startsWith('Agreement')); i++) {
      rows = nm.annotationsViewRows();
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(rows.includes('Agreement alice · bob: F1 0.40, κ 0.58 — 2 to adjudicate'), rows.join(' | '));
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

describe('compare with the same article at a git ref (VS Code’s git extension)', () => {
  const dir = workspaceFile('gitcase').fsPath;
  const file = path.join(dir, NAME);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=t@example.org', ...args], {
      cwd: dir,
      encoding: 'utf8',
    });

  after(async () => {
    await vscode.commands.executeCommand('newsmark.clearComparison');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace
      .getConfiguration('git')
      .update('enabled', false, vscode.ConfigurationTarget.Global);
    // Git off first: its model closes the repository, so no git process runs in a removed folder.
    await new Promise((r) => setTimeout(r, 1000));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the working copy against HEAD: the label changed since the commit is a label conflict', async () => {
    const nm = await api();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, TEXT);
    await changeArticleAnnotations(file, TEXT, { author: () => 'alice' }, (s) => {
      s.add({ ...at('Anna Petrova'), label: 'PER' });
      s.add({ ...at('Madrid'), label: 'LOC' });
    });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'annotated');
    await changeArticleAnnotations(file, TEXT, { author: () => 'alice' }, (s) => {
      const madrid = s.placed.find((p) => p.annotation.label === 'LOC')!;
      s.update(madrid.annotation.id, { label: 'ORG' });
    });
    // The test profile turns git off; turn it on and wait for the extension's model.
    await vscode.workspace.getConfiguration('git').update('enabled', true, vscode.ConfigurationTarget.Global);
    const ext = vscode.extensions.getExtension<{ enabled: boolean }>('vscode.git');
    assert.ok(ext, 'VS Code’s git extension is installed');
    const exports = ext.isActive ? ext.exports : await ext.activate();
    for (let i = 0; i < 100 && !exports.enabled; i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(exports.enabled, 'git turned on');
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    await nm.whenAnalyzed(doc.uri);
    const report = (await vscode.commands.executeCommand('newsmark.compareAnnotations', {
      ref: 'HEAD',
    })) as AgreementReport;
    assert.ok(report, 'a report');
    assert.deepStrictEqual(
      report.disagreements.map((d) => [d.kind, d.text, d.a, d.b]),
      [['label', 'Madrid', 'ORG', 'LOC']],
    );
    // A ref that does not exist is a clear error, not a crash (the command reports it).
    const none = await vscode.commands.executeCommand('newsmark.compareAnnotations', {
      ref: 'no-such-branch',
    });
    assert.strictEqual(none, undefined);
  });
});
