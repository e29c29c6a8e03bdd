/**
 * A small tagging network, written out (no framework, no native code): hashed embeddings of a
 * token's features and dense rule features → a ReLU layer → window layers (each token sees its
 * neighbours, with a residual) → a softmax over tags. Trained with Adam (sparse for the
 * embedding rows a batch touches). Deterministic for a given seed.
 */
import { dilated } from './dilation';
import { WindowBackKernel, type WindowGradients } from './windowBackKernel';
import { WindowKernel } from './windowKernel';

export interface NetShape {
  /** Rows of each hashed feature's embedding table. */
  rows: number[];
  emb: number;
  /** Dense features per token (the rules' labels, capitalisation …). */
  dense: number;
  hidden: number;
  /** Window layers (each sees the token before and after, or as far as its dilation). */
  windows: number;
  /** How far each window layer sees (its neighbours are this many tokens away); absent: 1 for each. */
  dilations?: number[];
  tags: number;
}

/** How far window layer l sees. */
export const dilationOf = (s: NetShape, l: number): number => s.dilations?.[l] ?? 1;

/** How far a token's output reads on each side: the sum of the window layers' dilations. */
export function reachOf(s: NetShape): number {
  let r = 0;
  for (let l = 0; l < s.windows; l++) r += dilationOf(s, l);
  return r;
}

/** A seeded generator (mulberry32): the same seed gives the same model. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One sentence as the network reads it. */
export interface SeqInput {
  /** ids[t * F + f]: the row of feature f of token t. */
  ids: Int32Array;
  /** dense[t * D + d]. */
  dense: Float32Array;
  n: number;
}

interface Layout {
  in0: number;
  w0: number;
  b0: number;
  w: number[];
  b: number[];
  wo: number;
  bo: number;
  /** Dense features straight to the tags: the rules' labels pass through from the start. */
  ws: number;
  size: number;
}

function layout(s: NetShape): Layout {
  const in0 = s.rows.length * s.emb + s.dense;
  let at = 0;
  const take = (n: number) => {
    const start = at;
    at += n;
    return start;
  };
  const w0 = take(s.hidden * in0);
  const b0 = take(s.hidden);
  const w: number[] = [];
  const b: number[] = [];
  for (let l = 0; l < s.windows; l++) {
    w.push(take(s.hidden * 3 * s.hidden));
    b.push(take(s.hidden));
  }
  const wo = take(s.tags * s.hidden);
  const bo = take(s.tags);
  const ws = take(s.tags * s.dense);
  return { in0, w0, b0, w, b, wo, bo, ws, size: at };
}

/**
 * Each window layer's weights transposed (offset, input unit, output unit) and its bias, in
 * 64-bit floats: the layout the window sums read (inference.ts, the WebAssembly kernel).
 */
export function windowWeights(net: Net): { wt: Float64Array[]; bias: Float64Array[] } {
  const H = net.shape.hidden;
  const wt = net.layout.w.map((w) => {
    const t = new Float64Array(3 * H * H);
    for (let j = 0; j < H; j++) for (let ok = 0; ok < 3 * H; ok++) t[ok * H + j] = net.p[w + j * 3 * H + ok];
    return t;
  });
  const bias = net.layout.b.map((b) => Float64Array.from(net.p.subarray(b, b + H)));
  return { wt, bias };
}

/**
 * A window layer's backward pass: for each token and unit above zero before the ReLU, its
 * gradient to the bias, and for each of the three offsets to each weight (times the input) and
 * to each input (times the weight); `w` and `g` are the layer's H rows of 3H, `gb` its bias's
 * gradients. Returns the gradient at the layer's input, the residual's `dh` included.
 */
export const windowGradients: WindowGradients = (w, g, gb, prev, al, dh, n) => {
  const H = gb.length;
  const dprev = dh.slice(0, n * H);
  for (let t = 0; t < n; t++)
    for (let j = 0; j < H; j++) {
      const d = al[t * H + j] > 0 ? dh[t * H + j] : 0;
      if (d === 0) continue;
      gb[j] += d;
      for (let o = -1; o <= 1; o++) {
        const tt = t + o;
        if (tt < 0 || tt >= n) continue;
        const wo = j * 3 * H + (o + 1) * H;
        const hi = tt * H;
        for (let k = 0; k < H; k++) {
          g[wo + k] += d * prev[hi + k];
          dprev[hi + k] += d * w[wo + k];
        }
      }
    }
  return dprev;
};

