/**
 * Which language Newsmark's runtime strings are shown in: VS Code's display language (`auto`), or
 * the one chosen in `newsmark.displayLanguage` — VS Code has no Ukrainian language pack, so a
 * Ukrainian editor mostly runs an English VS Code and chooses `uk` here.
 */
import * as vscode from 'vscode';
import uk from '../../l10n/bundle.l10n.uk.json';
import { type Bundle, useLanguage } from './i18n';

const BUNDLES: Record<string, Bundle> = { uk };

/** Applies the setting; returns the language now used ('en' when there is no bundle for it). */
export function applyDisplayLanguage(): string {
  const chosen = vscode.workspace.getConfiguration('newsmark').get<string>('displayLanguage', 'auto');
  const lang = (chosen === 'auto' ? vscode.env.language : chosen).toLowerCase().split('-')[0];
  // In VS Code's own display language, the bundle VS Code loaded from l10n/ (vscode.l10n).
  const fromVsCode = chosen === 'auto' || lang === vscode.env.language ? vscode.l10n.bundle : undefined;
  const bundle = lang === 'en' ? undefined : (fromVsCode ?? BUNDLES[lang]);
  useLanguage(lang, bundle);
  return bundle ? lang : 'en';
}
