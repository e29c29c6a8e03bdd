/**
 * The network's forward pass for tagging only (no dropout, no trace for training), about twice as
 * fast as Net.forward: the first layer's product with an embedding row is the same every time the
 * row is read, so it is computed once per row and kept (a few hundred KB per model), and the dense
 * features, mostly zero, are read sparsely. Its sums are kept in 64-bit floats (V8 then need not
 * convert each value it reads and writes). Same numbers as Net.forward up to rounding.
 */
import { dilated } from './dilation';
import { dilationOf, type Net, outputProbs, reachOf, type SeqInput, windowWeights } from './net';
import { WindowKernel } from './windowKernel';

interface Cache {
  version: number;
  /** Per feature table: each row's product with its block of the first layer (rows × hidden). */
  proj: Float64Array[];
  done: Uint8Array[];
  /** Each window layer's weights transposed (offset, input unit, output unit): read by input unit. */
  wt: Float64Array[];
  /** The first layer's weights of the dense features, transposed (feature, unit): read by feature. */
  denseT: Float64Array;
  /** Scratch for a token's nonzero window inputs: where their weights start, and their values. */
  at: Int32Array;
  val: Float64Array;
  /** The window layers' sums in WebAssembly, where this runtime has it (the same numbers). */
  kernel?: WindowKernel;
}

const caches = new WeakMap<Net, Cache>();

function cacheOf(net: Net): Cache {
  let c = caches.get(net);
  if (!c || c.version !== net.version) {
    const H = net.shape.hidden;
    const weights = windowWeights(net);
    c = {
      version: net.version,
      proj: net.shape.rows.map((rows) => new Float64Array(rows * H)),
      done: net.shape.rows.map((rows) => new Uint8Array(rows)),
      wt: weights.wt,
      denseT: denseWeights(net),
      at: new Int32Array(3 * H),
      val: new Float64Array(3 * H),
    };
    c.kernel = WindowKernel.for(c.wt, weights.bias, H);
    caches.set(net, c);
  }
  return c;
}

function denseWeights(net: Net): Float64Array {
  const { hidden: H, emb: E, dense: D } = net.shape;
  const F = net.shape.rows.length;
  const L = net.layout;
  const t = new Float64Array(D * H);
  for (let d = 0; d < D; d++) for (let j = 0; j < H; j++) t[d * H + j] = net.p[L.w0 + j * L.in0 + F * E + d];
  return t;
}

/** The row's product with the first layer's weights for feature table f, made once. */
function projected(net: Net, c: Cache, f: number, row: number): number {
  const { hidden: H, emb: E } = net.shape;
  const out = row * H;
  if (c.done[f][row]) return out;
  const L = net.layout;
  const e = net.e[f];
  for (let j = 0; j < H; j++) {
    let s = 0;
    const w = L.w0 + j * L.in0 + f * E;
    for (let k = 0; k < E; k++) s += net.p[w + k] * e[row * E + k];
    c.proj[f][out + j] = s;
  }
  c.done[f][row] = 1;
  return out;
}

function firstLayer(net: Net, c: Cache, x: SeqInput): Float64Array {
  const { hidden: H, dense: D } = net.shape;
  const F = net.shape.rows.length;
  const L = net.layout;
  const p = net.p;
  const dt = c.denseT;
  const h = new Float64Array(x.n * H);
  for (let t = 0; t < x.n; t++) {
    const o = t * H;
    for (let j = 0; j < H; j++) h[o + j] = p[L.b0 + j];
    for (let f = 0; f < F; f++) {
      const at = projected(net, c, f, x.ids[t * F + f]);
      const pr = c.proj[f];
      for (let j = 0; j < H; j++) h[o + j] += pr[at + j];
    }
    for (let d = 0; d < D; d++) {
      const v = x.dense[t * D + d];
      if (v === 0) continue;
      const w = d * H;
      for (let j = 0; j < H; j++) h[o + j] += dt[w + j] * v;
    }
    for (let j = 0; j < H; j++) if (h[o + j] < 0) h[o + j] = 0;
  }
  return h;
}

/**
 * A window layer's sums in JavaScript. Inputs after a ReLU are often zero: each token's nonzero
 * inputs (over its three offsets) are listed first, then each block of eight outputs is summed in
 * locals over that list, so a weight is read once per product and no partial sum goes back to
 * memory. The order of the sums is the input order, bias first, as a plain loop would make them
 * (and as the WebAssembly kernel does).
 */
