/**
 * The annotations of one open article: placed on its current text, carried through edits,
 * changed by user actions (with undo), and turned back into a Sidecar to write.
 */
import type { Analysis, Attribution, Entity } from '../types';
import { articleBudget, describe, type Placement, place, shift, type TextChange } from './anchoring';
import { type Annotation, emptySidecar, newId, type Sidecar, sortAnnotations } from './model';

/** What a new annotation needs: a span of the current text and the annotation's own fields. */
export interface NewAnnotation
  extends Pick<Annotation, 'label' | 'note' | 'entity' | 'role' | 'link' | 'finding' | 'curated'> {
  start: number;
  end: number;
}

export interface Placed {
  annotation: Annotation;
  /** Where it is in the current text; null for an orphan. */
  at: { start: number; end: number } | null;
  method?: Placement['method'];
}

export class AnnotationSet {
  private items = new Map<string, Placed>();
  private undoStack: { label: string; items: Map<string, Placed> }[] = [];
  /** Ids changed or deleted since the last save: what a merge with the disk must keep. */
  readonly changed = new Set<string>();
  readonly deleted = new Set<string>();
  /** The article's text, or how to get it: after edits it is read only when needed. */
  private source: string | (() => string);
  private get text(): string {
    if (typeof this.source !== 'string') this.source = this.source();
    return this.source;
  }

  /** The text the annotations are placed on. */
  get articleText(): string {
    return this.text;
  }

  constructor(
    private sidecar: Sidecar,
    text: string,
    private readonly hash: (text: string) => string,
    private readonly author: () => string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.source = text;
    this.load(sidecar.annotations, sidecar.textHash === hash(text));
  }

  static empty(
    article: string,
    text: string,
    hash: (t: string) => string,
    author: () => string,
  ): AnnotationSet {
    return new AnnotationSet(emptySidecar(article, hash(text)), text, hash, author);
  }

  /** Places annotations on the current text; `trusted` when the text is the one they were written on. */
  private load(list: Annotation[], trusted: boolean): void {
    this.items.clear();
    const budget = articleBudget();
    for (const a of list) {
      const { start, end } = a.target.position;
      if (trusted && end <= this.text.length && this.text.slice(start, end) === a.target.quote.exact) {
        this.items.set(a.id, { annotation: a, at: { start, end }, method: 'position' });
        continue;
      }
      const p = place(this.text, a.target, a.target.position.start, budget);
      this.items.set(a.id, { annotation: a, at: p && { start: p.start, end: p.end }, method: p?.method });
    }
  }

  get all(): Placed[] {
    return [...this.items.values()].sort(
      (x, y) =>
        (x.at?.start ?? Infinity) - (y.at?.start ?? Infinity) || (x.annotation.id < y.annotation.id ? -1 : 1),
    );
  }

  get placed(): (Placed & { at: { start: number; end: number } })[] {
    return this.all.filter((p): p is Placed & { at: { start: number; end: number } } => p.at !== null);
  }

  get orphans(): Placed[] {
    return this.all.filter((p) => p.at === null);
  }

  get(id: string): Placed | undefined {
    return this.items.get(id);
  }

