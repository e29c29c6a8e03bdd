/**
 * `newsmark corpus`: the statistics of a collection of articles, and its map-reduce shape for
 * corpora too big for one machine: `corpus summarize` writes a part (of articles, or of the JSON
 * Lines of `analyze --stdin`), `corpus merge` combines parts into what one run over the whole
 * gives.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import {
  analysisLinePart,
  articleFilePart,
  type CorpusPart,
  type CorpusReport,
  corpusReport,
  type EntityChoices,
  emptyPart,
  mergeParts,
  parseEntityChoices,
  readPartFile,
} from '../core';
import { CliError, expand, parseFlags, readArticle, UsageError } from './args';
import { corpusCsv, corpusHtml, corpusText } from './corpusOutput';
import { warn } from './terminal';
import { sidecarLocationFor } from './workspaceSettings';

export const CORPUS_USAGE = `  newsmark corpus [--json|--csv|--html] [--out FILE] [--choices FILE] <dir|file>...
                                               sources and entities across a collection of articles
  newsmark corpus summarize <dir|file|jsonl|->... --out PART.json   a mergeable part (map)
  newsmark corpus merge [--json|--csv|--html] [--out FILE] PART.json...   parts into one report (reduce)`;

const FORMAT_FLAGS = { json: 'bool', csv: 'bool', html: 'bool', out: 'value', choices: 'value' } as const;

/** Article ids are paths relative to the working directory, so the parts of a split corpus agree. */
const articleId = (file: string) =>
  path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');

async function linesOf(input: NodeJS.ReadableStream, each: (line: string, n: number) => void): Promise<void> {
  let n = 0;
  for await (const line of readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    n++;
    if (line.trim()) each(line, n);
  }
}

/** The part of some inputs: article files and folders, .jsonl analysis lines, or '-' (stdin). */
async function partOf(inputs: string[]): Promise<CorpusPart> {
  const part = emptyPart();
  const addLines = (name: string) => (line: string, n: number) => {
    try {
      mergeParts(part, analysisLinePart(line));
    } catch (e) {
      throw new CliError(`${name}:${n}: ${(e as Error).message}`);
    }
  };
  for (const input of inputs) {
    if (input === '-') await linesOf(process.stdin, addLines('stdin'));
    else if (input.endsWith('.jsonl')) await linesOf(fs.createReadStream(input), addLines(input));
    else
      for (const file of expand([input])) {
        let text: string;
        try {
          text = readArticle(file);
        } catch (e) {
          warn(`${file}: ${(e as Error).message} (skipped)`);
          continue;
        }
        const location = sidecarLocationFor(file);
        mergeParts(part, articleFilePart(articleId(file), file, text, { location }));
      }
  }
  return part;
}

/** Grouping choices: --choices, else the first input folder's .newsmark/entities.json. */
function choicesFor(flag: string | undefined, inputs: string[]): EntityChoices {
  const file =
    flag ?? inputs.map((i) => path.join(i, '.newsmark', 'entities.json')).find((f) => fs.existsSync(f));
  if (!file) return {};
  try {
    return parseEntityChoices(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(`${file}: ${(e as Error).message}`);
  }
}

function output(report: CorpusReport, flags: Record<string, string | boolean>, write: (s: string) => void) {
  const picked = ['json', 'csv', 'html'].filter((f) => flags[f]);
  if (picked.length > 1) throw new UsageError('choose one of --json, --csv, --html');
  const { statementList, ...summary } = report;
  const text = flags.json
    ? `${JSON.stringify(summary, null, 1)}\n`
    : flags.csv
      ? corpusCsv(report)
      : flags.html
        ? corpusHtml(report)
        : corpusText(report);
  if (flags.out) fs.writeFileSync(String(flags.out), text);
  else write(text);
  void statementList;
}

export async function cmdCorpus(args: string[], write: (s: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'summarize') {
    const { flags, rest: inputs } = parseFlags(rest, { out: 'value' });
    if (!flags.out) throw new UsageError('corpus summarize needs --out PART.json');
    if (!inputs.length)
      throw new UsageError('corpus summarize needs inputs (articles, folders, .jsonl or -)');
    const part = await partOf(inputs);
    fs.writeFileSync(String(flags.out), JSON.stringify(part));
    warn(`${Object.keys(part.articles).length} articles → ${flags.out}`);
    return 0;
  }
  if (sub === 'merge') {
    const { flags, rest: files } = parseFlags(rest, FORMAT_FLAGS);
    if (!files.length) throw new UsageError('corpus merge needs part files');
    const part = emptyPart();
    for (const f of files) {
      try {
        mergeParts(part, readPartFile(f));
      } catch (e) {
        throw new CliError((e as Error).message);
      }
    }
    output(
      corpusReport(part, choicesFor(flags.choices as string | undefined, []), flags.html === true),
      flags,
      write,
    );
    return 0;
  }
  const { flags, rest: inputs } = parseFlags(args, FORMAT_FLAGS);
  if (!inputs.length) throw new UsageError('corpus needs at least one folder or article');
  const part = await partOf(inputs);
  if (!Object.keys(part.articles).length) throw new CliError(`no articles found in ${inputs.join(', ')}`);
  const choices = choicesFor(flags.choices as string | undefined, inputs);
  output(corpusReport(part, choices, flags.html === true), flags, write);
  return 0;
}
