/**
 * Newsmark's settings, read in one place: typed, cached, and refreshed when the configuration
 * changes (hovers and renders read them often; `os.userInfo()` is asked once, not per render).
 */
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { Language, SidecarLocation } from '../core';
import { DEFAULT_LABELS, type Label } from '../core';

export interface Settings {
  enabled: boolean;
  language: 'auto' | Language;
  files: string[];
  debounceMs: number;
  layers: {
    entities: boolean;
    attributions: boolean;
    PER: boolean;
    ORG: boolean;
    LOC: boolean;
    MISC: boolean;
  };
  labels: Label[];
  author: string;
  sidecarFolder: string;
  /** `auto`: the workspace's learned model (`.newsmark/models/entities.json`) when there is one. */
  model: 'auto' | 'off';
}

let cached: Settings | undefined;
let osUser: string | undefined;

function userName(): string {
  if (osUser === undefined) {
    try {
      osUser = os.userInfo().username;
    } catch {
      osUser = 'unknown';
    }
  }
  return osUser;
}

function read(): Settings {
  const c = vscode.workspace.getConfiguration('newsmark');
  const labels = c.get<Label[]>('labels', DEFAULT_LABELS);
  return {
    enabled: c.get<boolean>('enabled', true),
    language: c.get<'auto' | Language>('language', 'auto'),
    files: c.get<string[]>('files', ['**/*.txt', '**/*.md']),
    debounceMs: Math.max(0, c.get<number>('debounceMs', 300)),
    layers: {
      entities: c.get<boolean>('show.entities', true),
      attributions: c.get<boolean>('show.attributions', true),
      PER: c.get<boolean>('show.PER', true),
      ORG: c.get<boolean>('show.ORG', true),
      LOC: c.get<boolean>('show.LOC', true),
      MISC: c.get<boolean>('show.MISC', true),
    },
    labels:
      Array.isArray(labels) && labels.length
        ? labels.filter((l) => l && typeof l.id === 'string' && l.id)
        : DEFAULT_LABELS,
    author: c.get<string>('author', '') || userName(),
    sidecarFolder: c.get<string>('sidecarFolder', '').trim(),
    model: c.get<string>('model', 'auto') === 'off' ? 'off' : 'auto',
  };
}

/** The current settings (read once, then cached until `newsmark.*` changes). */
export function settings(): Settings {
  cached ??= read();
  return cached;
}

/** Call once at activation: drops the cache when a `newsmark.*` setting changes. */
export function watchSettings(onChange: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration('newsmark')) return;
    cached = undefined;
    onChange();
  });
}

/** Where the sidecar of an article at `uri` lives under the current settings. */
export function sidecarLocation(uri: vscode.Uri): SidecarLocation {
  const folder = settings().sidecarFolder;
  const root = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
  return folder && root ? { root, folder } : {};
}
