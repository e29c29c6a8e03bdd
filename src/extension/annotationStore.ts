/**
 * User annotations in VS Code: one AnnotationSet per open article, loaded from and saved to its
 * sidecar, carried through edits, reloaded and merged when the sidecar changes on disk, moved
 * with the article when it is renamed. Writes are atomic and serialised (core/sidecarFile).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TextChange } from '../core/annotations/anchoring';
import { AnnotationSet } from '../core/annotations/annotationSet';
import {
  DEFAULT_LABELS,
  emptySidecar,
  type Label,
  mergeAnnotations,
  SIDECAR_SUFFIX,
  serializeSidecar,
} from '../core/annotations/model';
import type { SidecarError } from '../core/annotations/schema';
import {
  backupSidecar,
  readSidecarFile,
  sidecarPathFor,
  textHash,
  writeSidecarFile,
} from '../core/annotations/sidecarFile';

export interface Entry {
  uri: string;
  sidecarPath: string;
  set: AnnotationSet;
  /** Why the sidecar cannot be written (corrupt, newer version); undefined when writable. */
  readOnly?: string;
  error?: SidecarError;
  /** Text of our own last write, to tell our writes from outside changes. */
  lastWritten?: string;
}

export function annotationConfig() {
  const c = vscode.workspace.getConfiguration('newsmark');
  const labels = c.get<Label[]>('labels', DEFAULT_LABELS);
  return {
    labels:
      Array.isArray(labels) && labels.length
        ? labels.filter((l) => l && typeof l.id === 'string' && l.id)
        : DEFAULT_LABELS,
    author: c.get<string>('author', '') || safeUserName(),
    sidecarFolder: c.get<string>('sidecarFolder', '').trim(),
  };
}

function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

