/**
 * The corpus report page (VS Code webview, or the file `newsmark corpus --html` writes): charts
 * drawn with d3 as SVG in the theme's colours. Every text from articles goes through d3's
 * .text() (text nodes), never markup. In VS Code, opening a statement and saving an export go to
 * the extension by message; in a plain browser, exports download.
 */
import * as d3 from 'd3';
import { type StatementFilter, statementsMatching } from '../../src/core/corpus/filter';
import type { StatementRef } from '../../src/core/corpus/part';
import type { CorpusReport } from '../../src/core/corpus/report';
import { pluralForm } from '../../src/extension/plural';

type Report = CorpusReport;
type Statement = StatementRef;
interface Bar {
  label: string;
  value: number;
  /** Shown after the bar (e.g. "12 of 40"). */
  note?: string;
  highlight?: boolean;
  /** The statements a click lists. */
  filter: StatementFilter;
}
interface VsCodeApi {
  postMessage(m: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode: VsCodeApi | undefined = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
const json = <T>(id: string): T => JSON.parse(document.getElementById(id)?.textContent ?? 'null') as T;
const report = json<Report>('corpus-data');
const strings = json<Record<string, string>>('corpus-strings') ?? {};
const tr = (s: string, ...args: (string | number)[]) =>
  (strings[s] ?? s).replace(/\{(\d+)\}/g, (m, i: string) =>
    Number(i) < args.length ? String(args[Number(i)]) : m,
  );
const lang = document.documentElement.lang || 'en';
const trn = (n: number, s: string, ...args: (string | number)[]) =>
  pluralForm(strings[s] ?? s, n, lang, ...args);
const pct = (n: number, d: number) => (d ? Math.round((100 * n) / d) : 0);
const statements = report.statementList ?? [];
const root = d3.select('#report');

function header(): void {
  const h = root.append('header');
  h.append('h1').text(tr('Corpus report'));
  const s = report.statements;
  h.append('p')
    .attr('class', 'totals')
    .text(
      tr(
        '{0} articles · {1} statements · {2} anonymous ({3} %) · {4} sources · {5} entities',
        report.articles,
        s.total,
        s.anonymous,
        pct(s.anonymous, s.total),
        report.sources.length,
        report.entities.length,
      ),
    );
}

/** Saves a file: through the extension in VS Code, as a download elsewhere. */
function save(name: string, mime: string, data: string, base64 = false): void {
  if (vscode) {
    vscode.postMessage({ type: 'save', name, data, base64 });
    return;
  }
  const bytes = base64 ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) : data;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([bytes], { type: mime }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** The SVG with the theme's computed colours written in, so that it stands alone. */
function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const src = svg.querySelectorAll<SVGElement>('*');
  copy.querySelectorAll<SVGElement>('*').forEach((el, i) => {
    const cs = getComputedStyle(src[i]);
    for (const p of ['fill', 'stroke', 'font-size', 'font-family', 'opacity'])
      el.setAttribute(p, cs.getPropertyValue(p));
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const bg = getComputedStyle(document.body).backgroundColor;
  copy.setAttribute('style', `background:${bg}`);
  return new XMLSerializer().serializeToString(copy);
}

function savePng(svg: SVGSVGElement, name: string): void {
  const text = standaloneSvg(svg);
  const img = new Image();
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  img.onload = () => {
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = svg.width.baseVal.value * scale;
    canvas.height = svg.height.baseVal.value * scale;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    URL.revokeObjectURL(url);
    save(`${name}.png`, 'image/png', canvas.toDataURL('image/png').split(',')[1], true);
  };
  img.src = url;
}

const csvCell = (v: string | number) =>
  /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
const csv = (rows: (string | number)[][]) => `${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;

/** A card with a title, export buttons and a body; returns the body. */
function card(id: string, title: string, rows: () => (string | number)[][]) {
  const c = root.append('section').attr('class', 'card').attr('id', id);
  const head = c.append('div').attr('class', 'card-head');
  head.append('h2').text(title);
  const tools = head.append('div').attr('class', 'tools');
  const svgOf = () => c.select<SVGSVGElement>('svg').node();
  tools
    .append('button')
    .text('SVG')
    .attr('title', tr('Save as SVG'))
    .on('click', () => {
      const svg = svgOf();
      if (svg) save(`${id}.svg`, 'image/svg+xml', standaloneSvg(svg));
    });
  tools
    .append('button')
    .text('PNG')
    .attr('title', tr('Save as PNG'))
    .on('click', () => {
      const svg = svgOf();
      if (svg) savePng(svg, id);
    });
  tools
    .append('button')
    .text('CSV')
    .attr('title', tr('Save the data as CSV'))
    .on('click', () => {
      save(`${id}.csv`, 'text/csv', csv(rows()));
    });
  return c.append('div').attr('class', 'card-body');
}

/** Lists a selection's statements: asked of the extension in VS Code, else from the page's data. */
function list(title: string, filter: StatementFilter): void {
  if (vscode) vscode.postMessage({ type: 'list', title, filter });
  else showList(title, statementsMatching(report, statements, filter));
}

function showList(title: string, found: { statements: Statement[]; total: number }): void {
  const panel = d3.select('#statements');
  panel.selectAll('*').remove();
  panel.append('h2').text(`${title} — ${trn(found.total, '{0} statement|{0} statements')}`);
  const ul = panel.append('ul');
  for (const s of found.statements) {
    const li = ul.append('li').attr('tabindex', 0).attr('role', 'button');
    li.append('span')
      .attr('class', 'src')
      .text(s.source || tr('(no source named)'));
    li.append('span').attr('class', 'cue').text(` ${s.cue} `);
    li.append('span').attr('class', 'content').text(s.content);
    li.append('span').attr('class', 'where').text(` — ${s.article}`);
    const open = () => vscode?.postMessage({ type: 'open', article: s.article, start: s.start, end: s.end });
    li.on('click', open).on('keydown', (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') open();
    });
  }
  if (found.total > found.statements.length)
    panel.append('p').text(tr('… and {0} more', found.total - found.statements.length));
  (panel.node() as HTMLElement | null)?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
}

window.addEventListener('message', (e: MessageEvent) => {
  const m = e.data as { type?: string; title?: string; statements?: Statement[]; total?: number };
  if (m?.type === 'statements' && Array.isArray(m.statements))
    showList(String(m.title ?? ''), { statements: m.statements, total: Number(m.total) || 0 });
});

/** Horizontal bars; a click lists the bar's statements. */
function bars(
  body: d3.Selection<HTMLDivElement, unknown, HTMLElement, unknown>,
  data: Bar[],
  unit = '',
): void {
  const width = 640;
  const rowH = 22;
  const labelW = 220;
  const height = Math.max(rowH, data.length * rowH) + 8;
  const x = d3
    .scaleLinear()
    .domain([0, d3.max(data, (d) => d.value) || 1])
    .range([0, width - labelW - 90]);
  const svg = body.append('svg').attr('width', width).attr('height', height).attr('role', 'img');
  const g = svg
    .selectAll('g')
    .data(data)
    .join('g')
    .attr('class', (d) => `bar${d.highlight ? ' highlight' : ''}`)
    .attr('transform', (_, i) => `translate(0,${i * rowH + 4})`)
    .attr('tabindex', 0)
    .on('click', (_e, d) => list(d.label, d.filter))
    .on('keydown', (e: KeyboardEvent, d) => {
      if (e.key === 'Enter') list(d.label, d.filter);
    });
  g.append('text')
    .attr('class', 'label')
    .attr('x', labelW - 6)
    .attr('y', rowH / 2)
    .attr('text-anchor', 'end')
    .attr('dominant-baseline', 'middle')
    .text((d) => (d.label.length > 32 ? `${d.label.slice(0, 31)}…` : d.label));
  g.append('rect')
    .attr('x', labelW)
    .attr('height', rowH - 6)
    .attr('width', (d) => Math.max(1, x(d.value)));
  g.append('text')
    .attr('class', 'value')
    .attr('x', (d) => labelW + x(d.value) + 4)
    .attr('y', rowH / 2)
    .attr('dominant-baseline', 'middle')
    .text((d) => `${d.value}${unit}${d.note ? ` (${d.note})` : ''}`);
  g.append('title').text((d) => `${d.label}: ${d.value}${unit}${d.note ? ` (${d.note})` : ''}`);
}

function charts(): void {
  const kinds = Object.entries(report.statements.byKind).sort((a, b) => b[1] - a[1]);
  bars(
    card('statements-by-kind', tr('Statements by source kind'), () => [['kind', 'statements'], ...kinds]),
    kinds.map(([k, n]) => ({ label: tr(k), value: n, filter: { kind: k } })),
  );
  const top = report.sources.filter((s) => s.kind !== 'anonymous' && s.kind !== 'none').slice(0, 15);
  bars(
    card('most-cited-sources', tr('Most cited sources'), () => [
      ['source', 'kind', 'statements', 'articles', 'stateMedia'],
      ...report.sources.map((s) => [s.name, s.kind, s.statements, s.articles, String(s.stateMedia)]),
    ]),
    top.map((s) => ({
      label: s.name,
      value: s.statements,
      note: trn(s.articles, '{0} article|{0} articles'),
      highlight: s.stateMedia,
      filter: { source: s.name },
    })),
  );
  const outlets = report.outlets.filter((o) => o.statements > 0).slice(0, 15);
  bars(
    card('anonymous-by-outlet', tr('Share of anonymous statements per outlet'), () => [
      ['outlet', 'articles', 'statements', 'anonymous'],
      ...report.outlets.map((o) => [o.name, o.articles, o.statements, o.anonymous]),
    ]),
    outlets.map((o) => ({
      label: o.name,
      value: pct(o.anonymous, o.statements),
      note: tr('{0} of {1}', o.anonymous, o.statements),
      filter: { anonymous: true, outlet: o.name },
    })),
    ' %',
  );
  const articles = report.perArticle
    .filter((a) => a.statements > 0)
    .sort(
      (a, b) =>
        pct(b.anonymous, b.statements) - pct(a.anonymous, a.statements) || b.statements - a.statements,
    )
    .slice(0, 15);
  bars(
    card('anonymous-by-article', tr('Share of anonymous statements per article'), () => [
      ['article', 'statements', 'anonymous', 'outlet', 'date'],
      ...report.perArticle.map((a) => [a.id, a.statements, a.anonymous, a.outlet ?? '', a.date ?? '']),
    ]),
    articles.map((a) => ({
      label: a.id,
      value: pct(a.anonymous, a.statements),
      note: tr('{0} of {1}', a.anonymous, a.statements),
      filter: { article: a.id },
    })),
    ' %',
  );
  const sm = report.stateMediaCitations.slice(0, 15);
  const smBody = card('state-media-citations', tr('State-media citations'), () => [
    ['source', 'stateMedia', 'count'],
    ...report.stateMediaCitations.map((c) => [c.source, c.stateMedia, c.count]),
  ]);
  if (sm.length)
    bars(
      smBody,
      sm.map((c) => ({
        label: `${c.source} ← ${c.stateMedia}`,
        value: c.count,
        highlight: true,
        filter: { source: c.stateMedia },
      })),
    );
  else smBody.append('p').attr('class', 'empty').text(tr('No statement in this corpus cites state media.'));
  network(
    card('who-cites-whom', tr('Who cites whom'), () => [
      ['from', 'to', 'count'],
      ...report.network.map((e) => [e.from, e.to, e.count]),
    ]),
  );
  if (report.byDate.length) timeline();
}

function timeline(): void {
  const body = card('over-time', tr('Statements over time'), () => [
    ['date', 'articles', 'statements', 'anonymous'],
    ...report.byDate.map((d) => [d.date, d.articles, d.statements, d.anonymous]),
  ]);
  const width = 640;
  const height = 200;
  const m = { l: 36, r: 10, t: 10, b: 40 };
  const x = d3
    .scaleBand()
    .domain(report.byDate.map((d) => d.date))
    .range([m.l, width - m.r])
    .padding(0.15);
  const y = d3
    .scaleLinear()
    .domain([0, d3.max(report.byDate, (d) => d.statements) || 1])
    .nice()
    .range([height - m.b, m.t]);
  const svg = body.append('svg').attr('width', width).attr('height', height).attr('role', 'img');
  const g = svg
    .selectAll('g.day')
    .data(report.byDate)
    .join('g')
    .attr('class', 'day')
    .attr('tabindex', 0)
    .on('click', (_e, d) => list(d.date, { date: d.date }));
  g.append('rect')
    .attr('class', 'all')
    .attr('x', (d) => x(d.date)!)
    .attr('width', x.bandwidth())
    .attr('y', (d) => y(d.statements))
    .attr('height', (d) => y(0) - y(d.statements));
  g.append('rect')
    .attr('class', 'anon')
    .attr('x', (d) => x(d.date)!)
    .attr('width', x.bandwidth())
    .attr('y', (d) => y(d.anonymous))
    .attr('height', (d) => y(0) - y(d.anonymous));
  g.append('title').text((d) => tr('{0}: {1} statements, {2} anonymous', d.date, d.statements, d.anonymous));
  const ticks = x.domain().filter((_, i, all) => i % Math.ceil(all.length / 8) === 0);
  svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${height - m.b})`)
    .call(d3.axisBottom(x).tickValues(ticks));
  svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${m.l},0)`)
    .call(d3.axisLeft(y).ticks(5));
}

interface Node extends d3.SimulationNodeDatum {
  id: string;
  statements: number;
  stateMedia: boolean;
}
interface Link extends d3.SimulationLinkDatum<Node> {
  count: number;
}

function network(body: d3.Selection<HTMLDivElement, unknown, HTMLElement, unknown>): void {
  const edges = report.network.slice(0, 80);
  if (!edges.length) {
    body.append('p').attr('class', 'empty').text(tr('No source in this corpus cites another.'));
    return;
  }
  const width = 640;
  const height = 420;
  const byName = new Map(report.sources.map((s) => [s.name, s]));
  const nodes: Node[] = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort().map((id) => ({
    id,
    statements: byName.get(id)?.statements ?? 1,
    stateMedia: !!byName.get(id)?.stateMedia,
  }));
  const links: Link[] = edges.map((e) => ({ source: e.from, target: e.to, count: e.count }));
  const r = d3
    .scaleSqrt()
    .domain([1, d3.max(nodes, (n) => n.statements) || 1])
    .range([4, 16]);
  // A fixed number of ticks from a fixed start: the same layout every time (no animation).
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length;
    n.x = width / 2 + 150 * Math.cos(a);
    n.y = height / 2 + 150 * Math.sin(a);
  });
  const sim = d3
    .forceSimulation(nodes)
    .force(
      'link',
      d3
        .forceLink<Node, Link>(links)
        .id((n) => n.id)
        .distance(70),
    )
    .force('charge', d3.forceManyBody().strength(-160))
    .force('center', d3.forceCenter(width / 2, height / 2))
    .force(
      'collide',
      d3.forceCollide<Node>((n) => r(n.statements) + 4),
    )
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
  for (const n of nodes) {
    n.x = clamp(n.x ?? 0, 20, width - 20);
    n.y = clamp(n.y ?? 0, 20, height - 20);
  }
  const svg = body.append('svg').attr('width', width).attr('height', height).attr('role', 'img');
  svg
    .append('defs')
    .append('marker')
    .attr('id', 'arrow')
    .attr('viewBox', '0 -4 8 8')
    .attr('refX', 8)
    .attr('markerWidth', 6)
    .attr('markerHeight', 6)
    .attr('orient', 'auto')
    .append('path')
    .attr('class', 'arrow')
    .attr('d', 'M0,-4L8,0L0,4');
  svg
    .append('g')
    .selectAll('line')
    .data(links)
    .join('line')
    .attr('class', 'link')
    .attr('stroke-width', (l) => Math.min(6, 1 + Math.log2(l.count)))
    .attr('x1', (l) => (l.source as Node).x!)
    .attr('y1', (l) => (l.source as Node).y!)
    .attr('x2', (l) => {
      const s = l.source as Node;
      const t = l.target as Node;
      const d = Math.hypot(t.x! - s.x!, t.y! - s.y!) || 1;
      return t.x! - ((t.x! - s.x!) * (r(t.statements) + 2)) / d;
    })
    .attr('y2', (l) => {
      const s = l.source as Node;
      const t = l.target as Node;
      const d = Math.hypot(t.x! - s.x!, t.y! - s.y!) || 1;
      return t.y! - ((t.y! - s.y!) * (r(t.statements) + 2)) / d;
    })
    .attr('marker-end', 'url(#arrow)')
    .append('title')
    .text((l) => `${(l.source as Node).id} → ${(l.target as Node).id} ×${l.count}`);
  const g = svg
    .append('g')
    .selectAll('g')
    .data(nodes)
    .join('g')
    .attr('class', (n) => `node${n.stateMedia ? ' highlight' : ''}`)
    .attr('transform', (n) => `translate(${n.x},${n.y})`)
    .attr('tabindex', 0)
    .on('click', (_e, n) => list(n.id, { source: n.id }));
  g.append('circle').attr('r', (n) => r(n.statements));
  g.append('text')
    .attr('x', (n) => r(n.statements) + 3)
    .attr('dominant-baseline', 'middle')
    .text((n) => (n.id.length > 24 ? `${n.id.slice(0, 23)}…` : n.id));
  g.append('title').text((n) => tr('{0}: {1} statements', n.id, n.statements));
}

header();
charts();
root
  .append('section')
  .attr('id', 'statements')
  .attr('class', 'card')
  .append('p')
  .text(tr('Click a bar or a node to list its statements.'));
