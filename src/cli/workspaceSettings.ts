/**
 * The `newsmark.*` settings the CLI shares with the extension, read from the nearest
 * `.vscode/settings.json` above an article (JSON with comments, as VS Code writes it), so the CLI
 * finds the same sidecar as the extension whatever the current directory.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ParseError, parse } from 'jsonc-parser';
import type { SidecarLocation } from '../core';
import { warn } from './terminal';

export interface WorkspaceSettings {
  /** The folder that holds `.vscode/` (VS Code's workspace folder), if one was found. */
  root?: string;
  sidecarFolder?: string;
  author?: string;
}

const cache = new Map<string, WorkspaceSettings>();

/** Settings for an article: the nearest `.vscode/settings.json` in its folder or above. */
export function settingsFor(articlePath: string): WorkspaceSettings {
  const dir = path.dirname(path.resolve(articlePath));
  const hit = cache.get(dir);
  if (hit) return hit;
  const found = findSettings(dir);
  cache.set(dir, found);
  return found;
}

function findSettings(start: string): WorkspaceSettings {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const file = path.join(dir, '.vscode', 'settings.json');
    let text: string | undefined;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      // none here: look further up
    }
    if (text !== undefined) return { root: dir, ...readNewsmarkSettings(text, file) };
    if (path.dirname(dir) === dir) return {};
  }
}

/** The newsmark.* values of one settings file; a broken file is reported, not fatal. */
export function readNewsmarkSettings(text: string, file = 'settings.json'): Omit<WorkspaceSettings, 'root'> {
  const errors: ParseError[] = [];
  const json = parse(text, errors, { allowTrailingComma: true });
  if (errors.length || !json || typeof json !== 'object') {
    warn(`${file}: not valid JSON; its newsmark.* settings are ignored`);
    return {};
  }
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const nested = (json as Record<string, unknown>).newsmark as Record<string, unknown> | undefined;
  const get = (key: string) => str((json as Record<string, unknown>)[`newsmark.${key}`] ?? nested?.[key]);
  return { sidecarFolder: get('sidecarFolder'), author: get('author') };
}

/** Where an article's sidecar lives for the CLI: `--sidecar-folder` wins over the settings file. */
export function sidecarLocationFor(articlePath: string, flagFolder?: string): SidecarLocation {
  const s = settingsFor(articlePath);
  const folder = flagFolder?.trim() || s.sidecarFolder;
  if (!folder) return {};
  return { root: s.root ?? process.cwd(), folder };
}