export class AnnotationStore implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = new vscode.EventEmitter<string>();
  /** Fires with the article uri whose annotations changed (loaded, edited, merged, moved). */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    this.disposables.push(
      watcher,
      watcher.onDidChange((u) => this.onSidecarChanged(u)),
      watcher.onDidCreate((u) => this.onSidecarChanged(u)),
      watcher.onDidDelete((u) => this.onSidecarDeleted(u)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onDocumentChanged(e)),
      vscode.workspace.onDidSaveTextDocument((d) => {
        const e = this.entries.get(d.uri.toString());
        // Positions are saved with the article, so the sidecar matches the file on disk.
        if (e && (e.set.all.length || fs.existsSync(e.sidecarPath))) void this.save(e);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.entries.delete(d.uri.toString())),
      vscode.workspace.onDidRenameFiles((e) => this.onRenamed(e)),
    );
  }

  sidecarPathOf(uri: vscode.Uri): string {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const cfg = annotationConfig();
    return sidecarPathFor(uri.fsPath, { root: folder?.uri.fsPath, folder: cfg.sidecarFolder || undefined });
  }

  /** The entry of an open article, loading its sidecar on first use. */
  entry(doc: vscode.TextDocument): Entry | undefined {
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'vscode-remote') return undefined;
    const key = doc.uri.toString();
    let e = this.entries.get(key);
    if (!e) {
      e = this.load(doc);
      this.entries.set(key, e);
    }
    return e;
  }

  get(uri: string): Entry | undefined {
    return this.entries.get(uri);
  }

  private load(doc: vscode.TextDocument): Entry {
    const sidecarPath = this.sidecarPathOf(doc.uri);
    const text = doc.getText();
    const author = () => annotationConfig().author;
    const r = readSidecarFile(sidecarPath);
    const article = path.basename(doc.uri.fsPath);
    if (r.kind === 'ok') {
      return {
        uri: doc.uri.toString(),
        sidecarPath,
        set: new AnnotationSet(r.sidecar, text, textHash, author),
      };
    }
    if (r.kind === 'missing')
      return {
        uri: doc.uri.toString(),
        sidecarPath,
        set: AnnotationSet.empty(article, text, textHash, author),
      };
    const err = r.error;
    if (err.kind === 'newer-version' && err.readable) {
      void vscode.window.showWarningMessage(
        `Newsmark: ${path.basename(sidecarPath)} ${err.message}. Its annotations are shown read-only; update Newsmark to edit them.`,
      );
      return {
        uri: doc.uri.toString(),
        sidecarPath,
        set: new AnnotationSet(err.readable, text, textHash, author),
        readOnly: err.message,
        error: err,
      };
    }
    // A corrupt sidecar is never overwritten: it is backed up, and Newsmark stays read-only for it.
    let backup = '';
    try {
      backup = backupSidecar(sidecarPath);
    } catch {
      // the backup is a courtesy; the original stays untouched either way
    }
    void vscode.window
      .showErrorMessage(
        `Newsmark: cannot read ${path.basename(sidecarPath)}: ${err.message}. The file was left untouched${backup ? ` (a copy is at ${path.basename(backup)})` : ''}; annotations for this article are read-only until it is fixed.`,
        'Open Sidecar',
      )
      .then((choice) => {
        if (choice) void vscode.window.showTextDocument(vscode.Uri.file(sidecarPath));
      });
    return {
      uri: doc.uri.toString(),
      sidecarPath,
      set: new AnnotationSet(emptySidecar(article, ''), text, textHash, author),
      readOnly: `the sidecar is invalid: ${err.message}`,
      error: err,
    };
  }

  /** Saves an entry's sidecar (atomically); refuses read-only entries. */
  async save(e: Entry): Promise<void> {
    if (e.readOnly) return;
    const sidecar = e.set.toSidecar();
    if (!sidecar.annotations.length && !fs.existsSync(e.sidecarPath)) return; // no empty files
    e.lastWritten = serializeSidecar(sidecar);
    try {
      await writeSidecarFile(e.sidecarPath, sidecar);
      e.set.markSaved();
    } catch (err) {
      void vscode.window.showErrorMessage(
        `Newsmark: could not save ${path.basename(e.sidecarPath)}: ${(err as Error).message}. Your annotations are kept in memory; try again.`,
      );
      throw err;
    }
  }

  /** Runs a user action on an article's annotations, saves, and tells the views. */
  async change<T>(doc: vscode.TextDocument, action: (set: AnnotationSet) => T): Promise<T | undefined> {
    const e = this.entry(doc);
    if (!e) return undefined;
    if (e.readOnly) {
      // Not awaited: the action ends now; the message offers to open the sidecar.
      void vscode.window
        .showWarningMessage(
          `Newsmark: annotations of this article are read-only: ${e.readOnly}`,
          'Open Sidecar',
        )
        .then((choice) => {
          if (choice) void vscode.window.showTextDocument(vscode.Uri.file(e.sidecarPath));
        });
      return undefined;
    }
    const result = action(e.set);
    this.emitter.fire(e.uri);
    await this.save(e);
    return result;
  }

  private onDocumentChanged(ev: vscode.TextDocumentChangeEvent): void {
    const e = this.entries.get(ev.document.uri.toString());
    if (!e || !ev.contentChanges.length) return;
    // Changes in one event do not overlap; applied from the last to the first, each one's
    // offsets hold for the text before it.
    const changes: TextChange[] = [...ev.contentChanges]
      .sort((a, b) => b.rangeOffset - a.rangeOffset)
      .map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, inserted: c.text.length }));
    e.set.applyChanges(changes, ev.document.getText());
    this.emitter.fire(e.uri);
  }

  private async onSidecarChanged(uri: vscode.Uri): Promise<void> {
    for (const e of this.entries.values()) {
      if (path.resolve(e.sidecarPath) !== path.resolve(uri.fsPath)) continue;
      let text: string;
      try {
        text = fs.readFileSync(e.sidecarPath, 'utf8');
      } catch {
        return;
      }
      if (text === e.lastWritten) return; // our own write
      const r = readSidecarFile(e.sidecarPath);
      if (r.kind !== 'ok') {
        if (r.kind === 'error')
          void vscode.window.showErrorMessage(
            `Newsmark: ${path.basename(e.sidecarPath)} changed on disk and cannot be read: ${r.error.message}. Your annotations stay in memory and the file is not overwritten.`,
          );
        e.readOnly = r.kind === 'error' ? `the sidecar on disk is invalid: ${r.error.message}` : e.readOnly;
        return;
      }
      e.readOnly = undefined;
      const pending = e.set.changed.size + e.set.deleted.size;
      const { merged, conflicts } = mergeAnnotations(
        r.sidecar.annotations,
        e.set.snapshotAnnotations(),
        e.set.changed,
        e.set.deleted,
      );
      e.set.replaceAll(merged);
      this.emitter.fire(e.uri);
      if (pending) {
        await this.save(e);
        void vscode.window.showInformationMessage(
          `Newsmark: ${path.basename(e.sidecarPath)} changed on disk; merged with your ${pending} unsaved change${pending === 1 ? '' : 's'}${conflicts.length ? ` (${conflicts.length} edited on both sides: the newer kept)` : ''}.`,
        );
      } else {
        e.set.markSaved();
        vscode.window.setStatusBarMessage(
          `Newsmark: reloaded ${path.basename(e.sidecarPath)} (${merged.length} annotations)`,
          4000,
        );
      }
    }
  }

  /** The sidecar was deleted outside Newsmark: the disk is the truth, unless changes are unsaved. */
  private onSidecarDeleted(uri: vscode.Uri): void {
    for (const e of this.entries.values()) {
      if (path.resolve(e.sidecarPath) !== path.resolve(uri.fsPath) || e.readOnly) continue;
      if (e.set.changed.size || e.set.deleted.size) continue; // kept, and written again on the next save
      e.set.replaceAll([]);
      e.lastWritten = undefined;
      this.emitter.fire(e.uri);
    }
  }

  private async onRenamed(ev: vscode.FileRenameEvent): Promise<void> {
    for (const { oldUri, newUri } of ev.files) {
      const from = this.sidecarPathOf(oldUri);
      if (!fs.existsSync(from)) continue;
      const to = this.sidecarPathOf(newUri);
      try {
        if (fs.existsSync(to)) {
          void vscode.window.showWarningMessage(
            `Newsmark: ${path.basename(to)} already exists; the annotations stay in ${path.basename(from)}.`,
          );
          continue;
        }
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.renameSync(from, to);
        const r = readSidecarFile(to);
        if (r.kind === 'ok')
          await writeSidecarFile(to, { ...r.sidecar, article: path.basename(newUri.fsPath) });
        const old = this.entries.get(oldUri.toString());
        if (old) {
          this.entries.delete(oldUri.toString());
          this.entries.set(newUri.toString(), { ...old, uri: newUri.toString(), sidecarPath: to });
        }
        this.emitter.fire(newUri.toString());
      } catch (err) {
        void vscode.window.showErrorMessage(
          `Newsmark: could not move the annotations of ${path.basename(oldUri.fsPath)}: ${(err as Error).message}`,
        );
      }
    }
  }

  /** Sidecars in the workspace whose article no longer exists (listed in the Annotations view). */
  async orphanedSidecars(): Promise<vscode.Uri[]> {
    const found = await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, '**/node_modules/**', 2000);
    const cfg = annotationConfig();
    return found.filter((u) => {
      const folder = vscode.workspace.getWorkspaceFolder(u);
      let article = u.fsPath.slice(0, -SIDECAR_SUFFIX.length);
      if (cfg.sidecarFolder && folder) {
        const dir = path.join(folder.uri.fsPath, cfg.sidecarFolder);
        const rel = path.relative(dir, article);
        if (!rel.startsWith('..')) article = path.join(folder.uri.fsPath, rel);
      }
      return !fs.existsSync(article);
    });
  }

  dispose(): void {
    this.emitter.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
