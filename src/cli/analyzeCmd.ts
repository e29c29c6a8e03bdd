/** `newsmark analyze`: the human view or JSON Lines of each article's analysis. */
import { once } from 'node:events';
import * as readline from 'node:readline';
import type { Analysis, AnalyzeOptions, Language } from '../core';
import { analyze } from '../core';
import { expand, parseFlags, readArticle, UsageError } from './args';
import { readModels } from './models';
import { renderHuman, useColor } from './render';
import { warn } from './terminal';

export function toJson(file: string, a: Analysis) {
  return {
    file,
    language: a.language,
    entities: a.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      ...(e.kind ? { kind: e.kind } : {}),
      ...(e.stateMedia ? { stateMedia: true } : {}),
      ...(e.confidence !== undefined ? { confidence: Math.round(e.confidence * 1000) / 1000 } : {}),
      mentions: e.mentions,
    })),
    attributions: a.attributions,
    sources: a.sources,
    boilerplate: a.boilerplate,
    stats: a.stats,
  };
}

/**
 * Writes to stdout in chunks, waiting when the reader is slower: one write of a many-megabyte
 * string would be converted and buffered whole.
 */
export async function writeOut(s: string): Promise<void> {
  const CHUNK = 1 << 20;
  for (let i = 0; i < s.length; i += CHUNK)
    if (!process.stdout.write(s.slice(i, i + CHUNK))) await once(process.stdout, 'drain');
}

/**
 * `analyze --stdin`: JSON Lines `{"id","text"}` in, one result line per input line out (the
 * `--json` object with `id`, or `{"id","error"}`), in order: the shape Spark's pipe, Hadoop
 * streaming or `xargs -P` expect of a map step.
 */
async function analyzeStdin(options: AnalyzeOptions): Promise<number> {
  let failed = 0;
  let n = 0;
  for await (const line of readline.createInterface({
    input: process.stdin,
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    n++;
    if (!line.trim()) continue;
    let id: unknown = `line ${n}`;
    try {
      const input = JSON.parse(line) as { id?: unknown; text?: unknown };
      id = input.id ?? id;
      if (typeof input.text !== 'string') throw new Error('no "text" string');
      const { file: _file, ...result } = toJson(String(id), analyze(input.text, options));
      await writeOut(`${JSON.stringify({ id, ...result })}\n`);
    } catch (e) {
      failed++;
      await writeOut(`${JSON.stringify({ id, error: (e as Error).message })}\n`);
    }
  }
  if (failed) warn(`${failed} of ${n} input lines failed (their result lines carry "error")`);
  return failed ? 1 : 0;
}

export async function cmdAnalyze(args: string[]): Promise<number> {
  const { flags, rest } = parseFlags(args, { json: 'bool', lang: 'value', model: 'value', stdin: 'bool' });
  const models = readModels(flags.model);
  const lang = flags.lang as string | undefined;
  if (lang && !['uk', 'ru', 'en'].includes(lang))
    throw new UsageError(`--lang must be uk, ru or en (got "${lang}")`);
  if (flags.stdin) {
    if (rest.length) throw new UsageError('analyze --stdin reads JSON Lines from stdin, not files');
    return analyzeStdin({ ...(lang ? { language: lang as Language } : {}), ...models });
  }
  if (!rest.length) throw new UsageError('analyze needs at least one file or directory');
  let failed = 0;
  const files = expand(rest);
  if (!files.length) {
    warn(`no .txt or .md files found in ${rest.join(', ')}`);
    return 1;
  }
  for (const file of files) {
    let text: string;
    try {
      text = readArticle(file);
    } catch (e) {
      warn(`${file}: ${(e as Error).message}`);
      failed++;
      continue;
    }
    const a = analyze(text, { ...(lang ? { language: lang as Language } : {}), ...models });
    if (flags.json) await writeOut(`${JSON.stringify(toJson(file, a))}\n`);
    else await writeOut(`${renderHuman(file, text, a, useColor())}\n`);
  }
  return failed ? 1 : 0;
}
