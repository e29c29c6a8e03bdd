/**
 * An article's date, where it carries one: `date:` in Markdown front matter, else an ISO date or a
 * day.month.year date in its first lines (a dateline). Returned as YYYY-MM-DD.
 */
const FRONT_MATTER = /^---\r?\n[\s\S]*?^date:\s*["']?(\d{4}-\d{2}-\d{2})/m;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const DMY = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/;

const valid = (y: number, m: number, d: number) =>
  y > 1900 && y < 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export function articleDate(text: string): string | undefined {
  const head = text.slice(0, 600);
  if (head.startsWith('---')) {
    const fm = FRONT_MATTER.exec(head);
    if (fm) return fm[1];
  }
  const lines = head.split('\n').slice(0, 5).join('\n');
  const i = ISO.exec(lines);
  if (i && valid(+i[1], +i[2], +i[3])) return iso(+i[1], +i[2], +i[3]);
  const d = DMY.exec(lines);
  if (d && valid(+d[3], +d[2], +d[1])) return iso(+d[3], +d[2], +d[1]);
  return undefined;
}
