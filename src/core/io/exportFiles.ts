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
  /** Replace files that exist already (never an input article). */
  force?: boolean;
}

/** An export that would write over an article or, without `force`, over an existing file. */
export class ExportRefused extends Error {}

/** The files one article exports to (relative to the export folder); JSONL and CSV: none of its own. */
function articleOutputs(format: Format, report: 'html' | 'md' | undefined, stem: string): string[] {
  switch (format) {
    case 'json':
      return [`${stem}.newsmark-export.json`];
    case 'w3c':
      return [`${stem}.w3c.jsonld`];
    case 'brat':
      return [`${stem}.ann`, `${stem}.txt`];
    case 'conll':
      return [`${stem}.conll`];
    case 'report':
      return [`${stem}.report.${report === 'md' ? 'md' : 'html'}`];
    default:
      return [];
  }
}

const COMBINED: Partial<Record<Format, string>> = {
  jsonl: 'newsmark-export.jsonl',
  csv: 'newsmark-annotations.csv',
};

/**
 * The name stem of each article's outputs: its place under the base without .txt/.md, made
 * distinct when two articles would share one (a.txt and a.md: "a" and "a.md").
 */
function stemAllocator(): (rel: string) => string {
  const used = new Set<string>();
  return (rel) => {
    let stem = rel.replace(/\.(txt|md)$/i, '');
    for (let i = 2; used.has(stem.toLowerCase()); i++) stem = i === 2 ? rel : `${rel}-${i}`;
    used.add(stem.toLowerCase());
    return stem;
  };
}

/** A path as it would be written (through a link), to compare with the inputs. */
function realTarget(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** Every file an export will write, in the order it writes them (for a question before it starts). */
export function plannedOutputs(
  files: string[],
  o: Pick<ExportOptions, 'format' | 'outDir' | 'report' | 'base'>,
): string[] {
  const base = o.base ?? commonDir(files);
  const rels = files.map((f) => path.relative(base, path.resolve(f)) || path.basename(f));
  const out = rels.map(stemAllocator()).flatMap((stem) => articleOutputs(o.format, o.report, stem));
  const combined = COMBINED[o.format];
  if (combined) out.push(combined);
  return out.map((rel) => path.join(o.outDir, rel));
}

/** The planned files that exist already. */
export function existingOutputs(
  files: string[],
  o: Pick<ExportOptions, 'format' | 'outDir' | 'report' | 'base'>,
): string[] {
  return plannedOutputs(files, o).filter((f) => fs.existsSync(f));
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
 * the export's base, distinct across the export), or one combined file for JSONL and CSV, written
 * by finish(). Never writes over an input article; over another existing file only with `force`.
 */
export class ExportWriter {
  readonly written: string[] = [];
  private readonly combined: ArticleExport[] = [];
  private readonly jsonl: string[] = [];
  private readonly stemFor = stemAllocator();
  private readonly inputs: Set<string>;

  constructor(
    private readonly o: Pick<ExportOptions, 'format' | 'outDir' | 'bom' | 'report' | 'force'>,
    inputs: string[] = [],
  ) {
    this.inputs = new Set(inputs.map(realTarget));
  }

  /** Refuses a target that is an input article, or an existing file without `force`. */
  private check(target: string): void {
    if (this.inputs.has(realTarget(target)))
      throw new ExportRefused(`${target} is an article being exported; choose another output folder`);
    if (!this.o.force && fs.existsSync(target))
      throw new ExportRefused(`${target} exists already (use --force, or answer Replace, to replace it)`);
    const st = fs.statSync(target, { throwIfNoEntry: false });
    if (st && !st.isFile()) throw new ExportRefused(`${target} is not a file`);
  }

  private write(files: [string, string][]): void {
    const targets = files.map(([rel, content]) => [path.join(this.o.outDir, rel), content] as const);
    for (const [target] of targets) this.check(target);
    for (const [target, content] of targets) {
      writeFileAtomicSync(target, content);
      this.written.push(target);
    }
  }

  /** One article: `file` is its path (for W3C sources), `rel` its name under the export's base. */
  add(exp: ArticleExport, file: string, rel: string): void {
    exp.file = rel.split(path.sep).join('/');
    const stem = this.stemFor(rel);
    const names = articleOutputs(this.o.format, this.o.report, stem);
    if (this.o.format === 'jsonl') this.jsonl.push(toJsonl(exp));
    else if (this.o.format === 'csv') this.combined.push({ ...exp, analysis: exp.analysis, text: '' });
    else this.write(names.map((name, i) => [name, this.content(exp, file, i)]));
  }

  /** The i-th file of one article's outputs (brat has two). */
  private content(exp: ArticleExport, file: string, i: number): string {
    switch (this.o.format) {
      case 'json':
        return toNewsmarkJson(exp);
      case 'w3c':
        return toW3C(exp, `file://${path.resolve(file).split(path.sep).map(encodeURIComponent).join('/')}`);
      case 'brat': {
        const b = toBrat(exp);
        return i === 0 ? b.ann : b.txt;
      }
      case 'conll':
        return toConll(exp);
      default:
        return toReport(exp, this.o.report ?? 'html');
    }
  }

  /** Writes the combined outputs (JSONL, CSV). */
  finish(): void {
    if (this.o.format === 'jsonl' && this.jsonl.length) this.write([[COMBINED.jsonl!, this.jsonl.join('')]]);
    if (this.o.format === 'csv' && this.combined.length)
      this.write([[COMBINED.csv!, toCsv(this.combined, { bom: this.o.bom })]]);
  }
}

/** Async so that progress shows and cancellation is noticed between articles. */
export async function exportFiles(files: string[], o: ExportOptions): Promise<ExportResult> {
  const include = o.include ?? 'both';
  const base = o.base ?? commonDir(files);
  const read = o.read ?? ((f: string) => stripBom(fs.readFileSync(f, 'utf8')));
  const result: ExportResult = { written: [], exported: 0, cancelled: false, errors: [] };
  const writer = new ExportWriter(o, files);
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    await new Promise((r) => setImmediate(r));
    if (o.isCancelled?.()) {
      result.cancelled = true;
      break;
    }
    o.onProgress?.(i, files.length, file);
    const rel = path.relative(base, path.resolve(file)) || path.basename(file);
    try {
      writer.add(
        loadArticleExport(path.resolve(file), read(file), include, o.locate?.(path.resolve(file))),
        file,
        rel,
      );
      result.exported++;
    } catch (e) {
      result.errors.push({ file, message: (e as Error).message });
    }
  }
  if (!result.cancelled) {
    try {
      writer.finish();
    } catch (e) {
      result.errors.push({ file: o.outDir, message: (e as Error).message });
    }
    o.onProgress?.(files.length, files.length, '');
  }
  result.written = writer.written;
  return result;
}
