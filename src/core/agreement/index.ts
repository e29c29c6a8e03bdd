/**
 * Agreement between two annotators of the same articles: span precision, recall and F1 (exact,
 * and overlapping with the same label, each span matched once), Cohen's κ over the tokens (each
 * token labelled by the innermost span covering it, else O), per label and overall, and every
 * disagreement by kind. A is the reference for precision and recall; F1 and κ are symmetric.
 */
import { parseArticle } from '../article';
import type { Token } from '../text';

/** The word and number tokens of a text: what Cohen's κ counts over. */
export function wordTokensOf(text: string): Token[] {
  return parseArticle(text).paragraphs.flatMap((p) =>
    p.sentences.flatMap((s) => s.tokens.filter((t) => t.kind === 'word' || t.kind === 'number')),
  );
}

export interface LabelledSpan {
  start: number;
  end: number;
  label: string;
}

export type DisagreementKind = 'onlyA' | 'onlyB' | 'label' | 'boundary';

export interface Disagreement {
  file?: string;
  kind: DisagreementKind;
  start: number;
  end: number;
  text: string;
  a: string | null;
  b: string | null;
  /** The spans in disagreement, as each annotator marked them. */
  aSpan?: { start: number; end: number };
  bSpan?: { start: number; end: number };
}

export interface Counts {
  a: number;
  b: number;
  exact: number;
  overlap: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  exactF1: number;
  overlapF1: number;
}

export interface AgreementReport {
  overall: Scores & { kappa: number; tokens: number };
  perLabel: Record<string, Scores>;
  disagreements: Disagreement[];
}

const overlaps = (x: LabelledSpan, y: LabelledSpan) => x.start < y.end && y.start < x.end;
const same = (x: LabelledSpan, y: LabelledSpan) => x.start === y.start && x.end === y.end;
const byPosition = (x: LabelledSpan, y: LabelledSpan) => x.start - y.start || x.end - y.end;

/** Matches A's spans with B's: exact with the same label first, then overlapping ones. */
function match(a: LabelledSpan[], b: LabelledSpan[], text: string, file?: string) {
  const usedB = new Set<number>();
  const pairs: { x: LabelledSpan; y?: LabelledSpan; kind: 'exact' | DisagreementKind }[] = [];
  const rest: LabelledSpan[] = [];
  for (const x of a) {
    const j = b.findIndex((y, k) => !usedB.has(k) && same(x, y) && x.label === y.label);
    if (j < 0) rest.push(x);
    else {
      usedB.add(j);
      pairs.push({ x, y: b[j], kind: 'exact' });
    }
  }
  for (const x of rest) {
    // Same label first (a boundary conflict), else any overlapping span (a label conflict).
    let j = b.findIndex((y, k) => !usedB.has(k) && overlaps(x, y) && x.label === y.label);
    if (j < 0) j = b.findIndex((y, k) => !usedB.has(k) && overlaps(x, y));
    if (j >= 0) usedB.add(j);
    const y = j >= 0 ? b[j] : undefined;
    pairs.push({ x, y, kind: !y ? 'onlyA' : y.label === x.label ? 'boundary' : 'label' });
  }
  const disagreements: Disagreement[] = [];
  const at = (x: LabelledSpan) => ({ start: x.start, end: x.end });
  const note = (kind: DisagreementKind, x: LabelledSpan | undefined, y: LabelledSpan | undefined) => {
    const s = Math.min(x?.start ?? Number.POSITIVE_INFINITY, y?.start ?? Number.POSITIVE_INFINITY);
    const e = Math.max(x?.end ?? Number.NEGATIVE_INFINITY, y?.end ?? Number.NEGATIVE_INFINITY);
    disagreements.push({
      ...(file ? { file } : {}),
      kind,
      start: s,
      end: e,
      text: text.slice(s, e),
      a: x?.label ?? null,
      b: y?.label ?? null,
      ...(x ? { aSpan: at(x) } : {}),
      ...(y ? { bSpan: at(y) } : {}),
    });
  };
  for (const p of pairs) if (p.kind !== 'exact') note(p.kind as DisagreementKind, p.x, p.y);
  b.forEach((y, k) => {
    if (!usedB.has(k)) note('onlyB', undefined, y);
  });
  disagreements.sort((x, y) => x.start - y.start || x.end - y.end);
  return { pairs, disagreements };
}

