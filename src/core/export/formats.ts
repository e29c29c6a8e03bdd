/**
 * Export formats other tools read: Newsmark JSON (lossless), W3C Web Annotation (JSON-LD),
 * brat standoff, CoNLL/IOB2, doccano/Label Studio JSONL, CSV, and a Markdown or HTML report.
 * Each converts offsets to its own convention (see offsets.ts).
 */
import { stringify } from 'csv-stringify/sync';
import { chainsOf } from '../sources';
import { paragraphs, sentences, tokenize } from '../text';
import { OffsetMap } from './offsets';
import type { ArticleExport, ExportRecord } from './records';

export type Format = 'json' | 'w3c' | 'brat' | 'conll' | 'jsonl' | 'csv' | 'report';
export const FORMATS: Format[] = ['json', 'w3c', 'brat', 'conll', 'jsonl', 'csv', 'report'];
export const ENTITY_LABELS = new Set(['PER', 'ORG', 'LOC', 'MISC']);

// ---- Newsmark JSON ---------------------------------------------------------------------------

export function toNewsmarkJson(exp: ArticleExport): string {
  return `${JSON.stringify(
    {
      newsmark: 1,
      file: exp.file,
      language: exp.language,
      positionUnit: 'utf-16',
      text: exp.text,
      annotations: exp.annotations,
      analysis: {
        entities: exp.analysis.entities,
        attributions: exp.analysis.attributions,
        sources: exp.analysis.sources,
        boilerplate: exp.analysis.boilerplate,
      },
      records: exp.records,
    },
    null,
    2,
  )}\n`;
}

// ---- W3C Web Annotation ----------------------------------------------------------------------

export function toW3C(exp: ArticleExport, source: string): string {
  const map = new OffsetMap(exp.text);
  const ctx = 32;
  const items: Record<string, unknown>[] = exp.records.map((r) => {
    const body: Record<string, unknown>[] = [{ type: 'TextualBody', value: r.label, purpose: 'tagging' }];
    if (r.note) body.push({ type: 'TextualBody', value: r.note, purpose: 'commenting' });
    if (r.entity) body.push({ type: 'TextualBody', value: r.entity, purpose: 'identifying' });
    const a: Record<string, unknown> = {
      id: `urn:newsmark:${encodeURIComponent(exp.file)}:${r.id}`,
      type: 'Annotation',
      motivation: r.note ? 'commenting' : 'tagging',
      body,
      target: {
        source,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: r.text,
            prefix: exp.text.slice(Math.max(0, r.start - ctx), r.start),
            suffix: exp.text.slice(r.end, r.end + ctx),
          },
          { type: 'TextPositionSelector', start: map.toCodePoint(r.start), end: map.toCodePoint(r.end) },
        ],
      },
      generator: { type: 'Software', name: 'Newsmark' },
    };
    if (r.author) a.creator = { type: 'Person', name: r.author };
    if (r.created) a.created = r.created;
    if (r.status !== 'user') a['newsmark:status'] = r.status;
    return a;
  });
  // Attributions: linking annotations whose targets are the part annotations.
  for (const att of exp.attributions) {
    const parts = [...att.source, ...att.cue, ...att.content].map(
      (id) => `urn:newsmark:${encodeURIComponent(exp.file)}:${id}`,
    );
    items.push({
      id: `urn:newsmark:${encodeURIComponent(exp.file)}:attribution-${att.id}`,
      type: 'Annotation',
      motivation: 'linking',
      body: [
        { type: 'TextualBody', value: 'Attribution', purpose: 'tagging' },
        {
          type: 'TextualBody',
          value: `${att.direct ? 'direct' : 'indirect'}; source: ${att.sourceKind}${att.anonymous ? '; anonymous' : ''}`,
          purpose: 'describing',
        },
      ],
      target: parts,
    });
  }
  return `${JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', label: `Newsmark annotations of ${exp.file}`, total: items.length, first: { type: 'AnnotationPage', items } }, null, 2)}\n`;
}

// ---- brat standoff ---------------------------------------------------------------------------

