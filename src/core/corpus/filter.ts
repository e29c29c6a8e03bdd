/**
 * Which statements a chart's bar or node stands for: a filter both the report page (on the data
 * it embeds) and the extension (on the whole index) apply, so a click lists the same statements.
 */
import type { StatementRef } from './part';
import type { CorpusReport } from './report';

export interface StatementFilter {
  source?: string;
  kind?: string;
  outlet?: string;
  article?: string;
  date?: string;
  anonymous?: boolean;
}

/** Looks up what a filter needs from the report once, not per statement. */
export function statementMatcher(report: CorpusReport, f: StatementFilter): (s: StatementRef) => boolean {
  const kindOf = new Map(report.sources.map((s) => [s.name, s.kind]));
  const art = new Map(report.perArticle.map((a) => [a.id, a]));
  return (s) =>
    (f.source === undefined || s.source === f.source) &&
    (f.kind === undefined || kindOf.get(s.source) === f.kind) &&
    (f.article === undefined || s.article === f.article) &&
    (f.outlet === undefined || art.get(s.article)?.outlet === f.outlet) &&
    (f.date === undefined || art.get(s.article)?.date === f.date) &&
    (f.anonymous === undefined || s.anonymous === f.anonymous);
}

/** The first `limit` statements a filter selects, and how many it selects in all. */
export function statementsMatching(
  report: CorpusReport,
  statements: StatementRef[],
  f: StatementFilter,
  limit = 300,
): { statements: StatementRef[]; total: number } {
  const match = statementMatcher(report, f);
  const out: StatementRef[] = [];
  let total = 0;
  for (const s of statements)
    if (match(s)) {
      total++;
      if (out.length < limit) out.push(s);
    }
  return { statements: out, total };
}
