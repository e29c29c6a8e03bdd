/**
 * Export and import from VS Code: the current article or the whole workspace (with a
 * cancellable progress notification), and import with a preview before anything is written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type ExportResult, exportFiles } from '../core/export/exportFiles';
import { FORMATS, type Format } from '../core/export/formats';
import {
  applyImport,
  IMPORT_FORMATS,
  type ImportFormat,
  parseImport,
  previewImport,
} from '../core/export/importers';
import type { Include } from '../core/export/records';
import { stripBom } from '../core/text';
import type { AnnotationStore } from './annotationStore';
import type { CommandId } from './commandIds';
import type { CommandTable, Handler } from './commands';
import { settings, sidecarLocation } from './settings';

export interface ExportArgs {
  format?: Format;
  outDir?: string;
  include?: Include;
  bom?: boolean;
  /** Stop after this many articles (scripts and tests; the notification's Cancel does the same). */
  cancelAfter?: number;
}

const FORMAT_INFO: Record<Format, string> = {
  json: 'Newsmark JSON: annotations and analysis, lossless',
  w3c: 'W3C Web Annotation (JSON-LD)',
  brat: 'brat standoff (.ann + .txt)',
  conll: 'CoNLL / IOB2 entities',
  jsonl: 'JSONL for doccano and Label Studio',
  csv: 'CSV, one row per annotation',
  report: 'HTML report: highlights, sources, chains, counts',
};

async function askExport(
  args: ExportArgs | undefined,
  defaultOut: vscode.Uri | undefined,
): Promise<Required<Pick<ExportArgs, 'format' | 'outDir' | 'include'>> | undefined> {
  const format =
    args?.format ??
    (
      await vscode.window.showQuickPick(
        FORMATS.map((f) => ({ label: f, description: FORMAT_INFO[f], f })),
        { title: 'Newsmark: export format' },
      )
    )?.f;
  if (!format) return undefined;
  const include =
    args?.include ??
    (
      await vscode.window.showQuickPick(
        [
          {
            label: 'Both',
            description: 'your annotations and the engine\u2019s findings (rejected ones left out)',
            v: 'both' as Include,
          },
          {
            label: 'Your annotations',
            description: 'only what you annotated, confirmed or corrected',
            v: 'user' as Include,
          },
          {
            label: 'Engine findings',
            description: 'only what Newsmark found (rejected ones left out)',
            v: 'engine' as Include,
          },
        ],
        { title: 'Newsmark: what to export' },
      )
    )?.v;
  if (!include) return undefined;
  let outDir = args?.outDir;
  if (!outDir) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      defaultUri: defaultOut,
      openLabel: 'Export here',
      title: 'Newsmark: export to folder',
    });
    outDir = picked?.[0]?.fsPath;
  }
  if (!outDir) return undefined;
  return { format, include, outDir };
}

/** The extension's sidecar location for an exported file, the same as when it is open. */
const locate = (file: string) => sidecarLocation(vscode.Uri.file(file));

function summary(res: ExportResult, outDir: string): string {
  const errs = res.errors.length
    ? ` ${res.errors.length} failed: ${res.errors.map((e) => `${path.basename(e.file)} (${e.message})`).join('; ')}.`
    : '';
  return `${res.cancelled ? 'Export cancelled after' : 'Exported'} ${res.exported} article${res.exported === 1 ? '' : 's'} to ${outDir}.${errs}`;
}

