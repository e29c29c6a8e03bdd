/**
 * `newsmark export` and `newsmark import` on the same core as the extension's commands.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Include } from '../core';
import {
  applyImport,
  changeArticleAnnotations,
  exportFiles,
  FORMATS,
  type Format,
  IMPORT_FORMATS,
  type ImportFormat,
  parseImport,
  previewImport,
} from '../core';
import { openForCli } from './annotationsCmd';
import { CliError } from './args';
import { count } from './render';
import { forTerminal, warn } from './terminal';
import { sidecarLocationFor } from './workspaceSettings';

export const EXPORT_USAGE = `  newsmark export --format json|w3c|brat|conll|jsonl|csv|report [--out DIR] [--include user|engine|both] [--bom] [--report html|md] [--force] [--sidecar-folder DIR] <file|dir>...
  newsmark import --format brat|w3c|jsonl|conll [--article FILE] [--yes] [--sidecar-folder DIR] <file>...`;

export async function cmdExport(
  files: string[],
  flags: Record<string, string | boolean>,
  read: (f: string) => string,
  log: (s: string) => void,
): Promise<number> {
  const format = flags.format as Format;
  if (!FORMATS.includes(format)) throw new CliError(`--format must be one of ${FORMATS.join(', ')}`);
  const include = (flags.include as Include) ?? 'both';
  if (!['user', 'engine', 'both'].includes(include))
    throw new CliError('--include must be user, engine or both');
  if (!files.length) throw new CliError('export needs at least one article or folder');
  const outDir = path.resolve((flags.out as string) ?? 'newsmark-export');
  const st = fs.statSync(outDir, { throwIfNoEntry: false });
  if (st && !st.isDirectory())
    throw new CliError(`--out ${flags.out}: not a folder (give the folder to export into)`);
  const res = await exportFiles(files, {
    format,
    outDir,
    include,
    bom: !!flags.bom,
    report: flags.report === 'md' ? 'md' : 'html',
    read,
    force: !!flags.force,
    locate: (file) => sidecarLocationFor(file, flags['sidecar-folder'] as string | undefined),
    onProgress: (done, total, file) =>
      file &&
      process.stderr.isTTY &&
      process.stderr.write(`\rexporting ${done + 1}/${total} ${forTerminal(path.basename(file))}\x1b[K`),
  });
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  for (const e of res.errors) warn(`${e.file}: ${e.message}`);
  log(
    `exported ${count(res.exported, 'article')} as ${format} to ${outDir} (${count(res.written.length, 'file')})\n`,
  );
  return res.errors.length ? 1 : 0;
}

/** The article an import file belongs to: --article, or the article beside a brat .ann or a .conll of the same name. */
function articleFor(file: string, format: ImportFormat, explicit?: string): string {
  if (explicit) return explicit;
  if (format === 'brat' || format === 'conll') {
    const stem = file.replace(format === 'brat' ? /\.ann$/i : /\.[^./\\]+$/, '');
    for (const ext of format === 'brat' ? ['.txt'] : ['.txt', '.md']) {
      const article = stem + ext;
      if (article !== file && fs.existsSync(article)) return article;
    }
  }
  throw new CliError(`${file}: say which article it annotates with --article FILE`);
}

export async function cmdImport(
  files: string[],
  flags: Record<string, string | boolean>,
  read: (f: string) => string,
  log: (s: string) => void,
): Promise<number> {
  const format = flags.format as ImportFormat;
  if (!IMPORT_FORMATS.includes(format))
    throw new CliError(`--format must be one of ${IMPORT_FORMATS.join(', ')}`);
  if (!files.length) throw new CliError('import needs at least one file');
  let failed = 0;
  for (const file of files) {
    try {
      const article = articleFor(file, format, flags.article as string | undefined);
      const text = read(article);
      const items = parseImport(format, fs.readFileSync(file, 'utf8'), text);
      const folder = flags['sidecar-folder'] as string | undefined;
      const { set } = openForCli(article, text, 'import', folder);
      const p = previewImport(set, items);
      log(
        `${file} → ${article}: ${p.added.length} new, ${p.duplicates.length} already there, ${p.conflicts.length} in conflict (same span, other label; kept as is)${
          p.contradicting.length
            ? `, ${p.contradicting.length} not imported: their text is not in the article (${p.contradicting
                .slice(0, 3)
                .map((x) => JSON.stringify(x.quote))
                .join(', ')}${p.contradicting.length > 3 ? ', …' : ''})`
            : ''
        }\n`,
      );
      if (!flags.yes) {
        log('  (preview only: add --yes to write them into the sidecar)\n');
        continue;
      }
      // Applied to the sidecar as it is under the lock (another writer may have come in between).
      const { file: sidecar, result: n } = await changeArticleAnnotations(
        article,
        text,
        { location: sidecarLocationFor(article, folder), author: () => 'import' },
        (s) => applyImport(s, previewImport(s, items)),
      );
      log(`  wrote ${count(n, 'annotation')} to ${sidecar}\n`);
    } catch (e) {
      failed++;
      warn(`${file}: ${(e as Error).message}`);
    }
  }
  return failed ? 1 : 0;
}
