/**
 * Export and import from VS Code: the current article or the whole workspace (with a
 * cancellable progress notification), and import with a preview before anything is written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  applyImport,
  buildExport,
  type ExportResult,
  ExportWriter,
  existingOutputs,
  exportFiles,
  FORMATS,
  type Format,
  IMPORT_FORMATS,
  type ImportFormat,
  type Include,
  parseImport,
  previewImport,
  stripBom,
} from '../core';
import type { AnnotationStore } from './annotationStore';
import type { Articles } from './articles';
import type { CommandTable } from './commands';
import { isFileDocument } from './documents';
import { msg, t, tn } from './i18n';
import { settings, sidecarLocation } from './settings';

export interface ExportArgs {
  format?: Format;
  outDir?: string;
  include?: Include;
  bom?: boolean;
  /** Stop after this many articles (scripts and tests; the notification's Cancel does the same). */
  cancelAfter?: number;
  /** Replace existing files without asking (scripts and tests); else the user is asked. */
  replace?: boolean;
}

/**
 * Whether the export may write: yes when none of its files exists, else when the user (or the
 * `replace` argument) says to replace them. Articles themselves are never replaced.
 */
async function mayReplace(
  files: string[],
  o: { format: Format; outDir: string; base?: string },
  args?: ExportArgs,
): Promise<boolean> {
  const existing = existingOutputs(files, o);
  if (!existing.length) return true;
  if (args?.replace !== undefined) return args.replace;
  const replace = t('Replace');
  const choice = await vscode.window.showWarningMessage(
    tn(
      existing.length,
      '{0} file of this export exists in {1} already. Replace it?|{0} files of this export exist in {1} already. Replace them?',
      o.outDir,
    ),
    {
      modal: true,
      detail: existing
        .slice(0, 8)
        .map((f) => path.basename(f))
        .join('\n'),
    },
    replace,
  );
  return choice === replace;
}

const FORMAT_INFO: Record<Format, string> = {
  json: msg('Newsmark JSON: annotations and analysis, lossless'),
  w3c: msg('W3C Web Annotation (JSON-LD)'),
  brat: msg('brat standoff (.ann + .txt)'),
  conll: msg('CoNLL / IOB2 entities'),
  jsonl: msg('JSONL for doccano and Label Studio'),
  csv: msg('CSV, one row per annotation'),
  report: msg('HTML report: highlights, sources, chains, counts'),
};

async function askExport(
  args: ExportArgs | undefined,
  defaultOut: vscode.Uri | undefined,
): Promise<Required<Pick<ExportArgs, 'format' | 'outDir' | 'include'>> | undefined> {
  const format =
    args?.format ??
    (
      await vscode.window.showQuickPick(
        FORMATS.map((f) => ({ label: f, description: t(FORMAT_INFO[f]), f })),
        { title: t('Newsmark: export format') },
      )
    )?.f;
  if (!format) return undefined;
  const include =
    args?.include ??
    (
      await vscode.window.showQuickPick(
        [
          {
            label: t('Both'),
            description: t('your annotations and the engine\u2019s findings (rejected ones left out)'),
            v: 'both' as Include,
          },
          {
            label: t('Your annotations'),
            description: t('only what you annotated, confirmed or corrected'),
            v: 'user' as Include,
          },
          {
            label: t('Engine findings'),
            description: t('only what Newsmark found (rejected ones left out)'),
            v: 'engine' as Include,
          },
        ],
        { title: t('Newsmark: what to export') },
      )
    )?.v;
  if (!include) return undefined;
  let outDir = args?.outDir;
  if (!outDir) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      defaultUri: defaultOut,
      openLabel: t('Export here'),
      title: t('Newsmark: export to folder'),
    });
    outDir = picked?.[0]?.fsPath;
  }
  if (!outDir) return undefined;
  return { format, include, outDir };
}

/** The extension's sidecar location for an exported file, the same as when it is open. */
const locate = (file: string) => sidecarLocation(vscode.Uri.file(file));
const readArticle = (f: string) => stripBom(fs.readFileSync(f, 'utf8'));

function summary(res: ExportResult, outDir: string): string {
  const errs = res.errors.length
    ? ` ${t('{0} failed: {1}.', res.errors.length, res.errors.map((e) => `${path.basename(e.file)} (${e.message})`).join('; '))}`
    : '';
  const done = res.cancelled
    ? tn(
        res.exported,
        'Export cancelled after {0} article to {1}.|Export cancelled after {0} articles to {1}.',
        outDir,
      )
    : tn(res.exported, 'Exported {0} article to {1}.|Exported {0} articles to {1}.', outDir);
  return done + errs;
}

/** The import file's format from its name, if it tells. */
function formatOfFile(file: string): ImportFormat | undefined {
  if (/\.ann$/i.test(file)) return 'brat';
  if (/\.jsonl$/i.test(file)) return 'jsonl';
  if (/\.(conll|iob2?|bio|bioes)$/i.test(file)) return 'conll';
  return /\.(jsonld|json)$/i.test(file) ? 'w3c' : undefined;
}

async function askImportFile(doc: vscode.TextDocument): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    title: t('Newsmark: import annotations into {0}', path.basename(doc.uri.fsPath)),
    filters: {
      [t('Annotations (brat, W3C, doccano, CoNLL)')]: [
        'ann',
        'json',
        'jsonld',
        'jsonl',
        'conll',
        'iob',
        'iob2',
        'bio',
        'bioes',
      ],
      [t('All files')]: ['*'],
    },
  });
  return picked?.[0]?.fsPath;
}

type ImportArgs = { file?: string; format?: ImportFormat; uri?: string; confirm?: boolean };