/** What a forward pass keeps for the backward pass. */
export interface Trace {
  x0: Float32Array;
  /** Pre-activations and outputs of layer 0 and of each window layer. */
  a: Float32Array[];
  h: Float32Array[];
  probs: Float32Array;
  n: number;
}

/**
 * The output layer: each token's tag scores from its last hidden state and its dense features,
 * as probabilities (softmax). Shared by the training pass and the tagging pass (inference.ts).
 */
export function outputProbs(net: Net, last: Float32Array | Float64Array, x: SeqInput): Float32Array {
  const { hidden: H, tags: T, dense: D } = net.shape;
  const L = net.layout;
  const p = net.p;
  const { n, dense } = x;
  const probs = new Float32Array(n * T);
  // The dense features are mostly zero: each token's others are listed once, not looked for per tag.
  const at = new Int32Array(D);
  const val = new Float64Array(D);
  for (let t = 0; t < n; t++) {
    let m = 0;
    for (let d = 0; d < D; d++) {
      const v = dense[t * D + d];
      if (v === 0) continue;
      at[m] = d;
      val[m++] = v;
    }
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < T; c++) {
      let s = p[L.bo + c];
      const w = L.wo + c * H;
      for (let k = 0; k < H; k++) s += p[w + k] * last[t * H + k];
      const ws = L.ws + c * D;
      for (let i = 0; i < m; i++) s += p[ws + at[i]] * val[i];
      probs[t * T + c] = s;
      if (s > max) max = s;
    }
    let z = 0;
    for (let c = 0; c < T; c++) z += probs[t * T + c] = Math.exp(probs[t * T + c] - max);
    for (let c = 0; c < T; c++) probs[t * T + c] /= z;
  }
  return probs;
}

export class Net {
  readonly layout: Layout;
  /** Dense parameters, one vector (views by offset). */
  readonly p: Float32Array;
  /** One embedding table per hashed feature, rows × emb. */
  readonly e: Float32Array[];
  /** Counts changes of the weights by training, so that caches made from them know they are stale. */
  version = 0;
  /** The window sums in WebAssembly for training's forward passes, with the weights of `version` (null: none here). */
  private kernel: { k: WindowKernel; version: number } | null | undefined;
  /** The window layers' backward pass in WebAssembly (null: none here). */
  private backKernel: WindowBackKernel | null | undefined;

  constructor(
    readonly shape: NetShape,
    seed = 1,
    p?: Float32Array,
    e?: Float32Array[],
  ) {
    this.layout = layout(shape);
    const r = rng(seed);
    const normal = () => {
      // Box–Muller
      const u = Math.max(r(), 1e-12);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
    };
    this.p = p ?? new Float32Array(this.layout.size);
    this.e = e ?? shape.rows.map((rows) => new Float32Array(rows * shape.emb));
    if (!p) this.init(normal);
    if (!e) for (const t of this.e) for (let i = 0; i < t.length; i++) t[i] = normal() * 0.1;
  }

  private init(normal: () => number): void {
    const { hidden, tags } = this.shape;
    const L = this.layout;
    const fill = (off: number, n: number, fanIn: number) => {
      const sd = Math.sqrt(2 / fanIn);
      for (let i = 0; i < n; i++) this.p[off + i] = normal() * sd;
    };
    fill(L.w0, hidden * L.in0, L.in0);
    for (const w of L.w) fill(w, hidden * 3 * hidden, 3 * hidden);
    fill(L.wo, tags * hidden, hidden);
    // The first `tags` dense features are the rules' tag, one-hot: the same tag out, at first.
    for (let c = 0; c < tags && c < this.shape.dense; c++) this.p[L.ws + c * this.shape.dense + c] = 2;
  }

