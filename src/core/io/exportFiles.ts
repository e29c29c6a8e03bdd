/**
 * Exports articles (with their sidecars) to files in one format: one output per article, or one
 * combined file for JSONL and CSV. Reports progress per article and stops when cancelled.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../analyze';
import {
  type Format,
  toBrat,
  toConll,
  toCsv,
  toJsonl,
  toNewsmarkJson,
  toReport,
  toW3C,
} from '../export/formats';
import { type ArticleExport, buildExport, type Include } from '../export/records';
import { stripBom } from '../text';
import { openArticleAnnotations } from './articleAnnotations';
import { type SidecarLocation, writeFileAtomicSync } from './sidecarFile';

export interface ExportOptions {
  format: Format;
  outDir: string;
  include?: Include;
  /** Base folder for output names (keeps subfolders apart); default: the articles' common folder. */
  base?: string;
  bom?: boolean;
  report?: 'html' | 'md';
  /** Where an article's sidecar lives (the CLI's and the extension's settings); beside it by default. */
  locate?: (file: string) => SidecarLocation;
  onProgress?: (done: number, total: number, file: string) => void;
  isCancelled?: () => boolean;
  /** How to read an article (the CLI's checks); default: UTF-8, BOM removed. */
  read?: (file: string) => string;
}

export interface ExportResult {
  written: string[];
  exported: number;
  cancelled: boolean;
  errors: { file: string; message: string }[];
}

export function loadArticleExport(
  file: string,
  text: string,
  include: Include,
  location?: SidecarLocation,
): ArticleExport {
  const analysis = analyze(text);
  const opened = openArticleAnnotations(file, text, { location });
  if (opened.kind === 'error') throw new Error(`its sidecar cannot be read: ${opened.error.message}`);
  const set = opened.kind === 'missing' ? undefined : opened.set;
  return buildExport(path.basename(file), text, analysis, set, include);
}

function commonDir(files: string[]): string {
  if (!files.length) return process.cwd();
  let dir = path.dirname(path.resolve(files[0]));
  for (const f of files)
    while (!path.resolve(f).startsWith(dir + path.sep) && dir !== path.dirname(dir)) dir = path.dirname(dir);
  return dir;
}

/**
 * Writes articles' exports in one format: one output per article (named after its place under
 * the export's base), or one combined file for JSONL and CSV, written by finish().
 */
export class ExportWriter {
  readonly written: string[] = [];
  private readonly combined: ArticleExport[] = [];
  private readonly jsonl: string[] = [];

  constructor(private readonly o: Pick<ExportOptions, 'format' | 'outDir' | 'bom' | 'report'>) {}

  private out(rel: string, content: string): void {
    const target = path.join(this.o.outDir, rel);
    writeFileAtomicSync(target, content);
    this.written.push(target);
  }

  /** One article: `file` is its path (for W3C sources), `rel` its name under the export's base. */
  add(exp: ArticleExport, file: string, rel: string): void {
    exp.file = rel.split(path.sep).join('/');
    const stem = rel.replace(/\.(txt|md)$/i, '');
    for (const [name, content] of this.outputs(exp, file, stem)) this.out(name, content);
  }

  /** The files of one article; JSONL and CSV are gathered for finish(). */
  private outputs(exp: ArticleExport, file: string, stem: string): [string, string][] {
    switch (this.o.format) {
      case 'json':
        return [[`${stem}.newsmark-export.json`, toNewsmarkJson(exp)]];
      case 'w3c':
        return [
          [
            `${stem}.w3c.jsonld`,
            toW3C(exp, `file://${path.resolve(file).split(path.sep).map(encodeURIComponent).join('/')}`),
          ],
        ];
      case 'brat': {
        const b = toBrat(exp);
        return [
          [`${stem}.ann`, b.ann],
          [`${stem}.txt`, b.txt],
        ];
      }
      case 'conll':
        return [[`${stem}.conll`, toConll(exp)]];
      case 'report':
        return [
          [
            `${stem}.report.${this.o.report === 'md' ? 'md' : 'html'}`,
            toReport(exp, this.o.report ?? 'html'),
          ],
        ];
      case 'jsonl':
        this.jsonl.push(toJsonl(exp));
        return [];
      case 'csv':
        this.combined.push({ ...exp, analysis: exp.analysis, text: '' });
        return [];
    }
  }

  /** Writes the combined outputs (JSONL, CSV). */
  finish(): void {
    if (this.o.format === 'jsonl' && this.jsonl.length)
      this.out('newsmark-export.jsonl', this.jsonl.join(''));
    if (this.o.format === 'csv' && this.combined.length)
      this.out('newsmark-annotations.csv', toCsv(this.combined, { bom: this.o.bom }));
  }
}

/** Async so that progress shows and cancellation is noticed between articles. */
export async function exportFiles(files: string[], o: ExportOptions): Promise<ExportResult> {
  const include = o.include ?? 'both';
  const base = o.base ?? commonDir(files);
  const read = o.read ?? ((f: string) => stripBom(fs.readFileSync(f, 'utf8')));
  const result: ExportResult = { written: [], exported: 0, cancelled: false, errors: [] };
  const writer = new ExportWriter(o);
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    await new Promise((r) => setImmediate(r));
    if (o.isCancelled?.()) {
      result.cancelled = true;
      break;
    }
    o.onProgress?.(i, files.length, file);
    let exp: ArticleExport;
    try {
      exp = loadArticleExport(path.resolve(file), read(file), include, o.locate?.(path.resolve(file)));
    } catch (e) {
      result.errors.push({ file, message: (e as Error).message });
      continue;
    }
    writer.add(exp, file, path.relative(base, path.resolve(file)) || path.basename(file));
    result.exported++;
  }
  if (!result.cancelled) {
    writer.finish();
    o.onProgress?.(files.length, files.length, '');
  }
  result.written = writer.written;
  return result;
}