const bratLabel = (l: string) => l.replace(/[^A-Za-z0-9_-]/g, '_') || 'Label';
const oneLine = (s: string) => s.replace(/[\t\r\n]+/g, ' ');

/** brat reads the .txt beside the .ann and counts code points; newlines count as one each. */
export function toBrat(exp: ArticleExport): { ann: string; txt: string } {
  const map = new OffsetMap(exp.text);
  const lines: string[] = [];
  const tOf = new Map<string, string>();
  let t = 0;
  let n = 0;
  const spanText = (r: ExportRecord) => {
    // brat wants one line of text per span; a span across line breaks becomes discontinuous.
    const parts: string[] = [];
    let s = r.start;
    const re = /\r?\n/g;
    const sub = exp.text.slice(r.start, r.end);
    for (let m = re.exec(sub); m; m = re.exec(sub)) {
      if (r.start + m.index > s) parts.push(`${map.toCodePoint(s)} ${map.toCodePoint(r.start + m.index)}`);
      s = r.start + m.index + m[0].length;
    }
    if (r.end > s) parts.push(`${map.toCodePoint(s)} ${map.toCodePoint(r.end)}`);
    return parts.join(';');
  };
  for (const r of exp.records) {
    const id = `T${++t}`;
    tOf.set(r.id, id);
    lines.push(`${id}\t${bratLabel(r.label)} ${spanText(r)}\t${oneLine(r.text)}`);
    if (r.note) lines.push(`#${++n}\tAnnotatorNotes ${id}\t${oneLine(r.note)}`);
  }
  let e = 0;
  let a = 0;
  for (const att of exp.attributions) {
    const cue = att.cue.map((id) => tOf.get(id)).filter(Boolean) as string[];
    if (!cue.length) continue;
    const trig = `T${++t}`;
    const cueRec = exp.records.find((r) => r.id === att.cue[0])!;
    lines.push(`${trig}\tAttribution ${spanText(cueRec)}\t${oneLine(cueRec.text)}`);
    const args: string[] = [];
    const role = (name: string, ids: (string | undefined)[]) =>
      ids.filter(Boolean).forEach((id, i) => void args.push(`${name}${i ? i + 1 : ''}:${id}`));
    role(
      'Source',
      att.source.map((id) => tOf.get(id)),
    );
    role('Cue', cue);
    role(
      'Content',
      att.content.map((id) => tOf.get(id)),
    );
    const eid = `E${++e}`;
    lines.push(`${eid}\tAttribution:${trig} ${args.join(' ')}`);
    if (att.anonymous) lines.push(`A${++a}\tAnonymous ${eid}`);
    if (att.direct) lines.push(`A${++a}\tDirect ${eid}`);
  }
  return { ann: `${lines.join('\n')}\n`, txt: exp.text };
}

// ---- CoNLL / IOB2 ----------------------------------------------------------------------------

/** Entities as IOB2 tags, one token per line (token, tag), a blank line between sentences. */
export function toConll(exp: ArticleExport): string {
  const ents = exp.records
    .filter((r) => ENTITY_LABELS.has(r.label))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: string[] = [`# newsmark file = ${exp.file}`];
  let k = 0;
  for (const p of paragraphs(exp.text)) {
    for (const s of sentences(exp.text, p)) {
      const toks = tokenize(exp.text, s.start, s.end);
      if (!toks.length) continue;
      for (const tok of toks) {
        while (k < ents.length && ents[k].end <= tok.start) k++;
        const e = ents[k];
        let tag = 'O';
        if (e && e.start < tok.end && tok.start < e.end)
          tag = `${tok.start <= e.start ? 'B' : 'I'}-${e.label}`;
        out.push(`${tok.text}\t${tag}`);
      }
      out.push('');
    }
  }
  return `${out.join('\n')}\n`;
}

// ---- doccano / Label Studio JSONL ------------------------------------------------------------

/**
 * One line per article that both tools import for span labelling: doccano reads `text` and
 * `label` ([start, end, label], code points); Label Studio reads `data.text` and `annotations`.
 */