  /** Forward pass over one sentence; `drop` (training only) zeroes hidden units with that chance. */
  forward(x: SeqInput, drop = 0, r?: () => number): Trace {
    const { hidden: H, emb: E, dense: D } = this.shape;
    const F = this.shape.rows.length;
    const L = this.layout;
    const { n } = x;
    const p = this.p;
    const x0 = new Float32Array(n * L.in0);
    for (let t = 0; t < n; t++) {
      for (let f = 0; f < F; f++) {
        const row = x.ids[t * F + f];
        x0.set(this.e[f].subarray(row * E, row * E + E), t * L.in0 + f * E);
      }
      for (let d = 0; d < D; d++) x0[t * L.in0 + F * E + d] = x.dense[t * D + d];
    }
    const a0 = new Float32Array(n * H);
    const h0 = new Float32Array(n * H);
    for (let t = 0; t < n; t++)
      for (let j = 0; j < H; j++) {
        let s = p[L.b0 + j];
        const w = L.w0 + j * L.in0;
        const xi = t * L.in0;
        for (let k = 0; k < L.in0; k++) s += p[w + k] * x0[xi + k];
        a0[t * H + j] = s;
        h0[t * H + j] = s > 0 && !(drop && r!() < drop) ? s / (1 - drop) : 0;
      }
    const a = [a0];
    const h = [h0];
    const kernel = this.windowKernel();
    for (let l = 0; l < L.w.length; l++) {
      const prev = h[h.length - 1];
      // Each sum kept in 64 bits until the layer's output is made from it (as it always was).
      const plain = ([rows]: Float32Array[], m: number): Float64Array => {
        const sums = new Float64Array(m * H);
        if (kernel) {
          // The same sums in the same order as the loop below, so the same numbers, about five times as fast.
          kernel.sums(l, Float64Array.from(rows), m, sums);
          return sums;
        }
        for (let t = 0; t < m; t++)
          for (let j = 0; j < H; j++) {
            let s = p[L.b[l] + j];
            const w = L.w[l] + j * 3 * H;
            for (let o = -1; o <= 1; o++) {
              const tt = t + o;
              if (tt < 0 || tt >= m) continue;
              const wo = w + (o + 1) * H;
              const hi = tt * H;
              for (let k = 0; k < H; k++) s += p[wo + k] * rows[hi + k];
            }
            sums[t * H + j] = s;
          }
        return sums;
      };
      const sums = dilated([prev], n, H, dilationOf(this.shape, l), plain);
      const al = Float32Array.from(sums);
      const hl = new Float32Array(n * H);
      for (let i = 0; i < n * H; i++) hl[i] = Math.max(sums[i], 0) + prev[i];
      a.push(al);
      h.push(hl);
    }
    const probs = outputProbs(this, h[h.length - 1], x);
    return { x0, a, h, probs, n };
  }

  /** The kernel with this version's weights, loaded once per training step (undefined where there is none). */
  private windowKernel(): WindowKernel | undefined {
    if (this.kernel === null) return undefined;
    if (this.kernel?.version === this.version) return this.kernel.k;
    const { wt, bias } = windowWeights(this);
    if (this.kernel) {
      this.kernel.k.load(wt, bias);
      this.kernel.version = this.version;
      return this.kernel.k;
    }
    const k = WindowKernel.for(wt, bias, this.shape.hidden);
    this.kernel = k ? { k, version: this.version } : null;
    return k;
  }

  /**
   * Backward pass for gold tags; adds the gradients (scaled by `scale`) into `g` (dense) and
   * `ge` (embedding rows, by table and row); a gold tag below 0 is a token not trained on.
   * Returns the sentence's summed cross-entropy.
   */
  backward(
    x: SeqInput,
    tr: Trace,
    gold: Int32Array,
    scale: number,
    g: Float32Array,
    ge: Map<number, Float32Array>[],
  ): number {
    const { dh, loss } = this.backOutput(x, tr, gold, scale, g);
    let d: Float32Array = dh;
    for (let l = this.layout.w.length - 1; l >= 0; l--) d = this.backWindow(l, tr, d, g);
    this.backInput(x, tr, d, g, ge);
    return loss;
  }

  /** The softmax and the output layers (hidden and the rules' skip): the gradient at the last hidden layer. */
  private backOutput(x: SeqInput, tr: Trace, gold: Int32Array, scale: number, g: Float32Array) {
    const { hidden: H, tags: T, dense: D } = this.shape;
    const L = this.layout;
    const p = this.p;
    const { n } = tr;
    const last = tr.h[tr.h.length - 1];
    const dh = new Float32Array(n * H);
    let loss = 0;
    for (let t = 0; t < n; t++)
      for (let c = 0; c < T; c++) {
        if (gold[t] < 0) break; // a token outside what was annotated: no gradient
        const pr = tr.probs[t * T + c];
        if (c === gold[t]) loss -= Math.log(Math.max(pr, 1e-12));
        const d = (pr - (c === gold[t] ? 1 : 0)) * scale;
        if (d === 0) continue;
        g[L.bo + c] += d;
        const w = L.wo + c * H;
        for (let k = 0; k < H; k++) {
          g[w + k] += d * last[t * H + k];
          dh[t * H + k] += d * p[w + k];
        }
        const ws = L.ws + c * D;
        for (let k = 0; k < D; k++) g[ws + k] += d * x.dense[t * D + k];
      }
    return { dh, loss };
  }

