import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../src/extension/commandIds';
import { api, SEED, until, workspaceFile } from './helpers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A scratch copy of the seed article, so edits never touch the file other tests read. */
async function openScratch(name: string): Promise<vscode.TextEditor> {
  const file = workspaceFile(name);
  fs.writeFileSync(file.fsPath, fs.readFileSync(workspaceFile(SEED).fsPath, 'utf8'));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
}

describe('One controller per article, one scheduler', () => {
  after(() => {
    for (const n of ['scratch-debounce.txt', 'scratch-annotations.txt']) {
      fs.rmSync(workspaceFile(n).fsPath, { force: true });
      fs.rmSync(`${workspaceFile(n).fsPath}.newsmark.json`, { force: true });
    }
  });

  afterEach(async () => {
    await vscode.workspace
      .getConfiguration('newsmark')
      .update('debounceMs', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('starts no analysis while the user types (debounce 1000 ms, 8 keystrokes 50 ms apart)', async () => {
    const nm = await api();
    await vscode.workspace
      .getConfiguration('newsmark')
      .update('debounceMs', 1000, vscode.ConfigurationTarget.Global);
    const editor = await openScratch('scratch-debounce.txt');
    const doc = editor.document;
    await nm.whenAnalyzed(doc.uri, doc.version);
    const opened = doc.version;
    const before = nm.analysisStarts(doc.uri).length;
    const at = doc.getText().indexOf('Yonhap');
    let i = 0;
    for (const ch of 'Newsmark') {
      await editor.edit((e) => e.insert(doc.positionAt(at + i++), ch));
      await sleep(50);
    }
    const typed = doc.version;
    assert.strictEqual(typed, opened + 8);
    // Still inside the debounce: nothing analysed, the findings shifted with their words.
    assert.deepStrictEqual(nm.analysisStarts(doc.uri).slice(before), [], 'no analysis while typing');
    // The findings (which hovers and commands read) moved with their words; VS Code moved the
    // decorations drawn from them.
    const shown = nm.analysisFor(doc.uri);
    const yonhap = shown?.entities.find((e) => e.name === 'Yonhap');
    assert.ok(yonhap, 'Yonhap is still a finding');
    for (const m of yonhap.mentions) assert.strictEqual(doc.getText().slice(m.start, m.end), 'Yonhap');
    const att = shown?.attributions.find((x) => x.source[0]?.text === 'Yonhap');
    assert.ok(att && doc.getText().slice(att.source[0].start, att.source[0].end) === 'Yonhap');
    await nm.whenAnalyzed(doc.uri, typed);
    const started = nm.analysisStarts(doc.uri).slice(before);
    assert.deepStrictEqual(started, [typed], 'one analysis, of the last version only');
    const lat = nm.lastLatency(doc.uri);
    assert.ok(lat && lat.sinceEditMs !== undefined && lat.sinceEditMs >= lat.totalMs);
  });

  it('keeps the user annotations placed while typing before them', async () => {
    const nm = await api();
    await vscode.workspace
      .getConfiguration('newsmark')
      .update('debounceMs', 1000, vscode.ConfigurationTarget.Global);
    const editor = await openScratch('scratch-annotations.txt');
    const doc = editor.document;
    const start = doc.getText().indexOf('KCNA');
    await vscode.commands.executeCommand('newsmark.addAnnotation', {
      label: 'ORG',
      uri: doc.uri.toString(),
      start,
      end: start + 4,
    });
    await editor.edit((e) => e.insert(doc.positionAt(0), 'XYZ '));
    const placed = nm.annotationsFor(doc.uri).find((p) => p.annotation.label === 'ORG' && p.at);
    assert.ok(placed?.at);
    assert.strictEqual(doc.getText().slice(placed.at.start, placed.at.end), 'KCNA');
    await vscode.commands.executeCommand('newsmark.undoAnnotation');
    const sidecar = nm.sidecarPathFor(doc.uri);
    await until('sidecar written', () => fs.existsSync(sidecar));
  });

  it('registers every contributed command and contributes every registered one', async () => {
    await api();
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
      contributes: { commands: { command: string }[] };
    };
    const contributed = pkg.contributes.commands.map((c) => c.command).sort();
    // VS Code adds focus/open/… commands of its own for each view (newsmark.sources.focus).
    const views = /^newsmark\.(sources|entities|annotations|workspace)\./;
    const registered = (await vscode.commands.getCommands(true))
      .filter((c) => c.startsWith('newsmark.') && !views.test(c))
      .sort();
    assert.deepStrictEqual(registered, contributed);
    assert.deepStrictEqual([...COMMAND_IDS].sort(), contributed);
  });

  it('VS Code reads the command titles and settings from package.nls in its display language', () => {
    const ext = vscode.extensions.getExtension('newsmark.newsmark');
    const pkg = ext?.packageJSON as {
      contributes: {
        commands: { command: string; title: string }[];
        configuration: { properties: Record<string, { description?: string; markdownDescription?: string }> };
      };
    };
    const nls = JSON.parse(
      fs.readFileSync(
        path.resolve(__dirname, `../../../package.nls${vscode.env.language === 'uk' ? '.uk' : ''}.json`),
        'utf8',
      ),
    ) as Record<string, string>;
    const review = pkg.contributes.commands.find((c) => c.command === 'newsmark.startReview');
    // In a display language other than English, VS Code keeps both: { value, original }.
    const title = review?.title as string | { value: string; original: string } | undefined;
    assert.strictEqual(
      typeof title === 'object' ? title.value : title,
      nls['newsmark.startReview.title'],
      `display language ${vscode.env.language}`,
    );
    const model = pkg.contributes.configuration.properties['newsmark.model'];
    assert.strictEqual(model.markdownDescription, nls['newsmark.model.markdownDescription']);
  });
});

describe('The CLI and the extension find the same sidecar', () => {
  after(async () => {
    await vscode.workspace
      .getConfiguration('newsmark')
      .update('sidecarFolder', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('with newsmark.sidecarFolder set, an annotation added by the CLI shows in the editor', async () => {
    const nm = await api();
    await vscode.workspace
      .getConfiguration('newsmark')
      .update('sidecarFolder', '.nm-sidecars', vscode.ConfigurationTarget.Workspace);
    const editor = await openScratch('scratch-cli.txt');
    const doc = editor.document;
    await nm.whenAnalyzed(doc.uri);
    const sidecar = nm.sidecarPathFor(doc.uri);
    assert.ok(sidecar.includes(`${path.sep}.nm-sidecars${path.sep}`), sidecar);
    const root = path.resolve(__dirname, '../../..');
    const r = spawnSync(
      process.execPath,
      [
        path.join(root, 'bin/newsmark.js'),
        'annotations',
        'add',
        doc.uri.fsPath,
        '--label',
        'ORG',
        '--quote',
        'KCNA',
      ],
      { cwd: os.tmpdir(), encoding: 'utf8' },
    );
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(fs.existsSync(sidecar), `the CLI wrote ${sidecar}`);
    assert.ok(!fs.existsSync(`${doc.uri.fsPath}.newsmark.json`), 'no second sidecar beside the article');
    await until('the CLI annotation in the editor', () =>
      nm.annotationsFor(doc.uri).some((p) => p.annotation.label === 'ORG' && p.at),
    );
    fs.rmSync(path.dirname(sidecar), { recursive: true, force: true });
    fs.rmSync(doc.uri.fsPath, { force: true });
  });
});
