/**
 * The one way to open an article's annotations from disk (I/O): find its sidecar where the
 * configuration puts it, read and validate it, and place its annotations on the article's text.
 * The CLI, the exporters and the extension all open sidecars through here, so they agree on where
 * a sidecar is and on what a bad one means.
 */
import * as path from 'node:path';
import { AnnotationSet } from '../annotations/annotationSet';
import { emptySidecar } from '../annotations/model';
import type { SidecarError } from '../annotations/schema';
import { readSidecarFile, type SidecarLocation, sidecarPathFor, textHash } from './sidecarFile';

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

export function openArticleAnnotations(
  articlePath: string,
  text: string,
  options: OpenOptions = {},
): OpenedAnnotations {
  const abs = path.resolve(articlePath);
  const file = sidecarPathFor(abs, options.location);
  const author = options.author ?? (() => '');
  const r = readSidecarFile(file);
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
