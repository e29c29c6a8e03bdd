import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, hoverText, openArticle, until, workspaceFile } from './helpers';

const NAME = 'bulk-occurrences.txt';
const TEXT =
  'Reuters said the talks resumed in Geneva. Later Reuters said they had stalled.\n\n' +
  'Reuters added that a Genevan delegation left Geneva on Friday.\n';

describe('all occurrences at once', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(workspaceFile(NAME).fsPath, { force: true });
    fs.rmSync(`${workspaceFile(NAME).fsPath}.newsmark.json`, { force: true });
  });

  it('confirms every mention of an entity in one step (hover link, one undo), and labels every whole-word occurrence', async () => {
    const nm = await api();
    fs.writeFileSync(workspaceFile(NAME).fsPath, TEXT);
    const ed = await openArticle(NAME);
    const doc = ed.document;
    const a = await nm.whenAnalyzed(doc.uri);
    const reuters = a.entities.find((e) => e.name === 'Reuters');
    assert.ok(reuters && reuters.mentions.length === 3, 'three mentions of Reuters');
    assert.match(await hoverText(doc, reuters.mentions[0].start + 1), /Confirm all 3/);

    const n = await vscode.commands.executeCommand('newsmark.confirmAllMentions', {
      entityId: reuters.id,
      yes: true,
    });
    assert.strictEqual(n, 3);
    const confirmed = () =>
      nm.annotationsFor(doc.uri).filter((x) => x.annotation.finding?.verdict === 'confirmed').length;
    assert.strictEqual(confirmed(), 3);
    const side = JSON.parse(fs.readFileSync(nm.sidecarPathFor(doc.uri), 'utf8'));
    assert.strictEqual(side.annotations.length, 3, 'written to the sidecar');
    await vscode.commands.executeCommand('newsmark.undoAnnotation');
    await until('one undo takes all three back', () => confirmed() === 0);

    // "Geneva" twice as a word; "Genevan" is another word and is left alone.
    const at = TEXT.indexOf('Geneva');
    ed.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at + 6));
    const labelled = await vscode.commands.executeCommand('newsmark.labelAllOccurrences', {
      label: 'LOC',
      yes: true,
    });
    assert.strictEqual(labelled, 2);
    const locs = nm.annotationsFor(doc.uri).filter((x) => x.annotation.label === 'LOC');
    assert.deepStrictEqual(
      locs.map((x) => doc.getText().slice(x.at!.start, x.at!.end)),
      ['Geneva', 'Geneva'],
    );
    // Again: nothing left to label.
    assert.strictEqual(
      await vscode.commands.executeCommand('newsmark.labelAllOccurrences', { label: 'LOC', yes: true }),
      0,
    );
    await vscode.commands.executeCommand('newsmark.undoAnnotation');
    await until(
      'one undo removes both',
      () => !nm.annotationsFor(doc.uri).some((x) => x.annotation.label === 'LOC'),
    );
  });
});