export function toJsonl(exp: ArticleExport): string {
  const map = new OffsetMap(exp.text);
  const spans = exp.records.filter((r) => !r.role || r.label);
  const line = {
    text: exp.text,
    label: spans.map((r) => [map.toCodePoint(r.start), map.toCodePoint(r.end), r.label]),
    data: { text: exp.text, file: exp.file },
    annotations: [
      {
        result: spans.map((r) => ({
          id: r.id.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 20) || 'r',
          from_name: 'label',
          to_name: 'text',
          type: 'labels',
          value: {
            start: map.toCodePoint(r.start),
            end: map.toCodePoint(r.end),
            text: r.text,
            labels: [r.label],
          },
        })),
      },
    ],
    meta: { file: exp.file, language: exp.language },
  };
  return `${JSON.stringify(line)}\n`;
}

// ---- CSV -------------------------------------------------------------------------------------

export const CSV_COLUMNS = ['file', 'start', 'end', 'text', 'label', 'role', 'note', 'author', 'status'];

/** RFC 4180 CSV (UTF-8, quoted as needed); `bom` helps spreadsheet programs detect UTF-8. */
/**
 * A text cell a spreadsheet would take for a formula (=, +, -, @, a tab or a carriage return
 * first) is prefixed with an apostrophe, as OWASP advises against CSV injection; the other
 * formats keep the original text.
 */