/** The export and import commands' part of the command table. */
export function exportCommands(store: AnnotationStore): CommandTable {
  const table: CommandTable = {};
  const register = (id: CommandId, fn: Handler) => {
    table[id] = fn;
  };
  const wsFolder = () => vscode.workspace.workspaceFolders?.[0]?.uri;

  register('newsmark.exportArticle', async (args?: ExportArgs) => {
    const ed = vscode.window.activeTextEditor;
    if (ed?.document.uri.scheme !== 'file')
      return void vscode.window.showInformationMessage('Newsmark: open a saved article to export it.');
    const o = await askExport(args, wsFolder() && vscode.Uri.joinPath(wsFolder()!, 'newsmark-export'));
    if (!o) return;
    if (ed.document.isDirty) await ed.document.save();
    const e = store.open(ed.document);
    if (e && (e.set.changed.size || e.set.deleted.size)) await store.save(e);
    const res = await exportFiles([ed.document.uri.fsPath], {
      ...o,
      bom: args?.bom,
      locate,
      read: (f) => stripBom(fs.readFileSync(f, 'utf8')),
    });
    void vscode.window.showInformationMessage(`Newsmark: ${summary(res, o.outDir)}`);
    return res;
  });

  register('newsmark.exportWorkspace', async (args?: ExportArgs) => {
    const root = wsFolder();
    if (!root)
      return void vscode.window.showInformationMessage('Newsmark: open a folder to export its articles.');
    const o = await askExport(args, vscode.Uri.joinPath(root, 'newsmark-export'));
    if (!o) return;
    await vscode.workspace.saveAll(false);
    const patterns = settings().files;
    const found = new Map<string, vscode.Uri>();
    for (const p of patterns)
      for (const u of await vscode.workspace.findFiles(p, '{**/node_modules/**,**/.vscode-test/**}'))
        found.set(u.fsPath, u);
    const outAbs = path.resolve(o.outDir);
    const files = [...found.keys()].filter((f) => !f.startsWith(outAbs + path.sep)).sort();
    if (!files.length)
      return void vscode.window.showInformationMessage(
        'Newsmark: no articles found (see the newsmark.files setting).',
      );
    let reports = 0;
    const res = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Newsmark: exporting ${files.length} articles as ${o.format}`,
        cancellable: true,
      },
      (progress, token) =>
        exportFiles(files, {
          ...o,
          bom: args?.bom,
          base: root.fsPath,
          locate,
          read: (f) => stripBom(fs.readFileSync(f, 'utf8')),
          isCancelled: () =>
            token.isCancellationRequested || (args?.cancelAfter !== undefined && reports > args.cancelAfter),
          onProgress: (done, total, file) => {
            reports++;
            progress.report({
              increment: 100 / total,
              message: file ? `${done + 1}/${total} ${path.basename(file)}` : 'done',
            });
          },
        }),
    );
    void vscode.window.showInformationMessage(`Newsmark: ${summary(res, o.outDir)}`);
    return { ...res, progressReports: reports, total: files.length };
  });

  register(
    'newsmark.importAnnotations',
    async (args?: { file?: string; format?: ImportFormat; uri?: string; confirm?: boolean }) => {
      const doc = args?.uri
        ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri))
        : vscode.window.activeTextEditor?.document;
      if (!doc)
        return void vscode.window.showInformationMessage(
          'Newsmark: open the article to import annotations into.',
        );
      let file = args?.file;
      if (!file) {
        const picked = await vscode.window.showOpenDialog({
          canSelectMany: false,
          title: `Newsmark: import annotations into ${path.basename(doc.uri.fsPath)}`,
          filters: {
            'Annotations (brat, W3C, doccano)': ['ann', 'json', 'jsonld', 'jsonl'],
            'All files': ['*'],
          },
        });
        file = picked?.[0]?.fsPath;
      }
      if (!file) return;
      const guessed: ImportFormat | undefined = /\.ann$/i.test(file)
        ? 'brat'
        : /\.jsonl$/i.test(file)
          ? 'jsonl'
          : /\.(jsonld|json)$/i.test(file)
            ? 'w3c'
            : undefined;
      const format =
        args?.format ??
        guessed ??
        ((await vscode.window.showQuickPick(IMPORT_FORMATS, { title: 'Newsmark: format of the file' })) as
          | ImportFormat
          | undefined);
      if (!format) return;
      const e = store.open(doc);
      if (!e) return;
      let preview: ReturnType<typeof previewImport>;
      try {
        preview = previewImport(e.set, parseImport(format, fs.readFileSync(file, 'utf8'), doc.getText()));
      } catch (err) {
        return void vscode.window.showErrorMessage(
          `Newsmark: cannot import ${path.basename(file)}: ${(err as Error).message}. Nothing was written.`,
        );
      }
      const detail = `${preview.added.length} new annotation${preview.added.length === 1 ? '' : 's'}\n${preview.duplicates.length} already in the sidecar (skipped)\n${preview.conflicts.length} in conflict: same span, another label (kept as is, skipped)`;
      const ok =
        args?.confirm ??
        (await vscode.window.showInformationMessage(
          `Import from ${path.basename(file)}?`,
          { modal: true, detail },
          'Import',
        )) === 'Import';
      const counts = {
        added: preview.added.length,
        duplicates: preview.duplicates.length,
        conflicts: preview.conflicts.length,
      };
      if (!ok || !preview.added.length) return { ...counts, imported: 0 };
      const imported = await store.change(doc, (set) => applyImport(set, preview));
      vscode.window.setStatusBarMessage(
        `Newsmark: imported ${imported ?? 0} annotations (Undo Last Annotation Change reverts it)`,
        5000,
      );
      return { ...counts, imported: imported ?? 0 };
    },
  );
  return table;
}
