/**
 * Corpus benchmarks (`npm run bench`): 10,000 articles (~50 MB) made at run time from the eval
 * texts (or the seeds), written to a temporary folder and removed after. Measures the index
 * build (every article's part, one core, in a fresh process, with its peak memory), one changed
 * article, the report page, and `newsmark corpus --json` over the folder.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const MB = 1024 * 1024;

function evalTexts(evalDir: string, root: string): string[] {
  const out: string[] = [];
  for (const f of ['ner-uk-v2-train.jsonl', 'polnear-train.jsonl', 'uk-attribution-dev.jsonl']) {
    const p = path.join(evalDir, f);
    if (!fs.existsSync(p)) continue;
    for (const l of fs.readFileSync(p, 'utf8').split('\n'))
      if (l.trim()) out.push((JSON.parse(l) as { text: string }).text);
  }
  if (out.length) return out;
  return fs
    .readdirSync(path.join(root, 'seeds'))
    .map((f) => fs.readFileSync(path.join(root, 'seeds', f), 'utf8'));
}

/** 10,000 articles (one eval text each, a dateline first), dated over a year, in 100 folders. */
function makeCorpus(texts: string[], n: number): { dir: string; bytes: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-corpus-bench-'));
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2023, 0, 1) + (i % 365) * 86400000).toISOString().slice(0, 10);
    const text = `${day}\n\n${texts[(i * 7) % texts.length]}\n`;
    const sub = path.join(dir, `f${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) fs.mkdirSync(sub);
    fs.writeFileSync(path.join(sub, `a${i}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, bytes };
}

/** The index build as the corpus worker does it, in a fresh process on one core. */
const BUILD = (engine: string, dir: string) => `
const fs = require('fs'), path = require('path');
const e = require(${JSON.stringify(engine)});
let peak = 0; const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };
const timer = setInterval(sample, 50);
const files = [];
for (const sub of fs.readdirSync(${JSON.stringify(dir)}).sort())
  for (const f of fs.readdirSync(path.join(${JSON.stringify(dir)}, sub)).sort()) files.push(path.join(${JSON.stringify(dir)}, sub, f));
const t0 = performance.now();
const parts = new Map();
for (const f of files) { parts.set(f, e.articleFilePart(path.relative(${JSON.stringify(dir)}, f), f, fs.readFileSync(f, 'utf8'))); if (parts.size % 500 === 0) sample(); }
const build = performance.now() - t0; sample();
const merged = () => { const all = e.emptyPart(); for (const p of parts.values()) e.mergeParts(all, p); return all; };
let t1 = performance.now();
const report = e.corpusReport(merged(), {}, true);
const reportMs = performance.now() - t1;
t1 = performance.now();
const html = e.corpusPageHtml(e.pageData(report), { script: { src: 'x.js' }, style: { href: 'x.css' }, nonce: 'n', cspSource: 'self' });
const pageMs = performance.now() - t1;
const one = files[1234];
t1 = performance.now();
parts.set(one, e.articleFilePart(path.relative(${JSON.stringify(dir)}, one), one, fs.readFileSync(one, 'utf8')));
const updateMs = performance.now() - t1;
t1 = performance.now();
e.corpusReport(merged(), {}, true);
const afterUpdateMs = performance.now() - t1;
sample(); clearInterval(timer);
console.log(JSON.stringify({ build, reportMs, pageMs, updateMs, afterUpdateMs, peak, html: html.length, statements: report.statements.total, entities: report.entities.length, sources: report.sources.length }));
`;

export function benchCorpus(evalDir: string, root: string): void {
  const n = 10000;
  const { dir, bytes } = makeCorpus(evalTexts(evalDir, root), n);
  try {
    console.log(`\ncorpus: ${n} articles, ${(bytes / MB).toFixed(1)} MB (made at run time, removed after):`);
    const r = spawnSync(process.execPath, ['-e', BUILD(path.join(root, 'dist/engine.js'), dir)], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    if (r.status !== 0) throw new Error(r.stderr);
    const m = JSON.parse(r.stdout) as Record<string, number>;
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `  index built (every article's part, one core):  ${s(m.build)} (target ≤ 60 s), peak memory ${(m.peak / MB).toFixed(0)} MB (target ≤ 1 GB)`,
    );
    console.log(
      `  one changed article re-indexed:               ${m.updateMs.toFixed(1)} ms (target ≤ 200 ms)`,
    );
    console.log(
      `  report page opened from the index's report:  ${m.pageMs.toFixed(0)} ms, ${(m.html / MB).toFixed(1)} MB (target ≤ 1 s)`,
    );
    console.log(
      `  the report itself (merge + group + stats, made ahead after a change): ${m.reportMs.toFixed(0)} ms; again after one change ${m.afterUpdateMs.toFixed(0)} ms`,
    );
    console.log(`  found: ${m.statements} statements, ${m.sources} sources, ${m.entities} entities`);
    const t0 = performance.now();
    const cli = spawnSync(process.execPath, [path.join(root, 'bin/newsmark.js'), 'corpus', '--json', dir], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const cliMs = performance.now() - t0;
    if (cli.status !== 0) throw new Error(cli.stderr);
    console.log(`  newsmark corpus --json over the folder:       ${s(cliMs)} (target ≤ 90 s)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
