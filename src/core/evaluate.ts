/**
 * Scoring against gold data in the shape of ../shared/eval (NER-UK and PolNeAR JSONL):
 * exact-match P/R/F1 for entities; character-overlap and exact-match P/R/F1 per attribution role;
 * attribution-level F1 (cue overlaps a gold cue and source overlaps its source, or both empty).
 */
import type { Analysis, EntityType, Span } from './types';

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

export interface NerGold {
  id: string;
  source?: string;
  text: string;
  entities: { label: string; start: number; end: number }[];
}

const NER_MAP: Record<string, EntityType> = { PERS: 'PER', PER: 'PER', ORG: 'ORG', LOC: 'LOC' };

export class NerScorer {
  private counts = new Map<string, { tp: number; fp: number; fn: number }>();

  add(gold: NerGold, analysis: Analysis): void {
    const goldSet = new Set<string>();
    for (const e of gold.entities) {
      const t = NER_MAP[e.label];
      if (t) goldSet.add(`${e.start}:${e.end}:${t}`);
    }
    const predSet = new Set<string>();
    for (const ent of analysis.entities) {
      if (ent.type === 'MISC') continue;
      for (const m of ent.mentions) predSet.add(`${m.start}:${m.end}:${ent.type}`);
    }
    for (const group of ['ALL', `source=${gold.source ?? '-'}`]) {
      for (const k of predSet) this.bump(group, k.split(':')[2], goldSet.has(k) ? 'tp' : 'fp');
      for (const k of goldSet) if (!predSet.has(k)) this.bump(group, k.split(':')[2], 'fn');
    }
  }

  private bump(group: string, type: string, what: 'tp' | 'fp' | 'fn') {
    for (const key of [`${group}|${type}`, `${group}|micro`]) {
      const c = this.counts.get(key) ?? { tp: 0, fp: 0, fn: 0 };
      this.counts.set(key, c);
      c[what]++;
    }
  }

  table(): { group: string; type: string; score: PRF }[] {
    return [...this.counts.entries()]
      .map(([k, c]) => {
        const [group, type] = k.split('|');
        return { group, type, score: prf(c.tp, c.fp, c.fn) };
      })
      .sort((a, b) => a.group.localeCompare(b.group) || a.type.localeCompare(b.type));
  }
}

export interface AttributionGold {
  id: string;
  text: string;
  attributions: {
    cue: Span[];
    source: Span[];
    content: Span[];
    direct?: boolean;
    anonymous?: boolean;
    sourceKind?: string;
  }[];
}

type Role = 'cue' | 'source' | 'content';
const ROLES: Role[] = ['cue', 'source', 'content'];

function charSet(spans: Span[][]): Set<number> {
  const s = new Set<number>();
  for (const list of spans) for (const sp of list) for (let i = sp.start; i < sp.end; i++) s.add(i);
  return s;
}

const spanOverlap = (a: Span[], b: Span[]) =>
  a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));
const spanKey = (s: Span[]) => s.map((x) => `${x.start}-${x.end}`).join(',');

export class AttributionScorer {
  private chars = new Map<Role, { covered: number; pred: number; goldCovered: number; gold: number }>();
  private exact = new Map<Role, { tp: number; fp: number; fn: number }>();
  private level = { tp: 0, fp: 0, fn: 0 };
  private fields = { anonymousAgree: 0, directAgree: 0, kindAgree: 0, matched: 0 };

  add(gold: AttributionGold, analysis: Analysis): void {
    const pred = analysis.attributions;
    for (const role of ROLES) {
      const g = charSet(gold.attributions.map((a) => a[role]));
      const p = charSet(pred.map((a) => a[role]));
      let inter = 0;
      for (const i of p) if (g.has(i)) inter++;
      const c = this.chars.get(role) ?? { covered: 0, pred: 0, goldCovered: 0, gold: 0 };
      c.covered += inter;
      c.pred += p.size;
      c.goldCovered += inter;
      c.gold += g.size;
      this.chars.set(role, c);
      const gk = new Set(gold.attributions.filter((a) => a[role].length).map((a) => spanKey(a[role])));
      const pk = new Set(pred.filter((a) => a[role].length).map((a) => spanKey(a[role])));
      const e = this.exact.get(role) ?? { tp: 0, fp: 0, fn: 0 };
      for (const k of pk) gk.has(k) ? e.tp++ : e.fp++;
      for (const k of gk) if (!pk.has(k)) e.fn++;
      this.exact.set(role, e);
    }
    // Attribution level: greedy one-to-one matching.
    const used = new Set<number>();
    for (const p of pred) {
      const gi = gold.attributions.findIndex(
        (g, i) =>
          !used.has(i) &&
          spanOverlap(p.cue, g.cue) &&
          ((p.source.length === 0 && g.source.length === 0) || spanOverlap(p.source, g.source)),
      );
      if (gi >= 0) {
        used.add(gi);
        this.level.tp++;
        const g = gold.attributions[gi];
        this.fields.matched++;
        if (g.anonymous === undefined || g.anonymous === p.anonymous) this.fields.anonymousAgree++;
        if (g.direct === undefined || g.direct === p.direct) this.fields.directAgree++;
        if (g.sourceKind === undefined || g.sourceKind === p.sourceKind) this.fields.kindAgree++;
      } else this.level.fp++;
    }
    this.level.fn += gold.attributions.length - used.size;
  }

  table() {
    const rows: { metric: string; score: PRF }[] = [];
    for (const role of ROLES) {
      const c = this.chars.get(role)!;
      const precision = c.pred ? c.covered / c.pred : 0;
      const recall = c.gold ? c.goldCovered / c.gold : 0;
      const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
      rows.push({
        metric: `${role} (char overlap)`,
        score: { tp: c.covered, fp: c.pred - c.covered, fn: c.gold - c.goldCovered, precision, recall, f1 },
      });
    }
    for (const role of ROLES) {
      const e = this.exact.get(role)!;
      rows.push({ metric: `${role} (exact)`, score: prf(e.tp, e.fp, e.fn) });
    }
    rows.push({ metric: 'attribution', score: prf(this.level.tp, this.level.fp, this.level.fn) });
    const m = this.fields.matched || 1;
    return {
      rows,
      agreement: {
        anonymous: this.fields.anonymousAgree / m,
        direct: this.fields.directAgree / m,
        sourceKind: this.fields.kindAgree / m,
      },
    };
  }
}
