/**
 * `newsmark agree [--json] [--by-author [--authors A,B]] [--min-f1 X] <A> [<B>]`: agreement between
 * two annotators — two sidecars of one article, two folders with the same article paths, or the
 * authors inside one sidecar or folder. `--min-f1` exits 1 when the overall exact F1 is below X, so
 * a team can gate a pull request on agreement in CI.
 */
import { type AgreementReport, compareAuthors, compareSides, type Scores } from '../core';
import { parseFlags, UsageError } from './args';
import { forTerminal, warn } from './terminal';

export const AGREE_USAGE =
  '  newsmark agree [--json] [--by-author [--authors A,B]] [--min-f1 X] <A> [<B>]   agreement between annotators';

const f3 = (x: number) => x.toFixed(3);

function row(name: string, s: Scores): string {
  return `  ${name.padEnd(14)} ${String(s.a).padStart(5)} ${String(s.b).padStart(5)} ${String(s.exact).padStart(6)}  ${f3(s.precision)}  ${f3(s.recall)}  ${f3(s.exactF1)}  ${f3(s.overlapF1)}`;
}

function human(r: AgreementReport, names: [string, string]): string {
  const lines = [
    `A = ${forTerminal(names[0])}, B = ${forTerminal(names[1])}`,
    `  ${'label'.padEnd(14)} ${'A'.padStart(5)} ${'B'.padStart(5)} ${'exact'.padStart(6)}  P      R      F1     overlap F1`,
    ...Object.entries(r.perLabel).map(([l, s]) => row(forTerminal(l), s)),
    row('overall', r.overall),
    `Cohen's kappa over ${r.overall.tokens} word tokens: ${f3(r.overall.kappa)}`,
  ];
  if (r.disagreements.length) {
    lines.push(`${r.disagreements.length} disagreements:`);
    for (const d of r.disagreements.slice(0, 50))
      lines.push(
        `  ${d.file ? `${forTerminal(d.file)} ` : ''}${d.start}-${d.end} ${d.kind.padEnd(8)} A ${forTerminal(d.a ?? '—')}, B ${forTerminal(d.b ?? '—')}: ${forTerminal(JSON.stringify(d.text.slice(0, 60)))}`,
      );
    if (r.disagreements.length > 50) lines.push(`  … ${r.disagreements.length - 50} more (--json lists all)`);
  }
  return `${lines.join('\n')}\n`;
}

export function cmdAgree(args: string[]): number {
  const { flags, rest } = parseFlags(args, {
    json: 'bool',
    'by-author': 'bool',
    authors: 'value',
    'min-f1': 'value',
  });
  const min = flags['min-f1'] === undefined ? undefined : Number(flags['min-f1']);
  if (min !== undefined && !(min >= 0 && min <= 1))
    throw new UsageError('--min-f1 must be a number from 0 to 1');
  const names = flags.authors
    ? String(flags.authors)
        .split(',')
        .map((s) => s.trim())
    : undefined;
  if (names && names.length !== 2) throw new UsageError('--authors takes two names: --authors A,B');
  let report: AgreementReport;
  let sides: [string, string];
  if (flags['by-author']) {
    if (rest.length !== 1) throw new UsageError('agree --by-author takes one sidecar or folder');
    const r = compareAuthors(rest[0], names);
    report = r;
    sides = r.authors;
  } else {
    if (rest.length !== 2)
      throw new UsageError('agree takes two sidecars or two folders (or --by-author and one)');
    report = compareSides(rest[0], rest[1], warn);
    sides = [rest[0], rest[1]];
  }
  process.stdout.write(
    flags.json ? `${JSON.stringify({ a: sides[0], b: sides[1], ...report })}\n` : human(report, sides),
  );
  if (min !== undefined && report.overall.exactF1 < min) {
    warn(`agreement ${f3(report.overall.exactF1)} is below --min-f1 ${min}`);
    return 1;
  }
  return 0;
}
