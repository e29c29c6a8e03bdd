import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ReviewState } from '../../src/extension/reviewMode';
import { api, SEED, until, workspaceFile } from './helpers';

const NAME = 'review-keys.txt';
const run = (id: string) => vscode.commands.executeCommand(id) as Thenable<ReviewState | undefined>;

describe('review mode', () => {
  after(async () => {
    await vscode.commands.executeCommand('newsmark.review.stop');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(workspaceFile(NAME).fsPath, { force: true });
    fs.rmSync(`${workspaceFile(NAME).fsPath}.newsmark.json`, { force: true });
  });

  it('walks the findings in reading order; accept, reject, skip and undo, each one sidecar change', async () => {
    const nm = await api();
    fs.writeFileSync(workspaceFile(NAME).fsPath, fs.readFileSync(workspaceFile(SEED).fsPath, 'utf8'));
    const ed = await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument(workspaceFile(NAME)),
    );
    const doc = ed.document;
    await nm.whenAnalyzed(doc.uri);
    const started = await run('newsmark.startReview');
    assert.ok(started && started.total > 5, `${started?.total} findings to review`);
    const sel = () => [doc.offsetAt(ed.selection.start), doc.offsetAt(ed.selection.end)];
    const first = sel();
    assert.ok(first[1] > first[0], 'the first finding is selected');

    let s = await run('newsmark.review.accept');
    assert.strictEqual(s?.index, 1);
    const second = sel();
    assert.ok(second[0] >= first[0], 'reading order');
    const verdicts = () =>
      nm.annotationsFor(doc.uri).map((x) => [x.at?.start, x.annotation.finding?.verdict] as const);
    assert.deepStrictEqual(verdicts(), [[first[0], 'confirmed']]);

    s = await run('newsmark.review.reject');
    assert.deepStrictEqual(
      verdicts().map((v) => v[1]),
      ['confirmed', 'rejected'],
    );
    s = await run('newsmark.review.skip');
    assert.deepStrictEqual([s?.index, s?.counts.skip], [3, 1]);
    s = await run('newsmark.review.undo'); // the skip
    assert.strictEqual(s?.index, 2);
    s = await run('newsmark.review.undo'); // the reject: its verdict is taken back
    assert.strictEqual(s?.index, 1);
    await until('the rejection undone', () => verdicts().length === 1);
    assert.deepStrictEqual(sel(), second, 'back on the second finding');

    // Typing in the article ends the review (its positions would no longer hold).
    await ed.edit((e) => e.insert(new vscode.Position(0, 0), ' '));
    assert.strictEqual(await run('newsmark.review.accept'), undefined, 'no review any more');
    // A new review leaves out what has a verdict already.
    const again = await run('newsmark.startReview');
    assert.ok(again && again.total < started.total);
  });
});
