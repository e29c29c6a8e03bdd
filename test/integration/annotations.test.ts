import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, hoverText, openArticle, until, workspaceFile } from './helpers';

let ARTICLE = 'annotations-test.txt';
let counter = 0;
const TEXT =
  'Про це з посиланням на агентство KCNA повідомляє Yonhap, передає Укрінформ.\nКім Чен Ин наголосив на співпраці з Росією.\n';

function readSidecar(path: string) {
  return JSON.parse(fs.readFileSync(path, 'utf8')) as {
    version: number;
    annotations: {
      id: string;
      label: string;
      note?: string;
      finding?: { verdict: string };
      target: { quote: { exact: string } };
    }[];
  };
}

describe('User annotations in a sidecar', () => {
  let sidecar = '';
  beforeEach(async () => {
    // A fresh file per test: a closed editor's document may linger in memory for a while.
    ARTICLE = `annotations-test-${++counter}.txt`;
    const uri = workspaceFile(ARTICLE);
    fs.writeFileSync(uri.fsPath, TEXT);
    const nm = await api();
    sidecar = nm.sidecarPathFor(uri);
    fs.rmSync(sidecar, { force: true });
    for (const f of fs.readdirSync(workspaceFile('').fsPath))
      if (f.includes('.corrupt-')) fs.rmSync(workspaceFile(f).fsPath);
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('adds, edits the note and label, and deletes, with the sidecar updated after each', async () => {
    const nm = await api();
    const ed = await openArticle(ARTICLE);
    const uri = ed.document.uri;
    const s = TEXT.indexOf('Yonhap');
    await vscode.commands.executeCommand('newsmark.addAnnotation', {
      uri: uri.toString(),
      start: s,
      end: s + 6,
      label: 'ORG',
      note: 'південнокорейське агентство',
    });
    let side = readSidecar(sidecar);
    assert.strictEqual(side.annotations.length, 1);
    assert.strictEqual(side.annotations[0].target.quote.exact, 'Yonhap');
    assert.strictEqual(side.annotations[0].note, 'південнокорейське агентство');
    const id = side.annotations[0].id;
    const deco = await until('annotation decoration', () => nm.annotationDecorationsFor(uri)?.length);
    assert.strictEqual(deco, 1);

    await vscode.commands.executeCommand(
      'newsmark.editAnnotationNote',
      uri.toString(),
      id,
      'агентство Республіки Корея',
    );
    assert.strictEqual(readSidecar(sidecar).annotations[0].note, 'агентство Республіки Корея');
    await vscode.commands.executeCommand('newsmark.editAnnotationLabel', uri.toString(), id, 'SOURCE');
    assert.strictEqual(readSidecar(sidecar).annotations[0].label, 'SOURCE');

    // The hover card shows the annotation, its note and author.
    const md = await hoverText(ed.document, s + 2);
    assert.match(md, /your annotation/);
    assert.match(md, /агентство Республіки Корея/);

    await vscode.commands.executeCommand('newsmark.deleteAnnotation', uri.toString(), id);
    side = readSidecar(sidecar);
    assert.strictEqual(side.annotations.length, 0);
    await vscode.commands.executeCommand('newsmark.undoAnnotation');
    assert.strictEqual(readSidecar(sidecar).annotations.length, 1, 'undo restores the deleted annotation');
  });

  it('confirms and rejects engine findings; a rejected finding stays hidden after re-analysis', async () => {
    const nm = await api();
    const ed = await openArticle(ARTICLE);
    const uri = ed.document.uri;
    const a = await until('analysis', () => nm.analysisFor(uri));
    const kcna = a.entities.find((e) => e.name === 'KCNA')!;
    const yon = a.entities.find((e) => e.name === 'Yonhap')!;
    const t = (e: typeof kcna) => ({
      uri: uri.toString(),
      start: e.mentions[0].start,
      end: e.mentions[0].end,
      kind: 'entity',
      type: e.type,
    });
    await vscode.commands.executeCommand('newsmark.rejectFinding', t(kcna));
    await vscode.commands.executeCommand('newsmark.confirmFinding', t(yon));
    const side = readSidecar(sidecar);
    assert.deepStrictEqual(side.annotations.map((x) => [x.target.quote.exact, x.finding?.verdict]).sort(), [
      ['KCNA', 'rejected'],
      ['Yonhap', 'confirmed'],
    ]);
    await vscode.commands.executeCommand('newsmark.analyze');
    const after = nm.analysisFor(uri)!;
    assert.ok(!after.entities.some((e) => e.name === 'KCNA'), 'rejected KCNA is hidden');
    assert.ok(after.entities.some((e) => e.name === 'Yonhap'));
    const deco = await until('decorations', () => nm.decorationsFor(uri));
    assert.ok(!deco['entity.ORG'].some((r) => ed.document.getText(r) === 'KCNA'));
  });

  it('annotations move with edits in the editor and are saved with the article', async () => {
    const nm = await api();
    const ed = await openArticle(ARTICLE);
    const uri = ed.document.uri;
    const s = TEXT.indexOf('Росією');
    await vscode.commands.executeCommand('newsmark.addAnnotation', {
      uri: uri.toString(),
      start: s,
      end: s + 6,
      label: 'LOC',
    });
    await ed.edit((e) => e.insert(new vscode.Position(0, 0), 'Новий вступ до статті.\n'));
    const [p] = nm.annotationsFor(uri);
    assert.ok(p.at);
    assert.strictEqual(ed.document.getText().slice(p.at.start, p.at.end), 'Росією');
    await ed.document.save();
    await until(
      'sidecar saved with the article',
      () =>
        readSidecar(sidecar).annotations[0]?.target &&
        fs.readFileSync(sidecar, 'utf8').includes('Новий вступ') === false &&
        JSON.parse(fs.readFileSync(sidecar, 'utf8')).annotations[0].target.position.start === p.at!.start,
    );
  });

  it('reloads and merges when the sidecar changes on disk (git pull, another window)', async () => {
    const nm = await api();
    const ed = await openArticle(ARTICLE);
    const uri = ed.document.uri;
    const s = TEXT.indexOf('KCNA');
    await vscode.commands.executeCommand('newsmark.addAnnotation', {
      uri: uri.toString(),
      start: s,
      end: s + 4,
      label: 'ORG',
    });
    const side = readSidecar(sidecar) as unknown as { annotations: Record<string, unknown>[] };
    const other = JSON.parse(JSON.stringify(side.annotations[0]));
    other.id = '01J00000000000000000000000';
    other.label = 'CLAIM';
    other.note = 'added by a colleague';
    side.annotations.push(other);
    fs.writeFileSync(sidecar, JSON.stringify(side, null, 2));
    await until(
      'outside annotation loaded',
      () => nm.annotationsFor(uri).some((x) => x.annotation.note === 'added by a colleague'),
      15000,
    );
    assert.strictEqual(nm.annotationsFor(uri).length, 2);
  });

  it('a corrupt sidecar gives a clear error, is left untouched and backed up, and nothing overwrites it', async () => {
    const nm = await api();
    fs.writeFileSync(sidecar, '{ "version": 1, "annotations": [ {"id": 5} ');
    const ed = await openArticle(ARTICLE);
    const uri = ed.document.uri;
    await until('analysis', () => nm.analysisFor(uri));
    const s = TEXT.indexOf('Yonhap');
    await vscode.commands.executeCommand('newsmark.addAnnotation', {
      uri: uri.toString(),
      start: s,
      end: s + 6,
      label: 'ORG',
    });
    assert.strictEqual(
      fs.readFileSync(sidecar, 'utf8'),
      '{ "version": 1, "annotations": [ {"id": 5} ',
      'the corrupt file is untouched',
    );
    const backups = fs
      .readdirSync(workspaceFile('').fsPath)
      .filter((f) => f.startsWith(`${ARTICLE}.newsmark.json.corrupt-`));
    assert.strictEqual(backups.length, 1);
  });

  it('the sidecar follows the article when it is renamed in VS Code', async () => {
    const nm = await api();
    const ed = await openArticle(ARTICLE);
    const uri = ed.document.uri;
    const s = TEXT.indexOf('Yonhap');
    await vscode.commands.executeCommand('newsmark.addAnnotation', {
      uri: uri.toString(),
      start: s,
      end: s + 6,
      label: 'ORG',
    });
    const target = workspaceFile(`annotations-renamed-${counter}.txt`);
    fs.rmSync(target.fsPath, { force: true });
    fs.rmSync(nm.sidecarPathFor(target), { force: true });
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, target);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await until(
      'sidecar moved',
      () => fs.existsSync(nm.sidecarPathFor(target)) && !fs.existsSync(sidecar),
      10000,
    );
    assert.strictEqual(readSidecar(nm.sidecarPathFor(target)).annotations.length, 1);
    fs.rmSync(target.fsPath, { force: true });
    fs.rmSync(nm.sidecarPathFor(target), { force: true });
  });

  it('an article deleted outside VS Code leaves its sidecar, listed under "Sidecars without their article"', async () => {
    const nm = await api();
    const ed = await openArticle(ARTICLE);
    const uri = ed.document.uri;
    const s = TEXT.indexOf('KCNA');
    await vscode.commands.executeCommand('newsmark.addAnnotation', {
      uri: uri.toString(),
      start: s,
      end: s + 4,
      label: 'ORG',
    });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(uri.fsPath);
    assert.ok(fs.existsSync(sidecar), 'the sidecar stays');
    await openArticle('uk-ukrinform-kndr-russia.txt');
    await nm.annotationsTree.set(vscode.window.activeTextEditor?.document);
    const groups = nm.annotationsTree.getChildren();
    const lost = groups.find((g) => g.kind === 'group' && g.id === 'lost');
    assert.ok(lost, JSON.stringify(groups));
    const items = nm.annotationsTree.getChildren(lost).map((n) => (n.kind === 'sidecar' ? n.uri.fsPath : ''));
    assert.ok(items.includes(sidecar), items.join(', '));
    fs.rmSync(sidecar);
  });
});

describe('Marking an article as reviewed', () => {
  it('records it in the sidecar and shows it; "Not Reviewed" undoes it', async () => {
    const nm = await api();
    const name = 'review-me.txt';
    fs.writeFileSync(workspaceFile(name).fsPath, 'Reuters said that the talks resumed in Geneva.\n');
    const ed = await openArticle(name);
    await nm.whenAnalyzed(ed.document.uri);
    await vscode.commands.executeCommand('newsmark.markReviewed');
    const side = nm.sidecarPathFor(ed.document.uri);
    assert.ok(JSON.parse(fs.readFileSync(side, 'utf8')).reviewed?.at, 'the sidecar records the review');
    await until('the status bar says reviewed', () => nm.statusText().includes('reviewed'));
    await vscode.commands.executeCommand('newsmark.markNotReviewed');
    assert.strictEqual(JSON.parse(fs.readFileSync(side, 'utf8')).reviewed, undefined);
    await until('the status bar no longer says it', () => !nm.statusText().includes('reviewed'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