/** Each token's label for one annotator: the innermost span covering it, else O. */
function tokenLabels(tokens: Token[], spans: LabelledSpan[]): string[] {
  const inner = [...spans].sort((x, y) => x.end - x.start - (y.end - y.start));
  return tokens.map((t) => inner.find((s) => s.start < t.end && t.start < s.end)?.label ?? 'O');
}

/** Collects articles one by one; report() gives the scores over all of them. */
export class Agreement {
  private readonly counts = new Map<string, Counts>();
  /** Token label pairs, A's label + '\u0000' + B's label → count. */
  private readonly confusion = new Map<string, number>();
  private tokens = 0;
  private readonly disagreements: Disagreement[] = [];

  private count(label: string): Counts {
    let c = this.counts.get(label);
    if (!c) {
      c = { a: 0, b: 0, exact: 0, overlap: 0 };
      this.counts.set(label, c);
    }
    return c;
  }

  add(text: string, tokens: Token[], a: LabelledSpan[], b: LabelledSpan[], file?: string): void {
    const sa = [...a].sort(byPosition);
    const sb = [...b].sort(byPosition);
    for (const x of sa) this.count(x.label).a++;
    for (const y of sb) this.count(y.label).b++;
    const { pairs, disagreements } = match(sa, sb, text, file);
    for (const p of pairs) {
      if (p.kind === 'exact') this.count(p.x.label).exact++;
      if (p.kind === 'exact' || p.kind === 'boundary') this.count(p.x.label).overlap++;
    }
    for (const d of disagreements) this.disagreements.push(d);
    const la = tokenLabels(tokens, sa);
    const lb = tokenLabels(tokens, sb);
    for (let i = 0; i < tokens.length; i++) {
      const key = `${la[i]}\u0000${lb[i]}`;
      this.confusion.set(key, (this.confusion.get(key) ?? 0) + 1);
    }
    this.tokens += tokens.length;
  }

  /** Cohen's κ over the tokens seen: 1 when they agree on every token. */
  kappa(): number {
    if (!this.tokens) return 1;
    const pa = new Map<string, number>();
    const pb = new Map<string, number>();
    let agree = 0;
    for (const [key, n] of this.confusion) {
      const [x, y] = key.split('\u0000');
      pa.set(x, (pa.get(x) ?? 0) + n);
      pb.set(y, (pb.get(y) ?? 0) + n);
      if (x === y) agree += n;
    }
    const po = agree / this.tokens;
    let pe = 0;
    for (const [l, n] of pa) pe += (n / this.tokens) * ((pb.get(l) ?? 0) / this.tokens);
    return pe >= 1 ? (po >= 1 ? 1 : 0) : (po - pe) / (1 - pe);
  }

  report(): AgreementReport {
    const total: Counts = { a: 0, b: 0, exact: 0, overlap: 0 };
    const perLabel: Record<string, Scores> = {};
    for (const [label, c] of [...this.counts].sort(([x], [y]) => (x < y ? -1 : 1))) {
      perLabel[label] = scores(c);
      for (const k of ['a', 'b', 'exact', 'overlap'] as const) total[k] += c[k];
    }
    return {
      overall: { ...scores(total), kappa: this.kappa(), tokens: this.tokens },
      perLabel,
      disagreements: this.disagreements,
    };
  }
}

function scores(c: Counts): Scores {
  const both = c.a + c.b;
  return {
    ...c,
    precision: c.b ? c.exact / c.b : 1,
    recall: c.a ? c.exact / c.a : 1,
    exactF1: both ? (2 * c.exact) / both : 1,
    overlapF1: both ? (2 * c.overlap) / both : 1,
  };
}
