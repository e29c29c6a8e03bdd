/**
 * Newsmark's runtime strings (hovers, views, status bar, messages) in the display language.
 * Pure (no VS Code API), so the hover cards stay unit-testable. The English source strings are the
 * keys of `l10n/bundle.l10n.uk.json`, VS Code's l10n bundle format; `displayLanguage.ts` decides
 * which bundle applies. Formatting and lookup are @vscode/l10n's.
 */
import * as l10n from '@vscode/l10n';
import { pluralForm } from './plural';

export type Bundle = Record<string, string>;

let language = 'en';
let active: Bundle = {};

/** Use a bundle of translations (undefined: the English source strings). */
export function useLanguage(lang: string, bundle: Bundle | undefined): void {
  language = bundle ? lang : 'en';
  active = bundle ?? {};
  l10n.config({ contents: active });
}

/** The translations in use (for webview pages, which look their strings up themselves). */
export function activeBundle(): Bundle {
  return active;
}

export function currentLanguage(): string {
  return language;
}

/** Marks a string as a message to translate where it is shown (map values; looked up by t()). */
export const msg = (message: string): string => message;

/** A message in the display language; `{0}`, `{1}` … are replaced by args. */
export function t(message: string, ...args: (string | number)[]): string {
  return l10n.t(message, ...args);
}

/** A message with a count: `tn(3, '{0} mention|{0} mentions')`; `{0}` is n, `{1}`… are args. */
export function tn(n: number, message: string, ...args: (string | number)[]): string {
  return pluralForm(l10n.t(message), n, language, ...args);
}