export function csvSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function toCsv(exps: ArticleExport[], options: { bom?: boolean; header?: boolean } = {}): string {
  const rows = exps.flatMap((exp) =>
    exp.records.map((r) => [
      csvSafe(exp.file),
      r.start,
      r.end,
      csvSafe(r.text),
      csvSafe(r.label),
      csvSafe(r.role ?? ''),
      csvSafe(r.note ?? ''),
      csvSafe(r.author ?? ''),
      r.status,
    ]),
  );
  const body = stringify(rows, {
    header: options.header ?? true,
    columns: CSV_COLUMNS,
    quoted_match: /[\r\n",;]/,
    record_delimiter: '\r\n',
  });
  return (options.bom ? '\uFEFF' : '') + body;
}

// ---- Report ----------------------------------------------------------------------------------

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function reportStats(exp: ArticleExport) {
  const a = exp.analysis;
  const named = a.sources.filter((s) => !s.anonymous).length;
  const anonymous = a.sources.filter((s) => s.anonymous).length;
  const direct = a.attributions.filter((x) => x.direct).length;
  return { named, anonymous, direct, indirect: a.attributions.length - direct, chains: chainsOf(a) };
}

export function toReport(exp: ArticleExport, kind: 'html' | 'md' = 'html'): string {
  return kind === 'md' ? reportMarkdown(exp) : reportHtml(exp);
}

function reportMarkdown(exp: ArticleExport): string {
  const st = reportStats(exp);
  const a = exp.analysis;
  const md = (s: string) => s.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1');
  const lines = [
    `# Newsmark report: ${md(exp.file)}`,
    '',
    `Language: ${a.language}. ${a.entities.length} entities, ${a.attributions.length} attributions, ${a.sources.length} sources.`,
    '',
    '| | count |',
    '|---|---|',
    `| named sources | ${st.named} |`,
    `| anonymous or unnamed sources | ${st.anonymous} |`,
    `| direct quotes | ${st.direct} |`,
    `| indirect (paraphrase) | ${st.indirect} |`,
    '',
    '## Sources',
    '',
  ];
  for (const s of a.sources)
    lines.push(
      `- **${md(s.name)}** (${s.kind}, ${s.attributions.length})${s.cites.length ? ` ← cites ${s.cites.map(md).join(', ')}` : ''}${s.anonymous ? ' ⚠ anonymous' : ''}`,
    );
  if (st.chains.length) lines.push('', '## Chains of reporting', '', ...st.chains.map((c) => `- ${md(c)}`));
  lines.push('', '## Attributions', '');
  for (const x of a.attributions)
    lines.push(
      `- ${md(x.source.map((s) => s.text).join(' … ') || '—')} → *${md(x.cue.map((s) => s.text).join(' … '))}* → ${x.direct ? '“' : ''}${md(x.content.map((s) => s.text).join(' … '))}${x.direct ? '”' : ''}`,
    );
  const user = exp.records.filter((r) => r.status !== 'engine');
  if (user.length) {
    lines.push('', '## Annotations', '');
    for (const r of user)
      lines.push(
        `- **${md(r.label)}** “${md(r.text)}”${r.note ? `: ${md(r.note)}` : ''} (${r.status}${r.author ? `, ${md(r.author)}` : ''})`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The article as HTML with its records highlighted; nested spans are closed and reopened at every
 * boundary. One sweep over the boundaries with the records covering each piece (linear in the
 * records, not records × boundaries).
 */
function highlightedHtml(exp: ArticleExport): string {
  const bounds = new Set<number>([0, exp.text.length]);
  for (const r of exp.records) {
    bounds.add(r.start);
    bounds.add(r.end);
  }
  const cuts = [...bounds].sort((x, y) => x - y);
  const order = exp.records
    .map((_, i) => i)
    .sort((x, y) => exp.records[x].start - exp.records[y].start || x - y);
  let next = 0;
  let active: number[] = [];
  let body = '';
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [s, e] = [cuts[i], cuts[i + 1]];
    let added = false;
    while (next < order.length && exp.records[order[next]].start <= s) {
      active.push(order[next++]);
      added = true;
    }
    if (added) active.sort((x, y) => x - y); // the records' own order, as a filter would give
    active = active.filter((k) => exp.records[k].end > s);
    const covering = active.map((k) => exp.records[k]).filter((r) => e <= r.end);
    const piece = escapeHtml(exp.text.slice(s, e)).replace(/\r?\n/g, '<br>\n');
    if (!covering.length) {
      body += piece;
      continue;
    }
    const classes = [
      ...new Set(covering.map((r) => `nm-${r.label.toLowerCase().replace(/[^a-z0-9-]/g, '')}`)),
    ].join(' ');
    const title = covering.map((r) => `${r.label}${r.note ? `: ${r.note}` : ''}`).join('; ');
    body += `<span class="${classes}" title="${escapeHtml(title)}">${piece}</span>`;
  }
  return body;
}

function reportHtml(exp: ArticleExport): string {
  const st = reportStats(exp);
  const a = exp.analysis;
  const body = highlightedHtml(exp);
  const li = (s: string) => `<li>${s}</li>`;
  return `<!doctype html>
<html lang="${escapeHtml(a.language)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Newsmark report: ${escapeHtml(exp.file)}</title>
<style>
body{font:15px/1.6 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
.nm-per{background:#3b82f633}.nm-org{background:#a855f733}.nm-loc{background:#22c55e33}.nm-misc{background:#06b6d433}
.nm-source{text-decoration:underline 2px #b45309}.nm-cue{outline:1px solid #c2410c;border-radius:3px}.nm-content{background:#94a3b822}
.nm-claim{border-bottom:2px solid #ef4444}.nm-note{border-bottom:2px solid #eab308}
table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.2rem .6rem;text-align:left}
article{white-space:normal;border-left:3px solid #d0d7de;padding-left:1rem}
</style></head><body>
<h1>Newsmark report: ${escapeHtml(exp.file)}</h1>
<p>Language: ${escapeHtml(a.language)} · ${a.entities.length} entities · ${a.attributions.length} attributions · ${a.sources.length} sources</p>
<table><tr><th>named sources</th><td>${st.named}</td></tr><tr><th>anonymous or unnamed sources</th><td>${st.anonymous}</td></tr>
<tr><th>direct quotes</th><td>${st.direct}</td></tr><tr><th>indirect (paraphrase)</th><td>${st.indirect}</td></tr></table>
<h2>Sources</h2><ul>${a.sources.map((s) => li(`<b>${escapeHtml(s.name)}</b> (${escapeHtml(s.kind)}, ${s.attributions.length})${s.cites.length ? ` ← cites ${escapeHtml(s.cites.join(', '))}` : ''}${s.anonymous ? ' ⚠ anonymous' : ''}`)).join('')}</ul>
${st.chains.length ? `<h2>Chains of reporting</h2><ul>${st.chains.map((c) => li(escapeHtml(c))).join('')}</ul>` : ''}
<h2>Article</h2><article>${body}</article>
</body></html>
`;
}
