import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { RankedArticle, TrainReport } from '../../src/extension/learnProtocol';
import { api, hoverText, openArticle, until, workspaceFile } from './helpers';

/** Short English wire stories, each reviewed by the user before Newsmark learns from them. */
const STORIES = [
  'Reuters said that the talks resumed in Geneva on Monday.',
  'The Associated Press reported that Maria Lopez met officials in Madrid.',
  'According to the BBC, John Carter will visit Berlin next week.',
  'Officials in Warsaw told Reuters that the border stayed open.',
  'Anna Petrova said the United Nations would send aid to Kyiv.',
  'The Guardian reported that Paul Smith left London for Paris.',
];
const learnFile = (i: number) => `learn-${i}.txt`;

describe('learning from reviewed articles', function () {
  this.timeout(240000);
  const modelDir = () => workspaceFile('.newsmark').fsPath;

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('newsmark').update('model', undefined);
    for (let i = 0; i < STORIES.length; i++) {
      fs.rmSync(workspaceFile(learnFile(i)).fsPath, { force: true });
      fs.rmSync(`${workspaceFile(learnFile(i)).fsPath}.newsmark.json`, { force: true });
    }
    fs.rmSync(modelDir(), { recursive: true, force: true });
  });

  it('trains the workspace model from reviewed articles, and the editor uses it', async () => {
    const nm = await api();
    fs.rmSync(modelDir(), { recursive: true, force: true });
    for (let i = 0; i < STORIES.length; i++) {
      fs.writeFileSync(workspaceFile(learnFile(i)).fsPath, `${STORIES[i]}\n`);
      const ed = await openArticle(learnFile(i));
      await nm.whenAnalyzed(ed.document.uri);
      await vscode.commands.executeCommand('newsmark.markReviewed');
      assert.ok(JSON.parse(fs.readFileSync(nm.sidecarPathFor(ed.document.uri), 'utf8')).reviewed);
    }
    const report = (await vscode.commands.executeCommand('newsmark.trainOnReviewed', {
      epochs: 2,
      quick: false,
    })) as TrainReport | undefined;
    assert.ok(report, 'training reports what it did');
    assert.ok(report.documents >= STORIES.length, `${report.documents} documents`);
    assert.ok(report.languages.includes('en'));
    assert.ok(report.scores && report.scores.model >= 0 && report.scores.model <= 1);
    const model = workspaceFile('.newsmark/models/entities.json').fsPath;
    assert.strictEqual(JSON.parse(fs.readFileSync(model, 'utf8')).format, 'newsmark-model');
    // The stories' attributions (reviewed, not rejected) teach the attribution model too.
    assert.ok(
      report.attribution && report.attribution.attributions >= STORIES.length,
      'attributions learned',
    );
    for (const role of ['cue', 'source', 'content'] as const) {
      const f = report.attribution.scores?.model[role] ?? -1;
      assert.ok(f >= 0 && f <= 1, `${role} ${f}`);
    }
    const roles = JSON.parse(
      fs.readFileSync(workspaceFile('.newsmark/models/attributions.json').fsPath, 'utf8'),
    );
    assert.strictEqual(roles.task, 'attribution');
    // The words that tell which paragraphs could hold a cue: of "According to", its own word, not "to".
    assert.ok(roles.cueWords.includes('according') && roles.cueWords.includes('said'), roles.cueWords);
    assert.ok(!roles.cueWords.includes('to'), roles.cueWords);

    // An open article is analysed again with the model: its entities say how sure it was.
    const ed = await openArticle(learnFile(0));
    const doc = ed.document;
    const learned = await until('entities found by the learned model', () => {
      const a = nm.analysisFor(doc.uri);
      return (
        a?.entities.some((e) => e.confidence !== undefined) &&
        a.attributions.some((x) => x.confidence !== undefined) &&
        a
      );
    });
    // Findings the models are unsure of are drawn fainter: exactly their mentions and cues.
    const unsure =
      learned.entities
        .filter((e) => e.confidence !== undefined && e.confidence < 0.7)
        .reduce((n, e) => n + e.mentions.length, 0) +
      learned.attributions
        .filter((x) => x.confidence !== undefined && x.confidence < 0.7)
        .reduce((n, x) => n + x.cue.length, 0);
    await until(
      `${unsure} unsure mentions and cues drawn fainter`,
      () => nm.decorationsFor(doc.uri)?.['learned.unsure'].length === unsure,
    );
    const reuters = learned.entities.find((e) => e.confidence !== undefined)!;
    assert.match(
      await hoverText(doc, reuters.mentions[0].start + 1),
      /Learned from your reviews · \d+ % sure/,
    );
    const said = learned.attributions.find((x) => x.confidence !== undefined)!;
    const cardText = await hoverText(doc, said.cue[0].start + 1);
    assert.match(cardText, /Attribution[\s\S]*Learned from your reviews · \d+ % sure/);

    // Turned off: the rules alone again.
    await vscode.workspace.getConfiguration('newsmark').update('model', 'off');
    await until('the rules alone', () => {
      const a = nm.analysisFor(doc.uri);
      return (
        a?.entities.every((e) => e.confidence === undefined) &&
        a.attributions.every((x) => x.confidence === undefined)
      );
    });
    await vscode.workspace.getConfiguration('newsmark').update('model', undefined);
    await until('the model again', () => nm.analysisFor(doc.uri)?.entities.some((e) => e.confidence));
  });

  it('trains quickly without measuring, when asked to', async () => {
    const model = workspaceFile('.newsmark/models/attributions.json').fsPath;
    const before = fs.statSync(model).mtimeMs;
    const report = (await vscode.commands.executeCommand('newsmark.trainOnReviewed', {
      epochs: 1,
      quick: true,
    })) as TrainReport | undefined;
    assert.ok(report && report.scores === undefined && report.attribution, 'trained, not measured');
    assert.strictEqual(report.attribution.scores, undefined);
    assert.ok(fs.statSync(model).mtimeMs > before, 'the attribution model was written again');
  });

  it('a damaged model file is reported and the rules run alone', async () => {
    const nm = await api();
    const model = workspaceFile('.newsmark/models/entities.json').fsPath;
    fs.writeFileSync(model, '{"format":"newsmark-model","version":1,"task":"ner"');
    // A model of a task Newsmark does not know, where the attribution model belongs: refused too.
    const roles = workspaceFile('.newsmark/models/attributions.json').fsPath;
    fs.writeFileSync(roles, '{"format":"newsmark-model","version":2,"task":"summary"}');
    const ed = await openArticle(learnFile(1));
    await vscode.commands.executeCommand('newsmark.analyze');
    const a = await nm.whenAnalyzed(ed.document.uri);
    assert.ok(a.entities.length > 0, 'the rules still find entities');
    assert.ok(a.entities.every((e) => e.confidence === undefined));
    assert.ok(a.attributions.length > 0, 'the rules still find attributions');
    assert.ok(a.attributions.every((x) => x.confidence === undefined));
  });

  it('opens the next article to review: one not yet reviewed', async () => {
    const next = (await vscode.commands.executeCommand('newsmark.nextToReview')) as RankedArticle | undefined;
    assert.ok(next, 'an article to review');
    assert.ok(!/learn-\d\.txt$/.test(next.file), `${next.file} was reviewed already`);
    await until('it is open', () => vscode.window.activeTextEditor?.document.uri.fsPath === next.file);
  });
});
