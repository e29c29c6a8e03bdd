/**
 * Agreement from files: two sidecars of one article, two folders holding the same article paths,
 * or one sidecar or folder compared author against author. The article beside a sidecar gives the
 * text its annotations are placed on (re-anchored as the editor does), and the tokens for κ.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Agreement, type AgreementReport, type LabelledSpan, wordTokensOf } from '../agreement';
import { AnnotationSet } from '../annotations/annotationSet';
import { SIDECAR_SUFFIX } from '../annotations/model';
import { parseSidecar } from '../annotations/schema';
import { stripBom } from '../text';
import { readSidecarFile, textHash } from './sidecarFile';

export class AgreementError extends Error {}

export interface AuthoredSpan extends LabelledSpan {
  author: string;
  /** Made by adjudication (the curator's, not an annotator's own). */
  curated?: boolean;
}

/** An article's annotations as annotators' spans; a rejected finding is not a label. */
export function annotatorSpans(set: AnnotationSet): AuthoredSpan[] {
  return set.placed
    .filter((p) => p.annotation.finding?.verdict !== 'rejected')
    .map((p) => ({
      start: p.at.start,
      end: p.at.end,
      label: p.annotation.label,
      author: p.annotation.author,
      ...(p.annotation.curated ? { curated: true } : {}),
    }));
}

/** A sidecar's annotations placed on the article text, as annotators' spans. */
export function sidecarSpans(file: string, text: string): AuthoredSpan[] {
  const r = readSidecarFile(file);
  if (r.kind === 'missing') throw new AgreementError(`${file}: no such sidecar`);
  if (r.kind === 'error') throw new AgreementError(`${file}: ${r.error.message}`);
  return annotatorSpans(new AnnotationSet(r.sidecar, text, textHash, () => ''));
}

/** The annotators' spans of a sidecar's contents (e.g. the sidecar at a git ref) on the article text. */
export function sidecarTextSpans(json: string, text: string, name: string): AuthoredSpan[] {
  try {
    return annotatorSpans(new AnnotationSet(parseSidecar(json), text, textHash, () => ''));
  } catch (e) {
    throw new AgreementError(`${name}: ${(e as Error).message}`);
  }
}

/** The article a sidecar belongs to: beside it, or beside the other side's sidecar. */
function articleText(...sidecars: string[]): string {
  for (const s of sidecars) {
    const article = s.endsWith(SIDECAR_SUFFIX) ? s.slice(0, -SIDECAR_SUFFIX.length) : undefined;
    if (article && fs.existsSync(article)) return stripBom(fs.readFileSync(article, 'utf8'));
  }
  throw new AgreementError(
    `${sidecars[0]}: its article is not beside it (expected ${sidecars[0].replace(/\.newsmark\.json$/, '')})`,
  );
}

/** Sidecars under a folder, by path relative to it; folder links are not followed. */
function sidecarsUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1))) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith(SIDECAR_SUFFIX)) out.push(path.relative(root, p));
    }
  };
  walk(root);
  return out;
}

const isDir = (p: string) => {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    throw new AgreementError(`${p}: no such file or folder`);
  }
};

/** Two sides: sidecar against sidecar, or folder against folder (articles in only one are skipped). */
export function compareSides(a: string, b: string, warn: (m: string) => void): AgreementReport {
  const agreement = new Agreement();
  const pairs: [string, string, string | undefined][] = [];
  if (isDir(a) !== isDir(b))
    throw new AgreementError('compare a sidecar with a sidecar, or a folder with a folder');
  if (isDir(a)) {
    const inB = new Set(sidecarsUnder(b));
    for (const rel of sidecarsUnder(a)) {
      if (inB.delete(rel)) pairs.push([path.join(a, rel), path.join(b, rel), rel]);
      else warn(`${rel}: only in ${a}, skipped`);
    }
    for (const rel of inB) warn(`${rel}: only in ${b}, skipped`);
  } else pairs.push([a, b, undefined]);
  for (const [x, y, rel] of pairs) {
    const text = articleText(x, y);
    agreement.add(text, wordTokensOf(text), sidecarSpans(x, text), sidecarSpans(y, text), rel);
  }
  return agreement.report();
}

/** One sidecar or folder, two of its authors compared (the only two, or the two named). */
export function compareAuthors(
  input: string,
  names: string[] | undefined,
): AgreementReport & { authors: [string, string] } {
  const files = isDir(input)
    ? sidecarsUnder(input).map((rel) => [path.join(input, rel), rel])
    : [[input, undefined]];
  const read = files.map(([file, rel]) => {
    const text = articleText(file as string);
    // Adjudicated annotations are the curator's result, not an annotator's: left out.
    return { text, rel, spans: sidecarSpans(file as string, text).filter((s) => !s.curated) };
  });
  const authors = [...new Set(read.flatMap((r) => r.spans.map((s) => s.author)))].sort();
  const pair = names ?? authors;
  const unknown = pair.filter((n) => !authors.includes(n));
  if (unknown.length)
    throw new AgreementError(
      `no annotations by ${unknown.join(', ')}; the authors are ${authors.join(', ') || 'none'}`,
    );
  if (pair.length !== 2)
    throw new AgreementError(
      `--by-author compares two authors; found ${authors.length ? authors.join(', ') : 'none'} (choose two with --authors A,B)`,
    );
  const agreement = new Agreement();
  for (const r of read)
    agreement.add(
      r.text,
      wordTokensOf(r.text),
      r.spans.filter((s) => s.author === pair[0]),
      r.spans.filter((s) => s.author === pair[1]),
      r.rel,
    );
  return { ...agreement.report(), authors: [pair[0], pair[1]] };
}
