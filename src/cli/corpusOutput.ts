/** `newsmark corpus` output: a text summary, CSV of the sources, or the self-contained HTML report. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { type CorpusReport, corpusPageHtml, PAGE_STATEMENTS, pageData } from '../core';
import { count } from './render';
import { forTerminal } from './terminal';

const pct = (n: number, d: number) => (d ? `${Math.round((100 * n) / d)} %` : '–');

/** The text summary; names come from articles, so the terminal gets them made safe. */
export function corpusText(r: CorpusReport): string {
  const lines = [
    `${count(r.articles, 'article')} · ${count(r.statements.total, 'statement')} · ${r.statements.anonymous} anonymous (${pct(r.statements.anonymous, r.statements.total)})`,
    '',
    'Most cited sources:',
    ...r.sources
      .filter((s) => s.kind !== 'none')
      .slice(0, 15)
      .map(
        (s) =>
          `  ${s.name} (${s.kind}${s.stateMedia ? ', state media' : ''}): ${count(s.statements, 'statement')} in ${count(s.articles, 'article')}${s.cites.length ? ` · cites ${s.cites.slice(0, 3).join(', ')}` : ''}`,
      ),
    '',
    'Statements by source kind:',
    ...Object.entries(r.statements.byKind).map(([k, n]) => `  ${k}: ${n}`),
  ];
  if (r.stateMediaCitations.length)
    lines.push(
      '',
      'State-media citations:',
      ...r.stateMediaCitations.slice(0, 15).map((c) => `  ${c.source} ← ${c.stateMedia} ×${c.count}`),
    );
  lines.push(
    '',
    'Most mentioned entities:',
    ...r.entities
      .slice(0, 15)
      .map(
        (e) =>
          `  ${e.name} (${e.type}): ${count(e.mentions, 'mention')} in ${count(e.articles, 'article')}${e.aliases.length ? ` · also ${e.aliases.slice(0, 4).join(', ')}` : ''}`,
      ),
  );
  return `${forTerminal(lines.join('\n'))}\n`;
}

export function corpusCsv(r: CorpusReport): string {
  return stringify(
    r.sources.map((s) => [
      s.name,
      s.kind,
      s.anonymous,
      s.stateMedia,
      s.articles,
      s.statements,
      s.cites.join('; '),
    ]),
    {
      header: true,
      columns: ['source', 'kind', 'anonymous', 'stateMedia', 'articles', 'statements', 'cites'],
    },
  );
}

/** The report page with its script and style inlined (dist/media, built with the CLI). */
export function corpusHtml(r: CorpusReport): string {
  const dist = path.resolve(__dirname);
  const read = (f: string) => {
    const file = path.join(dist, 'media', f);
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\``);
    return fs.readFileSync(file, 'utf8');
  };
  return corpusPageHtml(pageData(r, PAGE_STATEMENTS), {
    script: { inline: read('corpusReport.js') },
    style: { inline: read('corpusReport.css') },
  });
}
