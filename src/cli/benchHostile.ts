/**
 * Hostile input (part of `npm run bench`): texts built to make rules do more than linear work.
 * Each family is analysed at n and 4n characters; time at 4n over time at n should stay near 4
 * (linear; the target is ≤ 5), and every size under 1 s per 100 KB. Also the human view and the
 * report of a large article, and re-anchoring a hostile sidecar.
 */
import { AnnotationSet, analyze, buildExport, describe, type Sidecar, toReport } from '../core';
import { renderHuman } from './render';

const rep = (s: string, n: number) => s.repeat(Math.ceil(n / s.length)).slice(0, n);

export const FAMILIES: Record<string, (n: number) => string> = {
  'dots then a letter': (n) => `${'.'.repeat(n)}a`,
  '!?… repeated': (n) => `${rep('!?…', n)}a`,
  'quotation marks «„“"‹‘': (n) => rep('«„“"‹‘', n),
  'glued words (щепленняЯк)': (n) => rep('щепленняЯк', n),
  'capitalised words, no stop': (n) => rep('Alpha Beta Gamma Delta ', n),
  'Ukrainian places, no stop': (n) => rep('Київ Львів Одеса Харків ', n),
  '"Yes," said John Smith. (one line)': (n) => rep('"Yes," said John Smith. ', n),
  'з посиланням на (repeated)': (n) => rep('з посиланням на ', n),
  'lower-case English, no stop': (n) => rep('the minister said that the plan would work and ', n),
};

function ms(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

function families(n: number): void {
  console.log(
    `\nhostile input, analysed at ${n / 1000} K and ${(4 * n) / 1000} K characters (time at 4n / time at n; linear ≈ 4):`,
  );
  for (const [name, make] of Object.entries(FAMILIES)) {
    analyze(make(2000)); // warm-up
    const a = ms(() => analyze(make(n)));
    const b = ms(() => analyze(make(4 * n)));
    const per100k = (b / 1000) * (100_000 / (4 * n));
    console.log(
      `  ${name.padEnd(38)} ${a.toFixed(0).padStart(6)} ms ${b.toFixed(0).padStart(7)} ms   ×${(b / Math.max(a, 1)).toFixed(1).padStart(4)}   ${per100k.toFixed(2)} s / 100 KB`,
    );
  }
}

function views(seed: string): void {
  console.log('\nthe human view and the report of one article (a real one, repeated):');
  for (const mb of [1, 4]) {
    const text = rep(`${seed}\n\n`, mb * 1_000_000);
    const a = analyze(text);
    const human = ms(() => renderHuman('a.txt', text, a, false));
    const report = ms(() => toReport(buildExport('a.txt', text, a, undefined, 'both'), 'html'));
    console.log(`  ${mb} MB: human view ${human.toFixed(0)} ms, HTML report ${report.toFixed(0)} ms`);
  }
}

/** 300 annotations of 5,000-character quotes, each changed, on a 256 KB article, with a wrong hash. */
function hostileSidecar(seed: string): void {
  let text = '';
  for (let i = 0; text.length < 256 * 1024; i++) text += `${seed.replace(/\s(\S{4,})\s/, ` $1${i} `)}\n\n`;
  let r = 7;
  const rand = () => {
    r = (r * 1103515245 + 12345) & 0x7fffffff;
    return r / 0x7fffffff;
  };
  const annotations = Array.from({ length: 300 }, (_, i) => {
    const start = Math.floor(rand() * (text.length - 6000));
    const target = describe(text, start, start + 5000);
    const q = target.quote.exact.split('');
    for (let k = 0; k < 20; k++) q[Math.floor(rand() * q.length)] = '#';
    target.quote.exact = q.join('');
    const at = '2026-01-01T00:00:00.000Z';
    return {
      id: `01J${String(i).padStart(23, '0')}`,
      label: 'NOTE',
      author: 'x',
      created: at,
      modified: at,
      target,
    };
  });
  const sidecar = {
    $schema: '',
    version: 1,
    article: 'a.txt',
    textHash: 'sha256:0',
    positionUnit: 'utf-16',
    annotations,
  } as unknown as Sidecar;
  let set: AnnotationSet | undefined;
  const t = ms(() => {
    set = new AnnotationSet(
      sidecar,
      text,
      () => 'sha256:1',
      () => 'me',
    );
  });
  console.log(
    `\na hostile sidecar (300 changed 5,000-character quotes, 256 KB article): re-anchored in ${t.toFixed(0)} ms, ${set!.placed.length} placed, ${set!.orphans.length} orphans (the work budget)`,
  );
}

export function benchHostile(seed: string): void {
  families(64_000);
  views(seed);
  hostileSidecar(seed);
}
