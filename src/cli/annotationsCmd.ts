/**
 * `newsmark annotations list|add|remove`: the sidecar store from scripts and pipelines, with the
 * same validation and atomic writes as the extension.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { type AnnotationSet, changeArticleAnnotations, openArticleAnnotations, SidecarError } from '../core';
import { CliError } from './args';
import { forTerminal } from './terminal';
import { settingsFor, sidecarLocationFor } from './workspaceSettings';

export const ANNOTATIONS_USAGE = `  newsmark annotations list [--json] <article>
  newsmark annotations add <article> --label L (--start N --end N | --quote TEXT [--occurrence K]) [--note TEXT] [--author NAME]
  newsmark annotations remove <article> <id>...
  (sidecars are found as the extension finds them: newsmark.sidecarFolder in the nearest
   .vscode/settings.json above the article, or --sidecar-folder DIR)`;

/** An article's annotations for the CLI: a sidecar it cannot read stops the command, untouched. */
export function openForCli(article: string, text: string, author: string, sidecarFolder?: string) {
  const opened = openArticleAnnotations(article, text, {
    location: sidecarLocationFor(article, sidecarFolder),
    author: () => author,
  });
  if (opened.kind === 'error' || opened.kind === 'newer')
    throw new CliError(`${opened.file}: ${opened.error.message} (left untouched)`);
  return opened;
}

export async function cmdAnnotations(
  args: string[],
  flags: Record<string, string | boolean>,
  readArticle: (f: string) => string,
  out: (s: string) => void,
): Promise<number> {
  const [sub, article, ...rest] = args;
  if (!sub || !article)
    throw new CliError('annotations needs a subcommand (list, add, remove) and an article');
  const text = readArticle(article);
  const author = (flags.author as string) || settingsFor(article).author || safeUser();
  const folder = flags['sidecar-folder'] as string | undefined;
  const { file, set } = openForCli(article, text, author, folder);
  if (sub === 'list') {
    const rows = set.all.map((p) => ({
      id: p.annotation.id,
      label: p.annotation.label,
      start: p.at?.start ?? null,
      end: p.at?.end ?? null,
      text: p.at ? text.slice(p.at.start, p.at.end) : p.annotation.target.quote.exact,
      orphan: !p.at,
      note: p.annotation.note,
      verdict: p.annotation.finding?.verdict,
      author: p.annotation.author,
      modified: p.annotation.modified,
    }));
    const outSafe = (line: string) => out(forTerminal(line));
    if (flags.json) for (const r of rows) out(`${JSON.stringify({ file: article, ...r })}\n`);
    else {
      if (!rows.length) outSafe(`${article}: no annotations\n`);
      for (const r of rows)
        outSafe(
          `${r.id}  ${r.label.padEnd(8)} ${r.orphan ? 'ORPHAN     ' : `${String(r.start).padStart(5)}-${String(r.end).padEnd(5)}`} ${JSON.stringify(r.text)}${r.note ? `  — ${r.note}` : ''}${r.verdict ? `  [${r.verdict}]` : ''}\n`,
        );
    }
    return 0;
  }
  const change = <T>(action: (set: AnnotationSet) => T) =>
    changeArticleAnnotations(
      article,
      text,
      { location: sidecarLocationFor(article, folder), author: () => author },
      action,
    ).catch((e: unknown) => {
      throw e instanceof SidecarError ? new CliError(`${file}: ${e.message}`) : e;
    });
  if (sub === 'add') {
    const label = flags.label as string | undefined;
    if (!label || !/^[A-Za-z0-9_-]{1,64}$/.test(label))
      throw new CliError('add needs --label (letters, digits, _ or -)');
    const { start, end } = spanOf(text, article, flags);
    const note = (flags.note as string) || undefined;
    const { result: a } = await change((s) => {
      try {
        return s.add({ start, end, label, note });
      } catch (e) {
        throw new CliError((e as Error).message);
      }
    });
    out(`${a.id}\n`);
    return 0;
  }
  if (sub === 'remove') {
    if (!rest.length) throw new CliError('remove needs at least one annotation id');
    await change((s) => {
      const missing = rest.filter((id) => !s.get(id));
      if (missing.length) throw new CliError(`no annotation ${missing.join(', ')} in ${path.basename(file)}`);
      for (const id of rest) s.remove(id);
    });
    out(`removed ${rest.length}\n`);
    return 0;
  }
  throw new CliError(`unknown annotations subcommand "${sub}"`);
}

/** The span to annotate: --quote (its K-th occurrence) or --start/--end. */
function spanOf(
  text: string,
  article: string,
  flags: Record<string, string | boolean>,
): { start: number; end: number } {
  if (flags.quote === undefined) {
    const start = Number(flags.start);
    const end = Number(flags.end);
    if (!Number.isInteger(start) || !Number.isInteger(end))
      throw new CliError('add needs --start and --end (UTF-16 offsets) or --quote');
    return { start, end };
  }
  const quote = String(flags.quote);
  const k = Number(flags.occurrence ?? 1);
  if (!Number.isInteger(k) || k < 1)
    throw new CliError(`--occurrence must be a whole number from 1 (got "${flags.occurrence}")`);
  let at = -1;
  // Stops at the last occurrence: the 4th of 2 is not the 1st again, and 1e9 takes no time.
  for (let i = 0; i < k && quote; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) break;
  }
  if (!quote || at < 0)
    throw new CliError(`the quote ${JSON.stringify(quote)} (occurrence ${k}) is not in ${article}`);
  return { start: at, end: at + quote.length };
}

function safeUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