  at(offset: number): Placed[] {
    return this.placed.filter((p) => p.at.start <= offset && offset < p.at.end);
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get undoLabel(): string | undefined {
    return this.undoStack[this.undoStack.length - 1]?.label;
  }

  private batching = false;

  /** Runs several changes as one undo step (an import, a verdict that replaces another). */
  batch<T>(label: string, fn: () => T): T {
    this.snapshot(label);
    this.batching = true;
    try {
      return fn();
    } finally {
      this.batching = false;
    }
  }

  private snapshot(label: string): void {
    if (this.batching) return;
    this.undoStack.push({ label, items: new Map([...this.items].map(([k, v]) => [k, { ...v }])) });
    if (this.undoStack.length > 100) this.undoStack.shift();
  }

  add(spec: NewAnnotation): Annotation {
    if (!(spec.start >= 0 && spec.end > spec.start && spec.end <= this.text.length)) {
      throw new RangeError(
        `the span ${spec.start}–${spec.end} is not inside the article (length ${this.text.length})`,
      );
    }
    this.snapshot('add annotation');
    const ts = this.now().toISOString();
    const a: Annotation = {
      id: newId(this.now().getTime()),
      target: describe(this.text, spec.start, spec.end),
      label: spec.label,
      author: this.author(),
      created: ts,
      modified: ts,
    };
    if (spec.note) a.note = spec.note;
    if (spec.entity) a.entity = spec.entity;
    if (spec.role) a.role = spec.role;
    if (spec.link) a.link = spec.link;
    if (spec.finding) a.finding = spec.finding;
    if (spec.curated) a.curated = { from: [...spec.curated.from] };
    this.items.set(a.id, { annotation: a, at: { start: spec.start, end: spec.end }, method: 'position' });
    this.changed.add(a.id);
    return a;
  }

  update(
    id: string,
    patch: Partial<Pick<Annotation, 'label' | 'note' | 'entity' | 'role' | 'link' | 'finding'>>,
  ): Annotation {
    const p = this.items.get(id);
    if (!p) throw new Error(`no annotation ${id}`);
    this.snapshot('edit annotation');
    const a: Annotation = { ...p.annotation, ...patch, modified: this.now().toISOString() };
    if (patch.note === '') delete a.note;
    this.items.set(id, { ...p, annotation: a });
    this.changed.add(id);
    return a;
  }

  remove(id: string): boolean {
    if (!this.items.has(id)) return false;
    this.snapshot('delete annotation');
    this.items.delete(id);
    this.changed.delete(id);
    this.deleted.add(id);
    // Links to a deleted annotation are dropped.
    for (const [k, v] of this.items) {
      if (v.annotation.link === id) {
        const { link: _link, ...rest } = v.annotation;
        this.items.set(k, { ...v, annotation: rest });
        this.changed.add(k);
      }
    }
    return true;
  }

  /** Undoes the last add, edit or delete; returns what was undone. */
  undo(): string | undefined {
    const last = this.undoStack.pop();
    if (!last) return undefined;
    const before = this.items;
    this.items = last.items;
    for (const id of new Set([...before.keys(), ...this.items.keys()])) {
      if (!this.items.has(id)) {
        this.deleted.add(id);
        this.changed.delete(id);
      } else if (before.get(id)?.annotation !== this.items.get(id)?.annotation) {
        this.changed.add(id);
        this.deleted.delete(id);
      }
    }
    return last.label;
  }

  /** Carries annotations through editor changes (applied in order) to `newText`. */
  /** `newText` may be a function: the text is then read only if an annotation needs it. */
  applyChanges(changes: TextChange[], newText: string | (() => string)): void {
    const budget = articleBudget();
    for (const [id, p] of this.items) {
      if (!p.at) continue;
      let at: { start: number; end: number } | null = p.at;
      for (const c of changes) {
        at = at && shift(at, c);
        if (!at) break;
      }
      if (!at) {
        // Its text was replaced (a revert, a reload after git pull): look for the quote again.
        if (typeof newText !== 'string') newText = newText();
        const found = place(newText, p.annotation.target, p.at.start, budget);
        at = found && { start: found.start, end: found.end };
      }
      this.items.set(id, { ...p, at });
    }
    this.source = newText;
  }

  /** Re-anchors everything on a text changed elsewhere (another tool, git pull). */
  reanchor(newText: string): void {
    const list = [...this.items.values()].map((p) => this.currentAnnotation(p));
    this.source = newText;
    this.load(list, false);
  }

  /** Replaces the annotations with a merged list (after an outside change of the sidecar). */
  replaceAll(list: Annotation[]): void {
    this.load(list, false);
  }

  /** The annotation with its anchor described from where it now is (orphans keep theirs). */
  private currentAnnotation(p: Placed): Annotation {
    if (!p.at) return p.annotation;
    const { start, end } = p.at;
    const cur = p.annotation.target;
    if (
      cur.position.start === start &&
      cur.position.end === end &&
      cur.quote.exact === this.text.slice(start, end)
    ) {
      const fresh = describe(this.text, start, end);
      if (fresh.quote.prefix === cur.quote.prefix && fresh.quote.suffix === cur.quote.suffix)
        return p.annotation;
      return { ...p.annotation, target: fresh };
    }
    return { ...p.annotation, target: describe(this.text, start, end) };
  }

  /** Who marked the article as reviewed, and when (undefined: not reviewed). */
  get reviewed(): Sidecar['reviewed'] {
    return this.sidecar.reviewed;
  }

  /** Marks the article as reviewed (by the current author, now), or as not reviewed. */
  setReviewed(on: boolean): void {
    const { reviewed: _, ...rest } = this.sidecar;
    this.sidecar = on ? { ...rest, reviewed: { by: this.author(), at: this.now().toISOString() } } : rest;
  }

  toSidecar(): Sidecar {
    const annotations = sortAnnotations(this.all.map((p) => this.currentAnnotation(p)));
    return { ...this.sidecar, textHash: this.hash(this.text), annotations };
  }

  markSaved(): void {
    this.changed.clear();
    this.deleted.clear();
  }

  /** Annotations as stored now (for merges). */
  snapshotAnnotations(): Annotation[] {
    return this.all.map((p) => this.currentAnnotation(p));
  }
}

/**
 * Applies the user's verdicts to an analysis: rejected findings disappear (after every
 * re-analysis), corrected ones are replaced by the user's annotation, confirmed ones stay.
 */
export function applyVerdicts(analysis: Analysis, set: AnnotationSet | undefined): Analysis {
  if (!set) return analysis;
  const hidden = new Set<string>();
  for (const p of set.placed) {
    const f = p.annotation.finding;
    if (!f || f.verdict === 'confirmed') continue;
    hidden.add(`${f.kind}:${f.type}:${p.at.start}:${p.at.end}`);
  }
  if (!hidden.size) return analysis;
  const entities: Entity[] = [];
  for (const e of analysis.entities) {
    const mentions = e.mentions.filter((m) => !hidden.has(`entity:${e.type}:${m.start}:${m.end}`));
    if (mentions.length) entities.push(mentions.length === e.mentions.length ? e : { ...e, mentions });
  }
  const attributions: Attribution[] = analysis.attributions.filter(
    (a) => !a.cue.some((c) => hidden.has(`attribution:cue:${c.start}:${c.end}`)),
  );
  const kept = new Set(attributions.map((a) => a.id));
  const sources = analysis.sources
    .map((s) => ({ ...s, attributions: s.attributions.filter((id) => kept.has(id)) }))
    .filter((s) => s.attributions.length);
  return { ...analysis, entities, attributions, sources };
}
