/**
 * Sidecar files on disk: where they live, reading them safely, and writing them atomically
 * (temporary file, fsync, rename) one write at a time per file, so that a crash or a killed
 * process leaves the old or the new sidecar, never a truncated one.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SIDECAR_SUFFIX, type Sidecar, serializeSidecar } from '../annotations/model';
import { MAX_SIDECAR_BYTES, parseSidecar, SidecarError } from '../annotations/schema';

export function textHash(text: string): string {
  return `sha256:${crypto.createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/**
 * The sidecar path of an article: beside it, or, with `folder` (relative to `root`), in a tree
 * under that folder that mirrors the article's place under `root`.
 */
/** Where sidecars live: beside each article, or under `folder`, a path relative to `root`. */
export interface SidecarLocation {
  root?: string;
  folder?: string;
}

export function sidecarPathFor(articlePath: string, options: SidecarLocation = {}): string {
  if (options.folder && options.root) {
    const rel = path.relative(options.root, articlePath);
    if (!rel.startsWith('..') && !path.isAbsolute(rel))
      return path.join(options.root, options.folder, rel + SIDECAR_SUFFIX);
  }
  return articlePath + SIDECAR_SUFFIX;
}

export function articlePathFor(sidecarPath: string, options: SidecarLocation = {}): string {
  const base = sidecarPath.slice(0, -SIDECAR_SUFFIX.length);
  if (options.folder && options.root) {
    const dir = path.join(options.root, options.folder);
    const rel = path.relative(dir, base);
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) return path.join(options.root, rel);
  }
  return base;
}

export type ReadResult =
  | { kind: 'missing' }
  | { kind: 'ok'; sidecar: Sidecar }
  | { kind: 'error'; error: SidecarError };

/** Reads a sidecar; never throws for a bad file, and never reads more than the size limit. */
export function readSidecarFile(file: string): ReadResult {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return { kind: 'missing' };
  }
  if (st.size > MAX_SIDECAR_BYTES) {
    return {
      kind: 'error',
      error: new SidecarError(
        `the sidecar is too large (${(st.size / 1048576).toFixed(1)} MB; at most ${MAX_SIDECAR_BYTES / 1048576} MB)`,
        'too-large',
      ),
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
  } catch {
    return { kind: 'error', error: new SidecarError('not valid UTF-8', 'syntax') };
  }
  try {
    return { kind: 'ok', sidecar: parseSidecar(text) };
  } catch (e) {
    if (e instanceof SidecarError) return { kind: 'error', error: e };
    throw e;
  }
}

/** Copies a bad sidecar aside (never overwriting an earlier copy); returns the copy's path. */
export function backupSidecar(file: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = `${file}.corrupt-${stamp}.bak`;
  for (let i = 1; fs.existsSync(target); i++) target = `${file}.corrupt-${stamp}-${i}.bak`;
  fs.copyFileSync(file, target, fs.constants.COPYFILE_EXCL);
  return target;
}

/** Writes text atomically: a temporary file beside the target, fsync, rename, fsync the folder. */
export function writeFileAtomicSync(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  const fd = fs.openSync(tmp, 'wx', 0o644);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  try {
    const dfd = fs.openSync(path.dirname(file), 'r');
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    // Some file systems cannot fsync a directory; the rename is still atomic.
  }
}

const queues = new Map<string, Promise<void>>();

/** Writes a sidecar atomically; writes to the same file run one after another, in order. */
export function writeSidecarFile(file: string, sidecar: Sidecar): Promise<void> {
  return writeSidecarText(file, serializeSidecar(sidecar));
}

/** Writes an already serialised sidecar (serialised once per write), queued like writeSidecarFile. */
export function writeSidecarText(file: string, text: string): Promise<void> {
  const prev = queues.get(file) ?? Promise.resolve();
  const next = prev.catch(() => undefined).then(() => writeFileAtomicSync(file, text));
  queues.set(file, next);
  void next.finally(() => {
    if (queues.get(file) === next) queues.delete(file);
  });
  return next;
}