export function windowSums(net: Net, l: number, prev: Float64Array, n: number, out: Float64Array): void {
  const c = cacheOf(net);
  const H = net.shape.hidden;
  const bias = net.layout.b[l];
  const p = net.p;
  const wt = c.wt[l];
  const { at, val } = c;
  for (let t = 0; t < n; t++) {
    let m = 0;
    for (let d = -1; d <= 1; d++) {
      const tt = t + d;
      if (tt < 0 || tt >= n) continue;
      for (let k = 0; k < H; k++) {
        const v = prev[tt * H + k];
        if (v === 0) continue;
        at[m] = ((d + 1) * H + k) * H;
        val[m++] = v;
      }
    }
    const o = t * H;
    let j = 0;
    for (; j + 7 < H; j += 8) {
      let s0 = p[bias + j];
      let s1 = p[bias + j + 1];
      let s2 = p[bias + j + 2];
      let s3 = p[bias + j + 3];
      let s4 = p[bias + j + 4];
      let s5 = p[bias + j + 5];
      let s6 = p[bias + j + 6];
      let s7 = p[bias + j + 7];
      for (let i = 0; i < m; i++) {
        const w = at[i] + j;
        const v = val[i];
        s0 += wt[w] * v;
        s1 += wt[w + 1] * v;
        s2 += wt[w + 2] * v;
        s3 += wt[w + 3] * v;
        s4 += wt[w + 4] * v;
        s5 += wt[w + 5] * v;
        s6 += wt[w + 6] * v;
        s7 += wt[w + 7] * v;
      }
      out[o + j] = s0;
      out[o + j + 1] = s1;
      out[o + j + 2] = s2;
      out[o + j + 3] = s3;
      out[o + j + 4] = s4;
      out[o + j + 5] = s5;
      out[o + j + 6] = s6;
      out[o + j + 7] = s7;
    }
    for (; j < H; j++) {
      let s = p[bias + j];
      for (let i = 0; i < m; i++) s += wt[at[i] + j] * val[i];
      out[o + j] = s;
    }
  }
}

/** A window layer with a residual: its sums (WebAssembly where it can), a ReLU, the input added. */
function windowLayer(net: Net, c: Cache, l: number, prev: Float64Array, n: number): Float64Array {
  const H = net.shape.hidden;
  const plain = ([rows]: Float64Array[], m: number) => {
    const sums = new Float64Array(m * H);
    if (c.kernel) c.kernel.sums(l, rows, m, sums);
    else windowSums(net, l, rows, m, sums);
    return sums;
  };
  const out = dilated([prev], n, H, dilationOf(net.shape, l), plain);
  for (let k = 0; k < n * H; k++) out[k] = Math.max(out[k], 0) + prev[k];
  return out;
}

/** The window layers' own sums for a test: the kernel's where there is one, else undefined. */
export function kernelSums(net: Net, l: number, prev: Float64Array, n: number): Float64Array | undefined {
  const c = cacheOf(net);
  if (!c.kernel) return undefined;
  const out = new Float64Array(n * net.shape.hidden);
  c.kernel.sums(l, prev, n, out);
  return out;
}

/** The tag probabilities of a sentence's tokens (n × tags), as Net.forward(x).probs. */
export function inferProbs(net: Net, x: SeqInput): Float32Array {
  const c = cacheOf(net);
  let h = firstLayer(net, c, x);
  for (let l = 0; l < net.layout.w.length; l++) h = windowLayer(net, c, l, h, x.n);
  return outputProbs(net, h, x);
}

/** The mean of several networks' probabilities (an ensemble), or the one network's. */
function meanOf(nets: readonly Net[], one: (net: Net) => Float32Array): Float32Array {
  const first = one(nets[0]);
  if (nets.length === 1) return first;
  const out = Float32Array.from(first);
  for (const net of nets.slice(1)) {
    const p = one(net);
    for (let i = 0; i < out.length; i++) out[i] += p[i];
  }
  for (let i = 0; i < out.length; i++) out[i] /= nets.length;
  return out;
}

/** inferProbs of an ensemble: the mean of its networks' probabilities. */
export const inferMean = (nets: readonly Net[], x: SeqInput): Float32Array =>
  meanOf(nets, (net) => inferProbs(net, x));

/** inferProbsAt of an ensemble. */
export const inferMeanAt = (nets: readonly Net[], x: SeqInput, positions: number[]): Float32Array =>
  meanOf(nets, (net) => inferProbsAt(net, x, positions));

/** The part of a sequence from token a to token b (inclusive), as its own input. */
function slice(x: SeqInput, F: number, D: number, a: number, b: number): SeqInput {
  return {
    ids: x.ids.subarray(a * F, (b + 1) * F),
    dense: x.dense.subarray(a * D, (b + 1) * D),
    n: b - a + 1,
  };
}

/**
 * The tag probabilities of some tokens only (the other rows left 0), the same as inferProbs
 * gives them. A token's output reads only the tokens within its reach (each window layer sees
 * one neighbour on each side, or as far as its dilation), so the network runs on those
 * stretches alone: the rules' cues of a long paragraph cost a few tokens each, not the paragraph.
 */
export function inferProbsAt(net: Net, x: SeqInput, positions: number[]): Float32Array {
  const { tags: T, dense: D } = net.shape;
  const F = net.shape.rows.length;
  const reach = reachOf(net.shape);
  const out = new Float32Array(x.n * T);
  const sorted = [...new Set(positions)].filter((t) => t >= 0 && t < x.n).sort((p, q) => p - q);
  for (let i = 0; i < sorted.length; ) {
    // One stretch: the positions whose reaches overlap or touch, and their reach either side.
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] - reach <= sorted[j] + reach + 1) j++;
    const a = Math.max(0, sorted[i] - reach);
    const b = Math.min(x.n - 1, sorted[j] + reach);
    const probs = inferProbs(net, slice(x, F, D, a, b));
    for (let k = i; k <= j; k++)
      out.set(probs.subarray((sorted[k] - a) * T, (sorted[k] - a + 1) * T), sorted[k] * T);
    i = j + 1;
  }
  return out;
}