/** Export and import commands. */
export class ExportCommands {
  constructor(
    private readonly store: AnnotationStore,
    private readonly articles: Articles,
  ) {}

  table(): CommandTable {
    return {
      'newsmark.exportArticle': (args?: ExportArgs) => this.exportArticle(args),
      'newsmark.exportWorkspace': (args?: ExportArgs) => this.exportWorkspace(args),
      'newsmark.importAnnotations': (args?: ImportArgs) => this.import(args),
    };
  }

  /** The open article as the editor holds it (unsaved text and annotations included). */
  private async exportArticle(args?: ExportArgs) {
    const ed = vscode.window.activeTextEditor;
    if (!ed || !isFileDocument(ed.document.uri))
      return void vscode.window.showInformationMessage(t('Newsmark: open a saved article to export it.'));
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    const o = await askExport(args, root && vscode.Uri.joinPath(root, 'newsmark-export'));
    if (!o) return;
    const doc = ed.document;
    const analysis = await this.articles.current(doc);
    if (!analysis)
      return void vscode.window.showErrorMessage(
        t('Newsmark: this article could not be analysed; nothing was exported.'),
      );
    const file = doc.uri.fsPath;
    if (!(await mayReplace([file], { ...o, base: path.dirname(file) }, args))) return;
    const exp = buildExport(
      path.basename(file),
      doc.getText(),
      analysis,
      this.store.open(doc)?.set,
      o.include,
    );
    const writer = new ExportWriter({ ...o, bom: args?.bom, force: true }, [file]);
    try {
      writer.add(exp, file, path.basename(file));
      writer.finish();
    } catch (e) {
      return void vscode.window.showErrorMessage(
        t('Newsmark: nothing was exported: {0}', (e as Error).message),
      );
    }
    const res: ExportResult = { written: writer.written, exported: 1, cancelled: false, errors: [] };
    void vscode.window.showInformationMessage(`Newsmark: ${summary(res, o.outDir)}`);
    return res;
  }

  /** The workspace's article files (newsmark.files), outside the export folder. */
  private async workspaceArticles(outDir: string): Promise<string[]> {
    const found = new Map<string, vscode.Uri>();
    for (const p of settings().files)
      for (const u of await vscode.workspace.findFiles(p, '{**/node_modules/**,**/.vscode-test/**}'))
        found.set(u.fsPath, u);
    const outAbs = path.resolve(outDir);
    return [...found.keys()].filter((f) => !f.startsWith(outAbs + path.sep)).sort();
  }

  private async exportWorkspace(args?: ExportArgs) {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!root)
      return void vscode.window.showInformationMessage(t('Newsmark: open a folder to export its articles.'));
    const o = await askExport(args, vscode.Uri.joinPath(root, 'newsmark-export'));
    if (!o) return;
    await vscode.workspace.saveAll(false);
    const files = await this.workspaceArticles(o.outDir);
    if (!files.length)
      return void vscode.window.showInformationMessage(
        t('Newsmark: no articles found (see the newsmark.files setting).'),
      );
    if (!(await mayReplace(files, { ...o, base: root.fsPath }, args))) return;
    let reports = 0;
    const res = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: t('Newsmark: exporting {0} articles as {1}', files.length, o.format),
        cancellable: true,
      },
      (progress, token) =>
        exportFiles(files, {
          ...o,
          bom: args?.bom,
          base: root.fsPath,
          force: true,
          locate,
          read: readArticle,
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
  }

  private async import(args?: ImportArgs) {
    const doc = args?.uri
      ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri))
      : vscode.window.activeTextEditor?.document;
    if (!doc)
      return void vscode.window.showInformationMessage(
        t('Newsmark: open the article to import annotations into.'),
      );
    const file = args?.file ?? (await askImportFile(doc));
    if (!file) return;
    const format =
      args?.format ??
      formatOfFile(file) ??
      ((await vscode.window.showQuickPick(IMPORT_FORMATS, { title: t('Newsmark: format of the file') })) as
        | ImportFormat
        | undefined);
    const e = format && this.store.open(doc);
    if (!format || !e) return;
    let preview: ReturnType<typeof previewImport>;
    try {
      preview = previewImport(e.set, parseImport(format, fs.readFileSync(file, 'utf8'), doc.getText()));
    } catch (err) {
      return void vscode.window.showErrorMessage(
        t(
          'Newsmark: cannot import {0}: {1}. Nothing was written.',
          path.basename(file),
          (err as Error).message,
        ),
      );
    }
    const counts = {
      added: preview.added.length,
      duplicates: preview.duplicates.length,
      conflicts: preview.conflicts.length,
      contradicting: preview.contradicting.length,
    };
    const detail = [
      tn(counts.added, '{0} new annotation|{0} new annotations'),
      t('{0} already in the sidecar (skipped)', counts.duplicates),
      t('{0} in conflict: same span, another label (kept as is, skipped)', counts.conflicts),
      counts.contradicting
        ? t('{0} not imported: their text is not in this article', counts.contradicting)
        : '',
    ]
      .filter(Boolean)
      .join('\n');
    const go = t('Import');
    const ok =
      args?.confirm ??
      (await vscode.window.showInformationMessage(
        t('Import from {0}?', path.basename(file)),
        { modal: true, detail },
        go,
      )) === go;
    if (!ok || !counts.added) return { ...counts, imported: 0 };
    const imported = (await this.store.change(doc, (set) => applyImport(set, preview))) ?? 0;
    vscode.window.setStatusBarMessage(
      t('Newsmark: imported {0} annotations (Undo Last Annotation Change reverts it)', imported),
      5000,
    );
    return { ...counts, imported };
  }
}
