/**
 * The runtime messages of the extension: every string literal passed to t(), tn() or msg() in
 * src/extension (the English source strings, which are the keys of l10n/bundle.l10n.uk.json).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

// t('…'), msg('…') and tn(count, '…'): the message is the first string argument.
const CALL = /(?<![\w.])(?:t\(|msg\(|tn\(\s*[\w.]+,)\s*'((?:[^'\\]|\\.)*)'/g;

const unquote = (s: string) =>
  s.replace(/\\u([0-9a-fA-F]{4})|\\(.)/g, (_, hex: string, ch: string) =>
    hex ? String.fromCharCode(Number.parseInt(hex, 16)) : ch === 'n' ? '\n' : ch,
  );

export function extensionMessages(root: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const dir = path.join(root, 'src/extension');
  for (const f of fs
    .readdirSync(dir)
    .filter((x) => x.endsWith('.ts') && x !== 'i18n.ts')
    .sort()) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of src.matchAll(CALL)) {
      const key = unquote(m[1]);
      found.set(key, [...(found.get(key) ?? []), f]);
    }
  }
  // The webview pages look their strings up with tr('…') in the bundle the extension passes.
  const pages = path.join(root, 'media/src');
  for (const f of fs.existsSync(pages) ? fs.readdirSync(pages).filter((x) => x.endsWith('.ts')) : []) {
    const src = fs.readFileSync(path.join(pages, f), 'utf8');
    for (const m of src.matchAll(/(?<![\w.])(?:tr\(|trn\(\s*[\w.]+,)\s*'((?:[^'\\]|\\.)*)'/g)) {
      const key = unquote(m[1]);
      found.set(key, [...(found.get(key) ?? []), f]);
    }
  }
  return found;
}

/** The placeholders of a message, sorted ({0}, {1} …). */
export const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();
