/**
 * `npm run bench`: analysis throughput on a corpus built at run time (never committed): the
 * texts of ../shared/eval repeated, or the seed articles when the eval data is absent.
 * Prints MB/s for uk and en — a first (cold) pass, a second (warm) pass, and text the engine has
 * not seen in this process — the time for 1, 5 and 20 MB articles, and peak memory.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Language } from '../core';
import { analyze } from '../core';
import { benchCorpus } from './benchCorpus';
import { benchHostile } from './benchHostile';
import { benchModel } from './benchModel';

const root = path.resolve(__dirname, '..');
const evalDir = process.env.NEWSMARK_EVAL_DIR ?? path.resolve(root, '../shared/eval');

function texts(file: string): string[] {
  const p = path.join(evalDir, file);
  if (!fs.existsSync(p)) return [];
  return fs
    .readFileSync(p, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

/** Whole articles (the eval texts, or the seeds), repeated until `bytes` of UTF-8. */
function articles(lang: Language, bytes: number, unseen = false): string[] {
  let parts = unseen
    ? lang === 'en'
      ? texts('polnear-train.jsonl')
      : texts('ner-uk-v2-train.jsonl').slice(200)
    : lang === 'en'
      ? texts('polnear-dev.jsonl')
      : [...texts('uk-attribution-dev.jsonl'), ...texts('ner-uk-v2-train.jsonl').slice(0, 200)];
  if (!parts.length) {
    if (unseen) return [];
    const seeds = fs
      .readdirSync(path.join(root, 'seeds'))
      .map((f) => fs.readFileSync(path.join(root, 'seeds', f), 'utf8'));
    parts = seeds.filter((t) => (lang === 'en' ? /[a-z]{4}/.test(t.slice(0, 200)) : /[іїє]/.test(t)));
  }
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes && (!unseen || i < parts.length); i++) {
    const t = parts[i % parts.length];
    out.push(t);
    size += Buffer.byteLength(t) + 2;
  }
  return out;
}

/** MB/s over a list of articles, each analysed on its own. */
function throughput(list: string[], lang: Language): { mb: number; rate: number } {
  const t0 = performance.now();
  let bytes = 0;
  for (const a of list) {
    analyze(a, { language: lang });
    bytes += Buffer.byteLength(a);
  }
  const s = (performance.now() - t0) / 1000;
  return { mb: bytes / MB, rate: bytes / MB / s };
}

/** One long article made of many. */
function corpus(lang: Language, bytes: number): string {
  return articles(lang, bytes).join('\n\n');
}

function time(text: string, lang: Language): number {
  const t0 = performance.now();
  analyze(text, { language: lang });
  return (performance.now() - t0) / 1000;
}

const MB = 1024 * 1024;
let peak = 0;
const sample = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);

console.log('Newsmark benchmark (one core, single thread)');
console.log(
  `corpus: ${fs.existsSync(evalDir) ? evalDir : 'seeds/'} texts, repeated; built in memory, never written`,
);
console.log(
  'unseen text: polnear-train (en) and the NER-UK texts not in the corpus (uk), analysed after the passes above',
);
console.log('\nthroughput, articles analysed one at a time (MB of UTF-8 per second):');
console.log('  lang  corpus                        first pass  steady state  unseen text');
for (const lang of ['uk', 'en'] as Language[]) {
  const list = articles(lang, 5 * MB);
  // First pass: the JIT and the engine's word caches start cold; then steady state, the best of
  // three passes (the least disturbed by the rest of the machine).
  const first = throughput(list, lang);
  const second = [throughput(list, lang), throughput(list, lang), throughput(list, lang)].reduce((x, y) =>
    y.rate > x.rate ? y : x,
  );
  // Articles this process has not analysed: new words miss the caches.
  const fresh = articles(lang, 5 * MB, true);
  const unseen = fresh.length
    ? `${throughput(fresh, lang).rate.toFixed(2)} (${fresh.length} articles)`
    : 'n/a';
  console.log(
    `  ${lang}    ${list.length} articles, ${first.mb.toFixed(1)} MB`.padEnd(38) +
      `${first.rate.toFixed(2).padStart(10)}  ${second.rate.toFixed(2).padStart(12)}  ${unseen}`,
  );
}
console.log('\none article of growing size (should grow linearly):');
console.log('  lang  size    seconds  MB/s');
for (const lang of ['uk', 'en'] as Language[]) {
  for (const size of [1, 5, 20]) {
    const text = corpus(lang, size * MB);
    const s = time(text, lang);
    const mb = Buffer.byteLength(text) / MB;
    console.log(
      `  ${lang}    ${String(size).padStart(2)} MB   ${s.toFixed(2).padStart(7)}  ${(mb / s).toFixed(2)}`,
    );
  }
}
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(`\npeak memory (RSS): ${(peak / MB).toFixed(0)} MB`);
besideWink();
cliAgainstInProcess();
benchModel(evalDir, root, corpus('uk', 2 * MB));
benchHostile(fs.readFileSync(path.join(root, 'seeds/uk-ukrinform-kndr-russia.txt'), 'utf8'));
benchCorpus(evalDir, root);

