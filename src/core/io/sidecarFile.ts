/**
 * Sidecar files on disk: where they live, reading them safely, and writing them atomically
 * (temporary file, fsync, rename) one write at a time per file, so that a crash or a killed
 * process leaves the old or the new sidecar, never a truncated one.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import lockfile from 'proper-lockfile';
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
  if (!st.isFile())
    return {
      kind: 'error',
      error: new SidecarError(
        `the sidecar path ${file} is ${st.isDirectory() ? 'a folder' : 'not a regular file'}, not a sidecar file`,
        'syntax',
      ),
    };
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

/**
 * The file a write really replaces: a link is written through (the link stays, its target gets
 * the new content), an existing file keeps its mode and owner, a read-only file or a folder is
 * refused rather than replaced.
 */
function writeTarget(file: string): { target: string; st?: fs.Stats } {
  let target = file;
  try {
    if (fs.lstatSync(file).isSymbolicLink()) target = path.resolve(path.dirname(file), fs.readlinkSync(file));
  } catch {
    return { target };
  }
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(target);
  } catch {
    return { target }; // a link to a file not made yet: made there
  }
  if (!st.isFile()) throw new Error(`${file} is not a regular file`);
  if ((st.mode & 0o222) === 0)
    throw new Error(`${file} is read-only; make it writable to save annotations there`);
  return { target, st };
}

/** Writes text atomically: a temporary file beside the target, fsync, rename, fsync the folder. */
export function writeFileAtomicSync(file: string, text: string): void {
  const { target, st } = writeTarget(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  // A new file as any other (0666 less the umask); a replaced one private until its mode is set.
  const fd = fs.openSync(tmp, 'wx', st ? 0o600 : 0o666);
  try {
    // The mode exactly as it was (open's mode is narrowed by the umask): private notes stay private.
    if (st) fs.fchmodSync(fd, st.mode & 0o7777);
    if (st && (st.uid !== process.getuid?.() || st.gid !== process.getgid?.())) {
      try {
        fs.fchownSync(fd, st.uid, st.gid);
      } catch {
        // Only root may give a file away; others keep writing files they own.
      }
    }
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  try {
    const dfd = fs.openSync(path.dirname(target), 'r');
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    // Some file systems cannot fsync a directory; the rename is still atomic.
  }
}

/**
 * A sidecar as text, checked by the rules it will be read with: a sidecar Newsmark writes but
 * then refuses to read would lock every annotation of its article out.
 */
export function serializeChecked(sidecar: Sidecar): string {
  const text = serializeSidecar(sidecar);
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_SIDECAR_BYTES)
    throw new SidecarError(
      `the annotations would make the sidecar too large to read back (${(bytes / 1048576).toFixed(1)} MB; at most ${MAX_SIDECAR_BYTES / 1048576} MB); nothing was written`,
      'too-large',
    );
  try {
    parseSidecar(text);
  } catch (e) {
    if (e instanceof SidecarError)
      throw new SidecarError(
        `the annotations would not be readable: ${e.message}; nothing was written`,
        e.kind,
      );
    throw e;
  }
  return text;
}

const queues = new Map<string, Promise<void>>();

/** Writes a sidecar atomically; writes to the same file run one after another, in order. */
export function writeSidecarFile(file: string, sidecar: Sidecar): Promise<void> {
  return writeSidecarText(file, serializeChecked(sidecar));
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

/**
 * Changes a sidecar safely with other writers about (the CLI in a loop, another VS Code window):
 * under a lock on the file (a lock directory beside it; a lock left by a crashed writer is taken
 * over after 10 s), the sidecar is read again, `update` makes the new one from it, and it is
 * checked and written. Returns what was written (undefined: nothing to write).
 */
export async function updateSidecar(
  file: string,
  update: (current: ReadResult) => Sidecar | undefined,
): Promise<Sidecar | undefined> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const release = await lockfile.lock(file, {
    realpath: false,
    stale: 10_000,
    update: 2_000,
    retries: { retries: 400, factor: 1.2, minTimeout: 5, maxTimeout: 100, randomize: true },
  });
  try {
    const next = update(readSidecarFile(file));
    if (next) await writeSidecarText(file, serializeChecked(next));
    return next;
  } finally {
    await release();
  }
}
