/** Command-line arguments and inputs: flags, folders expanded to articles, articles read safely. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stripBom } from '../core';
import { warn as warnOnStderr } from './terminal';

/** A mistake in the command's words: usage is printed, exit code 2. */
export class UsageError extends Error {}
/** A failure the user can act on: one line on stderr, exit code 1. */
export class CliError extends Error {}

/** Reads an article as the editor shows it: UTF-8, BOM removed. Throws a one-line reason. */
export function readArticle(file: string): string {
  let buf: Buffer;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new Error('not a regular file');
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message,
    );
  }
  if (buf.length === 0) throw new Error('empty file');
  if (isUtf16(buf))
    throw new Error('UTF-16 text: convert it to UTF-8 (for example: iconv -f UTF-16 -t UTF-8)');
  if (buf.includes(0)) throw new Error('binary file (contains NUL bytes)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new Error('not valid UTF-8');
  }
  text = stripBom(text);
  if (!text.trim()) throw new Error('empty file (whitespace only)');
  return text;
}

/**
 * The article files (.txt, .md) under a folder, sorted. Links to folders are not followed (a link
 * to a parent would loop for ever) and every real folder is read once; a link to a file counts
 * when it leads to one; a broken link is reported and skipped.
 */
function articlesUnder(dir: string, warn: (s: string) => void): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    let real: string;
    try {
      real = fs.realpathSync(d);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch (e) {
      warn(
        `${d}: ${(e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (e as Error).message}, skipped`,
      );
      continue;
    }
    for (const e of entries) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) stack.push(f);
      else if (!/\.(txt|md)$/i.test(e.name)) continue;
      else if (e.isFile()) out.push(f);
      else if (e.isSymbolicLink()) {
        let target: fs.Stats | undefined;
        try {
          target = fs.statSync(f);
        } catch {
          warn(`${f}: a broken link, skipped`);
        }
        if (target?.isFile()) out.push(f);
      }
    }
  }
  return out.sort();
}

/** UTF-16 by its byte-order mark, or by NUL bytes at every other place of ASCII-looking text. */
function isUtf16(buf: Buffer): boolean {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)))
    return true;
  const n = Math.min(buf.length - (buf.length % 2), 512);
  if (n < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  return Math.max(evenNul, oddNul) > (n / 2) * 0.7 && Math.min(evenNul, oddNul) < (n / 2) * 0.1;
}

/** Files and folders to the article files they hold (.txt, .md), in a stable order. */
export function expand(inputs: string[], warn = warnOnStderr): string[] {
  const out: string[] = [];
  for (const p of inputs) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(p);
    } catch {
      out.push(p); // reported as missing when read
      continue;
    }
    if (st.isDirectory()) for (const f of articlesUnder(p, warn)) out.push(f);
    else out.push(p);
  }
  return out;
}

/** Parses --flags by a spec; the rest are positional arguments. */
export function parseFlags(args: string[], spec: Record<string, 'bool' | 'value'>) {
  const flags: Record<string, string | boolean> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2);
      const kind = spec[name];
      if (!kind) throw new UsageError(`unknown option --${name}`);
      if (kind === 'bool') flags[name] = true;
      else {
        const v = inline ?? args[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        flags[name] = v;
      }
    } else rest.push(a);
  }
  return { flags, rest };
}
