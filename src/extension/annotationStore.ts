/**
 * User annotations in VS Code: one AnnotationSet per open article, loaded from and saved to its
 * sidecar, carried through edits, reloaded and merged when the sidecar changes on disk, moved
 * with the article when it is renamed. Writes are atomic and serialised (core/sidecarFile).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnnotationSet, ReadResult, Sidecar, SidecarError } from '../core';
import {
  articlePathFor,
  backupSidecar,
  mergeAnnotations,
  type OpenedAnnotations,
  openArticleAnnotations,
  readSidecarFile,
  SIDECAR_SUFFIX,
  serializeSidecar,
  sidecarPathFor,
  updateSidecar,
  writeSidecarText,
} from '../core';
import { ShownError } from './commands';
import { isFileDocument, textChanges } from './documents';
import { t, tn } from './i18n';
import { settings, sidecarLocation } from './settings';

export interface Entry {
  uri: string;
  sidecarPath: string;
  set: AnnotationSet;
  /** Why the sidecar cannot be written (corrupt, newer version); undefined when writable. */
  readOnly?: string;
  error?: SidecarError;
  /** Size and mtime of our own last write, to tell it from outside changes without reading it. */
  lastWritten?: { size: number; mtimeMs: number };
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
    return sidecarPathFor(uri.fsPath, sidecarLocation(uri));
  }

  /** A file with annotations is an article whatever its name. */
  hasSidecar(uri: vscode.Uri): boolean {
    return isFileDocument(uri) && fs.existsSync(this.sidecarPathOf(uri));
  }

  /** The entry of an open article, reading its sidecar on first use (and only then). */
  open(doc: vscode.TextDocument): Entry | undefined {
    if (!isFileDocument(doc.uri)) return undefined;
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
    const opened = openArticleAnnotations(doc.uri.fsPath, doc.getText(), {
      location: sidecarLocation(doc.uri),
      author: () => settings().author,
    });
    const entry: Entry = { uri: doc.uri.toString(), sidecarPath: opened.file, set: opened.set };
    if (opened.kind === 'newer') {
      void vscode.window.showWarningMessage(
        t(
          'Newsmark: {0} {1}. Its annotations are shown read-only; update Newsmark to edit them.',
          path.basename(opened.file),
          opened.error.message,
        ),
      );
      return { ...entry, readOnly: opened.error.message, error: opened.error };
    }
    if (opened.kind === 'error') return { ...entry, ...this.refuseCorrupt(opened) };
    return entry;
  }

  /** A corrupt sidecar is never overwritten: it is backed up, and stays read-only until fixed. */
  private refuseCorrupt(opened: Extract<OpenedAnnotations, { kind: 'error' }>): Partial<Entry> {
    const { file, error } = opened;
    let backup = '';
    try {
      backup = backupSidecar(file);
    } catch {
      // the backup is a courtesy; the original stays untouched either way
    }
    void vscode.window
      .showErrorMessage(
        backup
          ? t(
              'Newsmark: cannot read {0}: {1}. The file was left untouched (a copy is at {2}); annotations for this article are read-only until it is fixed.',
              path.basename(file),
              error.message,
              path.basename(backup),
            )
          : t(
              'Newsmark: cannot read {0}: {1}. The file was left untouched; annotations for this article are read-only until it is fixed.',
              path.basename(file),
              error.message,
            ),
        t('Open Sidecar'),
      )
      .then((choice) => {
        if (choice) void vscode.window.showTextDocument(vscode.Uri.file(file));
      });
    return { readOnly: `the sidecar is invalid: ${error.message}`, error };
  }

  /**
   * Saves an entry's sidecar under its lock (the CLI or another window may write it too): what is
   * on disk now is read again and, if someone else wrote it since, merged by id with our changes
   * before the write. Refuses read-only entries; the write is checked and atomic.
   */
  async save(e: Entry): Promise<void> {
    if (e.readOnly) return;
    if (!e.set.all.length && !e.set.deleted.size && !e.set.reviewed && !fs.existsSync(e.sidecarPath)) return; // no empty files
    try {
      await updateSidecar(e.sidecarPath, (current) => this.mergedForWrite(e, current));
      const st = fs.statSync(e.sidecarPath, { throwIfNoEntry: false });
      e.lastWritten = st && { size: st.size, mtimeMs: st.mtimeMs };
      e.set.markSaved();
    } catch (err) {
      void vscode.window.showErrorMessage(
        t(
          'Newsmark: could not save {0}: {1}. Your annotations are kept in memory; try again.',
          path.basename(e.sidecarPath),
          (err as Error).message,
        ),
      );
      throw new ShownError((err as Error).message);
    }
  }

  /** Under the lock: our sidecar, with what another writer put on disk since our last write. */
  private mergedForWrite(e: Entry, current: ReadResult): Sidecar | undefined {
    if (current.kind === 'error')
      throw new Error(`the sidecar on disk cannot be read (${current.error.message}); it was left as it is`);
    if (current.kind === 'ok') {
      const st = fs.statSync(e.sidecarPath);
      const ours = e.lastWritten && st.size === e.lastWritten.size && st.mtimeMs === e.lastWritten.mtimeMs;
      if (!ours) {
        const { merged } = mergeAnnotations(
          current.sidecar.annotations,
          e.set.snapshotAnnotations(),
          e.set.changed,
          e.set.deleted,
        );
        e.set.replaceAll(merged);
        this.emitter.fire(e.uri);
      }
    }
    const sidecar = e.set.toSidecar();
    return !sidecar.annotations.length && !sidecar.reviewed && current.kind === 'missing'
      ? undefined
      : sidecar;
  }

  /** Runs a user action on an article's annotations, saves, and tells the views. */
  async change<T>(doc: vscode.TextDocument, action: (set: AnnotationSet) => T): Promise<T | undefined> {
    const e = this.open(doc);
    if (!e) return undefined;
    if (e.readOnly) {
      // Not awaited: the action ends now; the message offers to open the sidecar.
      void vscode.window
        .showWarningMessage(
          t('Newsmark: annotations of this article are read-only: {0}', e.readOnly),
          t('Open Sidecar'),
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
    // Not announced: VS Code moves the decorations itself, and the views catch up at the next
    // analysis (a keystroke must not redraw everything).
    e.set.applyChanges(textChanges(ev), () => ev.document.getText());
  }

  private async onSidecarChanged(uri: vscode.Uri): Promise<void> {
    for (const e of this.entries.values()) {
      if (path.resolve(e.sidecarPath) !== path.resolve(uri.fsPath)) continue;
      let st: fs.Stats;
      try {
        st = fs.statSync(e.sidecarPath);
      } catch {
        return;
      }
      // Our own write: the watcher reports it too, and there is nothing to read.
      if (e.lastWritten && st.size === e.lastWritten.size && st.mtimeMs === e.lastWritten.mtimeMs) return;
      const r = readSidecarFile(e.sidecarPath);
      if (r.kind !== 'ok') {
        if (r.kind === 'error')
          void vscode.window.showErrorMessage(
            t(
              'Newsmark: {0} changed on disk and cannot be read: {1}. Your annotations stay in memory and the file is not overwritten.',
              path.basename(e.sidecarPath),
              r.error.message,
            ),
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
          tn(
            pending,
            'Newsmark: {1} changed on disk; merged with your {0} unsaved change.|Newsmark: {1} changed on disk; merged with your {0} unsaved changes.',
            path.basename(e.sidecarPath),
          ) +
            (conflicts.length ? ` ${t('{0} edited on both sides: the newer kept.', conflicts.length)}` : ''),
        );
      } else {
        e.set.markSaved();
        vscode.window.setStatusBarMessage(
          t('Newsmark: reloaded {0} ({1} annotations)', path.basename(e.sidecarPath), merged.length),
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
            t(
              'Newsmark: {0} already exists; the annotations stay in {1}.',
              path.basename(to),
              path.basename(from),
            ),
          );
          continue;
        }
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.renameSync(from, to);
        const r = readSidecarFile(to);
        if (r.kind === 'ok')
          await writeSidecarText(
            to,
            serializeSidecar({ ...r.sidecar, article: path.basename(newUri.fsPath) }),
          );
        const old = this.entries.get(oldUri.toString());
        if (old) {
          this.entries.delete(oldUri.toString());
          this.entries.set(newUri.toString(), { ...old, uri: newUri.toString(), sidecarPath: to });
        }
        this.emitter.fire(newUri.toString());
      } catch (err) {
        void vscode.window.showErrorMessage(
          t(
            'Newsmark: could not move the annotations of {0}: {1}',
            path.basename(oldUri.fsPath),
            (err as Error).message,
          ),
        );
      }
    }
  }

  /** Sidecars in the workspace whose article no longer exists (listed in the Annotations view). */
  async orphanedSidecars(): Promise<vscode.Uri[]> {
    const found = await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, '**/node_modules/**', 2000);
    return found.filter((u) => !fs.existsSync(articlePathFor(u.fsPath, sidecarLocation(u))));
  }

  dispose(): void {
    this.emitter.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
