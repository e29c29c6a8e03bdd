/**
 * The corpus report page, for the VS Code webview and for `newsmark corpus --html` (one
 * self-contained file). The report travels as JSON in a non-executable script element, with `<`
 * escaped so that no article text can close it; the page script renders it with text nodes only.
 */
import type { CorpusReport } from './report';

export interface PageAssets {
  /** The bundled page script and its style sheet: inline text, or URIs (the webview). */
  script: { inline: string } | { src: string };
  style: { inline: string } | { href: string };
  /** The webview's CSP: a nonce for the script, and its resource origin. */
  nonce?: string;
  cspSource?: string;
  /** The page's interface strings in the display language (keys: the English text). */
  strings?: Record<string, string>;
  lang?: string;
}

/** For double-quoted attribute values: the CSP's single quotes stay readable. */
const escapeAttr = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** JSON that is safe inside a <script> element. */
export const scriptJson = (v: unknown) =>
  JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** Statements a standalone page embeds for its click-through lists (VS Code asks the index). */
export const PAGE_STATEMENTS = 20000;

/**
 * What the page draws: the report without the entities' places and, unless `statements` says how
 * many to embed, without its statements (in VS Code the page asks the extension for them).
 */
export function pageData(report: CorpusReport, statements = 0): CorpusReport {
  const { statementList, ...rest } = report;
  return {
    ...rest,
    entities: report.entities.slice(0, 200).map(({ places: _p, ...e }) => e),
    ...(statements && statementList ? { statementList: statementList.slice(0, statements) } : {}),
  };
}

export function corpusPageHtml(report: CorpusReport, assets: PageAssets): string {
  const nonce = assets.nonce ? ` nonce="${escapeHtml(assets.nonce)}"` : '';
  const src = assets.cspSource ? ` ${assets.cspSource}` : '';
  const scriptCsp = assets.nonce ? `'nonce-${assets.nonce}'` : "'unsafe-inline'";
  const styleCsp = 'style' in assets.style && 'inline' in assets.style ? "'unsafe-inline'" : `${src}`.trim();
  const csp = [
    "default-src 'none'",
    `img-src${src} data: blob:`,
    `style-src ${styleCsp || "'none'"}`,
    `script-src ${scriptCsp}`,
    `font-src${src || " 'none'"}`,
  ].join('; ');
  const style =
    'inline' in assets.style
      ? `<style>${assets.style.inline}</style>`
      : `<link rel="stylesheet" href="${escapeHtml(assets.style.href)}">`;
  const script =
    'inline' in assets.script
      ? `<script${nonce}>${assets.script.inline.replace(/<\/script/gi, '<\\/script')}</script>`
      : `<script${nonce} src="${escapeHtml(assets.script.src)}"></script>`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(assets.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Newsmark corpus report</title>
${style}
</head>
<body>
<main id="report" aria-live="polite"></main>
<script type="application/json" id="corpus-data">${scriptJson(report)}</script>
<script type="application/json" id="corpus-strings">${scriptJson(assets.strings ?? {})}</script>
${script}
</body>
</html>
`;
}