  /** Window layer l: the gradient at its input (through the ReLU and the residual). */
  private backWindow(l: number, tr: Trace, dh: Float32Array, g: Float32Array): Float32Array {
    const H = this.shape.hidden;
    const L = this.layout;
    const W = 3 * H * H;
    if (this.backKernel === undefined) this.backKernel = WindowBackKernel.for(H) ?? null;
    const w = this.p.subarray(L.w[l], L.w[l] + W);
    const gw = g.subarray(L.w[l], L.w[l] + W);
    const gb = g.subarray(L.b[l], L.b[l] + H);
    // The kernel makes the loop's numbers in the loop's order, about four times as fast.
    const grads = this.backKernel ? this.backKernel.gradients : windowGradients;
    // Dilated: the plain window's gradients over the dealt rows (see dilation.ts).
    return dilated([tr.h[l], tr.a[l + 1], dh], tr.n, H, dilationOf(this.shape, l), ([prev, al, d], m) =>
      grads(w, gw, gb, prev, al, d, m),
    );
  }

  /** Layer 0 and the embedding rows it read. */
  private backInput(
    x: SeqInput,
    tr: Trace,
    dh: Float32Array,
    g: Float32Array,
    ge: Map<number, Float32Array>[],
  ): void {
    const { hidden: H, emb: E } = this.shape;
    const F = this.shape.rows.length;
    const L = this.layout;
    const p = this.p;
    const a0 = tr.a[0];
    const h0 = tr.h[0];
    for (let t = 0; t < tr.n; t++) {
      const dx = new Float32Array(F * E);
      for (let j = 0; j < H; j++) {
        // h0 is 0 where the unit was off or dropped; its gradient flows only where it was on.
        if (a0[t * H + j] <= 0 || h0[t * H + j] === 0) continue;
        const d = dh[t * H + j] * (h0[t * H + j] / a0[t * H + j]);
        if (d === 0) continue;
        g[L.b0 + j] += d;
        const w = L.w0 + j * L.in0;
        const xi = t * L.in0;
        for (let k = 0; k < L.in0; k++) g[w + k] += d * tr.x0[xi + k];
        for (let k = 0; k < F * E; k++) dx[k] += d * p[w + k];
      }
      for (let f = 0; f < F; f++) {
        const row = x.ids[t * F + f];
        let acc = ge[f].get(row);
        if (!acc) {
          acc = new Float32Array(E);
          ge[f].set(row, acc);
        }
        for (let k = 0; k < E; k++) acc[k] += dx[f * E + k];
      }
    }
  }
}

/** Adam, with the embedding rows updated only where a batch touched them (lazily). */
export class Adam {
  private readonly m: Float32Array;
  private readonly v: Float32Array;
  private readonly me: Float32Array[];
  private readonly ve: Float32Array[];
  private step = 0;

  constructor(
    private readonly net: Net,
    public lr = 0.002,
    private readonly b1 = 0.9,
    private readonly b2 = 0.999,
    private readonly eps = 1e-8,
  ) {
    this.m = new Float32Array(net.p.length);
    this.v = new Float32Array(net.p.length);
    this.me = net.e.map((t) => new Float32Array(t.length));
    this.ve = net.e.map((t) => new Float32Array(t.length));
  }

  apply(g: Float32Array, ge: Map<number, Float32Array>[]): void {
    this.step++;
    this.net.version++;
    const { b1, b2, eps } = this;
    const c1 = 1 - b1 ** this.step;
    const c2 = 1 - b2 ** this.step;
    const lr = (this.lr * Math.sqrt(c2)) / c1;
    const p = this.net.p;
    for (let i = 0; i < p.length; i++) {
      const gi = g[i];
      this.m[i] = b1 * this.m[i] + (1 - b1) * gi;
      this.v[i] = b2 * this.v[i] + (1 - b2) * gi * gi;
      p[i] -= (lr * this.m[i]) / (Math.sqrt(this.v[i]) + eps);
    }
    const E = this.net.shape.emb;
    ge.forEach((rows, f) => {
      const t = this.net.e[f];
      const m = this.me[f];
      const v = this.ve[f];
      for (const [row, gr] of rows)
        for (let k = 0; k < E; k++) {
          const i = row * E + k;
          m[i] = b1 * m[i] + (1 - b1) * gr[k];
          v[i] = b2 * v[i] + (1 - b2) * gr[k] * gr[k];
          t[i] -= (lr * m[i]) / (Math.sqrt(v[i]) + eps);
        }
    });
  }
}
