import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, openArticle, SEED, workspaceFile } from './helpers';

describe('Export and import from VS Code', () => {
  const out = () => workspaceFile('export-out').fsPath;
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('exports the current article in every format', async () => {
    await api();
    await openArticle(SEED);
    for (const format of ['json', 'w3c', 'brat', 'conll', 'jsonl', 'csv', 'report']) {
      const dir = path.join(out(), 'article', format);
      const res = await vscode.commands.executeCommand<{ exported: number; written: string[] }>(
        'newsmark.exportArticle',
        { format, outDir: dir, include: 'both' },
      );
      assert.strictEqual(res?.exported, 1, format);
      for (const f of res.written) assert.ok(fs.statSync(f).size > 0, f);
    }
    const report = fs.readFileSync(
      path.join(out(), 'article', 'report', SEED.replace('.txt', '.report.html')),
      'utf8',
    );
    assert.match(report, /Укрінформ ← Yonhap ← KCNA/);
  });

  it('exports a workspace of 100 articles with progress, and can be cancelled', async () => {
    await api();
    const dir = workspaceFile('many').fsPath;
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 100; i++)
      fs.writeFileSync(
        path.join(dir, `n${String(i).padStart(3, '0')}.txt`),
        `Новина ${i}. Як повідомляє Reuters, Ангела Меркель прибула до Берліна.`,
      );
    const full = await vscode.commands.executeCommand<{
      exported: number;
      total: number;
      progressReports: number;
      cancelled: boolean;
      errors: { file: string }[];
    }>('newsmark.exportWorkspace', { format: 'csv', outDir: path.join(out(), 'ws-full'), include: 'both' });
    assert.ok(full.total >= 100);
    // Articles whose sidecar is corrupt (from the annotation tests) are reported, not exported.
    assert.strictEqual(full.exported + full.errors.length, full.total);
    assert.ok(
      full.errors.every((e) => /annotations-test/.test(e.file)),
      JSON.stringify(full.errors),
    );
    assert.ok(full.progressReports >= full.total, 'progress is reported per article');
    const part = await vscode.commands.executeCommand<{ exported: number; cancelled: boolean }>(
      'newsmark.exportWorkspace',
      { format: 'brat', outDir: path.join(out(), 'ws-cancel'), include: 'both', cancelAfter: 20 },
    );
    assert.ok(part.cancelled);
    assert.ok(part.exported < 100 && part.exported >= 19, `exported ${part.exported}`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports a brat file with a preview of counts, into the sidecar, as one undoable step', async () => {
    const nm = await api();
    const name = 'import-test.txt';
    const text =
      'ПАТ «Укртрансгаз» уклало угоду з ТОВ «Укргеоекологія».\nПро це повідомив Андрій Коболєв у Києві.\n';
    fs.writeFileSync(workspaceFile(name).fsPath, text);
    fs.rmSync(nm.sidecarPathFor(workspaceFile(name)), { force: true });
    const ann = workspaceFile('import-test.ann').fsPath;
    fs.writeFileSync(
      ann,
      'T1\tORG\t0 17\tПАТ «Укртрансгаз»\nT2\tPERS 72 86\tАндрій Коболєв\n#1\tAnnotatorNotes T2\tголова правління\nT3\tLOC 0 5\tОдеса\n',
    );
    const ed = await openArticle(name);
    const res = await vscode.commands.executeCommand<{
      added: number;
      duplicates: number;
      conflicts: number;
      contradicting: number;
      imported: number;
    }>('newsmark.importAnnotations', { file: ann, uri: ed.document.uri.toString(), confirm: true });
    // T3 says "Одеса" is at 0–5, where the article has "ПАТ «": never attached to that text.
    assert.deepStrictEqual(res, { added: 2, duplicates: 0, conflicts: 0, contradicting: 1, imported: 2 });
    const side = JSON.parse(fs.readFileSync(nm.sidecarPathFor(ed.document.uri), 'utf8'));
    assert.deepStrictEqual(
      side.annotations.map((a: { label: string; target: { quote: { exact: string } } }) => [
        a.label,
        a.target.quote.exact,
      ]),
      [
        ['ORG', 'ПАТ «Укртрансгаз»'],
        ['PER', 'Андрій Коболєв'],
      ],
    );
    const again = await vscode.commands.executeCommand<{ added: number; duplicates: number }>(
      'newsmark.importAnnotations',
      { file: ann, uri: ed.document.uri.toString(), confirm: true },
    );
    assert.strictEqual(again.duplicates, 2);
    await vscode.commands.executeCommand('newsmark.undoAnnotation');
    assert.strictEqual(nm.annotationsFor(ed.document.uri).length, 0);
  });
});

describe('Import of a CoNLL file in VS Code', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reads the format from the file name and finds the tokens in the article', async () => {
    const nm = await api();
    const name = 'conll-import.txt';
    fs.writeFileSync(workspaceFile(name).fsPath, 'Заголовок\n\nПро це повідомив Андрій Коболєв у Києві.\n');
    fs.rmSync(nm.sidecarPathFor(workspaceFile(name)), { force: true });
    const file = workspaceFile('conll-import.conll').fsPath;
    fs.writeFileSync(
      file,
      'Про\tO\nце\tO\nповідомив\tO\nАндрій\tB-PERS\nКоболєв\tI-PERS\nу\tO\nКиєві\tB-LOC\n.\tO\n',
    );
    const ed = await openArticle(name);
    const res = await vscode.commands.executeCommand<{ added: number; imported: number }>(
      'newsmark.importAnnotations',
      { file, uri: ed.document.uri.toString(), confirm: true },
    );
    assert.strictEqual(res.imported, 2);
    assert.deepStrictEqual(
      nm.annotationsFor(ed.document.uri).map((a) => [a.annotation.label, a.annotation.target.quote.exact]),
      [
        ['PER', 'Андрій Коболєв'],
        ['LOC', 'Києві'],
      ],
    );
  });
});

describe('Export safety in VS Code', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('asks before replacing files, and never writes over the article itself', async () => {
    await api();
    const name = 'safe-export.txt';
    const text = 'Reuters said that the talks resumed in Geneva.\n';
    fs.writeFileSync(workspaceFile(name).fsPath, text);
    await openArticle(name);
    const dir = workspaceFile('safe-out').fsPath;
    const first = await vscode.commands.executeCommand<{ written: string[] }>('newsmark.exportArticle', {
      format: 'conll',
      outDir: dir,
      include: 'both',
    });
    assert.strictEqual(first?.written.length, 1);
    fs.writeFileSync(first.written[0], 'kept');
    // The user answers "no" to replacing: nothing is written.
    const declined = await vscode.commands.executeCommand('newsmark.exportArticle', {
      format: 'conll',
      outDir: dir,
      include: 'both',
      replace: false,
    });
    assert.strictEqual(declined, undefined);
    assert.strictEqual(fs.readFileSync(first.written[0], 'utf8'), 'kept');
    await vscode.commands.executeCommand('newsmark.exportArticle', {
      format: 'conll',
      outDir: dir,
      include: 'both',
      replace: true,
    });
    assert.notStrictEqual(fs.readFileSync(first.written[0], 'utf8'), 'kept');
    // brat into the article's own folder would replace the article with its copy: refused.
    const folder = path.dirname(workspaceFile(name).fsPath);
    const refused = await vscode.commands.executeCommand('newsmark.exportArticle', {
      format: 'brat',
      outDir: folder,
      include: 'both',
      replace: true,
    });
    assert.strictEqual(refused, undefined);
    assert.strictEqual(fs.readFileSync(workspaceFile(name).fsPath, 'utf8'), text);
  });
});
