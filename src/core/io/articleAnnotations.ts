/**
 * The one way to open an article's annotations from disk (I/O): find its sidecar where the
 * configuration puts it, read and validate it, and place its annotations on the article's text;
 * and the one way to change them there, under the sidecar's lock. The CLI, the exporters and the
 * extension all go through here, so they agree on where a sidecar is and on what a bad one means.
 */
import * as path from 'node:path';
import { AnnotationSet } from '../annotations/annotationSet';
import { emptySidecar } from '../annotations/model';
import { SidecarError } from '../annotations/schema';
import {
  type ReadResult,
  readSidecarFile,
  type SidecarLocation,
  sidecarPathFor,
  textHash,
  updateSidecar,
} from './sidecarFile';

export interface OpenOptions {
  /** Where sidecars live (`newsmark.sidecarFolder` under its root); beside the article by default. */
  location?: SidecarLocation;
  /** Author of changes made through the returned set. */
  author?: () => string;
}

export type OpenedAnnotations =
  | { kind: 'ok' | 'missing'; file: string; set: AnnotationSet }
  /** A newer sidecar version that could still be read: shown, never written. */
  | { kind: 'newer'; file: string; set: AnnotationSet; error: SidecarError }
  /** A sidecar that cannot be read: an empty read-only set, the file left as it is. */
  | { kind: 'error'; file: string; set: AnnotationSet; error: SidecarError };

/** The annotations of a sidecar as read, placed on the article's text. */
function placeRead(
  abs: string,
  file: string,
  r: ReadResult,
  text: string,
  author: () => string,
): OpenedAnnotations {
  if (r.kind === 'ok') return { kind: 'ok', file, set: new AnnotationSet(r.sidecar, text, textHash, author) };
  if (r.kind === 'missing')
    return { kind: 'missing', file, set: AnnotationSet.empty(path.basename(abs), text, textHash, author) };
  const { error } = r;
  if (error.kind === 'newer-version' && error.readable)
    return { kind: 'newer', file, error, set: new AnnotationSet(error.readable, text, textHash, author) };
  return {
    kind: 'error',
    file,
    error,
    set: new AnnotationSet(emptySidecar(path.basename(abs), ''), text, textHash, author),
  };
}

export function openArticleAnnotations(
  articlePath: string,
  text: string,
  options: OpenOptions = {},
): OpenedAnnotations {
  const abs = path.resolve(articlePath);
  const file = sidecarPathFor(abs, options.location);
  return placeRead(abs, file, readSidecarFile(file), text, options.author ?? (() => ''));
}

/**
 * Changes an article's annotations on disk with other writers about: under the sidecar's lock
 * the sidecar is read again, `action` changes it, and it is checked and written. A sidecar that
 * cannot be read (or is of a newer version) is refused and left as it is.
 */
export async function changeArticleAnnotations<T>(
  articlePath: string,
  text: string,
  options: OpenOptions,
  action: (set: AnnotationSet) => T,
): Promise<{ file: string; result: T }> {
  const abs = path.resolve(articlePath);
  const file = sidecarPathFor(abs, options.location);
  let result: T | undefined;
  await updateSidecar(file, (current) => {
    const opened = placeRead(abs, file, current, text, options.author ?? (() => ''));
    if (opened.kind === 'error' || opened.kind === 'newer')
      throw new SidecarError(`${opened.error.message} (left untouched)`, opened.error.kind);
    result = action(opened.set);
    return opened.set.toSidecar();
  });
  return { file, result: result as T };
}