/**
 * English news, article by article, beside wink-nlp (tokens and named entities only) in this
 * process: the best of eight alternating passes of each (a dev dependency, for this comparison only).
 */
function besideWink(): void {
  let nlp: {
    readDoc(t: string): { tokens(): { out(): unknown }; entities(): { out(d?: unknown): unknown } };
  };
  let detail: unknown;
  try {
    const winkNLP = require('wink-nlp');
    nlp = winkNLP(require('wink-eng-lite-web-model'));
    detail = (nlp as unknown as { its: { detail: unknown } }).its.detail;
  } catch {
    console.log('\nEnglish beside wink-nlp: skipped (wink-nlp is a dev dependency: npm ci)');
    return;
  }
  const list = articles('en', 2 * MB);
  const bytes = list.reduce((n, t) => n + Buffer.byteLength(t), 0);
  let wink = Infinity;
  let ours = Infinity;
  for (let r = 0; r < 8; r++) {
    let t0 = performance.now();
    for (const t of list) {
      const doc = nlp.readDoc(t);
      doc.tokens().out();
      doc.entities().out(detail);
    }
    wink = Math.min(wink, performance.now() - t0);
    t0 = performance.now();
    for (const t of list) analyze(t, { language: 'en' });
    ours = Math.min(ours, performance.now() - t0);
  }
  const rate = (ms: number) => bytes / MB / (ms / 1000);
  console.log(
    `\nEnglish beside wink-nlp (${list.length} articles, ${(bytes / MB).toFixed(1)} MB, best of 8 alternating passes):`,
  );
  console.log(`  wink-nlp (tokens + entities)   ${rate(wink).toFixed(2)} MB/s`);
  console.log(
    `  Newsmark (entities, attributions, sources)   ${rate(ours).toFixed(2)} MB/s   ${(wink / ours).toFixed(2)}× wink-nlp`,
  );
}

/**
 * `newsmark analyze --json` on one ~7 MB Ukrainian article, against the same analysis in this
 * process started cold (a fresh process, as the CLI is): the CLI's overhead is its start, reading
 * and writing.
 */
function cliAgainstInProcess(): void {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-bench-')), 'article.txt');
  fs.writeFileSync(file, corpus('uk', 7 * MB));
  const mb = fs.statSync(file).size / MB;
  const cold = `const {analyze}=require(${JSON.stringify(path.join(root, 'dist/engine.js'))});const t=require('fs').readFileSync(${JSON.stringify(file)},'utf8');const t0=performance.now();analyze(t);console.log(performance.now()-t0)`;
  const inProcess: number[] = [];
  const cli: number[] = [];
  for (let r = 0; r < 3; r++) {
    inProcess.push(Number(spawnSync(process.execPath, ['-e', cold], { encoding: 'utf8' }).stdout));
    const t0 = performance.now();
    spawnSync(process.execPath, [path.join(root, 'bin/newsmark.js'), 'analyze', '--json', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 30,
    });
    cli.push(performance.now() - t0);
  }
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
  const rIn = mb / (med(inProcess) / 1000);
  const rCli = mb / (med(cli) / 1000);
  console.log(
    `\nCLI against in-process, one ${mb.toFixed(1)} MB Ukrainian article (median of 3, each in a fresh process):`,
  );
  console.log(`  analyze() in process   ${rIn.toFixed(2)} MB/s`);
  console.log(
    `  newsmark analyze --json (whole process, output to a pipe)   ${rCli.toFixed(2)} MB/s = ${((100 * rCli) / rIn).toFixed(0)} % of in-process`,
  );
}
