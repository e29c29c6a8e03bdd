/**
 * The window layers' sums in WebAssembly with 128-bit SIMD (kernels/window.wat): the same sums
 * in the same order as the JavaScript loop in inference.ts, to the last bit, about five times as
 * fast. One instance per network, its weights copied in once; a long paragraph goes through in
 * chunks, so the memory it takes stays small. Where WebAssembly or its SIMD is missing, or the
 * hidden size is not a multiple of eight, there is no kernel and the JavaScript loop runs.
 */
import { WINDOW_WASM } from './kernels/window.wasm';

/** Tokens per call: with one neighbour on each side, a chunk's own tokens see what they would in the whole. */
const CHUNK = 2048;

const compiled = new Map<string, WebAssembly.Module | null>();

/** A kernel's module (its bytes in base64), compiled once; null without WebAssembly or its SIMD: the JavaScript loops run. */
export function kernelModule(bytes: string): WebAssembly.Module | null {
  let mod = compiled.get(bytes);
  if (mod === undefined) {
    try {
      mod = new WebAssembly.Module(Buffer.from(bytes, 'base64'));
    } catch {
      mod = null;
    }
    compiled.set(bytes, mod);
  }
  return mod;
}

type WindowFn = (
  prev: number,
  out: number,
  n: number,
  H: number,
  wt: number,
  bias: number,
  at: number,
  val: number,
) => void;

export class WindowKernel {
  private readonly window: WindowFn;
  private readonly f64: Float64Array;
  /** Byte addresses in the instance's memory. */
  private readonly wtAt: number[];
  private readonly biasAt: number[];
  private readonly at: number;
  private readonly val: number;
  private readonly prevAt: number;
  private readonly outAt: number;

  /** A kernel for a network's window layers (weights as inference.ts transposes them), if this runtime can. */
  static for(wt: Float64Array[], bias: Float64Array[], H: number): WindowKernel | undefined {
    const mod = H % 8 === 0 && wt.length ? kernelModule(WINDOW_WASM) : null;
    if (!mod) return undefined;
    try {
      return new WindowKernel(mod, wt, bias, H);
    } catch {
      return undefined;
    }
  }

  private constructor(
    mod: WebAssembly.Module,
    wt: Float64Array[],
    bias: Float64Array[],
    private readonly H: number,
  ) {
    const rows = CHUNK + 2;
    // f64 slots: every layer's weights and bias, the scratch values, the chunk in and out; then the i32 scratch.
    const slots = wt.length * (3 * H * H + H) + 3 * H + 2 * rows * H;
    const bytes = slots * 8 + 3 * H * 4;
    const exported = new WebAssembly.Instance(mod).exports as {
      memory: WebAssembly.Memory;
      window: WindowFn;
    };
    const grow = Math.ceil(bytes / 65536) - exported.memory.buffer.byteLength / 65536;
    if (grow > 0) exported.memory.grow(grow);
    this.window = exported.window;
    this.f64 = new Float64Array(exported.memory.buffer);
    let slot = 0;
    this.wtAt = [];
    this.biasAt = [];
    for (const w of wt) {
      this.wtAt.push(slot * 8);
      slot += w.length;
      this.biasAt.push(slot * 8);
      slot += H;
    }
    this.load(wt, bias);
    this.val = slot * 8;
    slot += 3 * H;
    this.prevAt = slot * 8;
    slot += rows * H;
    this.outAt = slot * 8;
    slot += rows * H;
    this.at = slot * 8;
  }

  /** New weights for the layers (as the constructor takes them): training changes them every step. */
  load(wt: Float64Array[], bias: Float64Array[]): void {
    wt.forEach((w, l) => {
      this.f64.set(w, this.wtAt[l] / 8);
      this.f64.set(bias[l], this.biasAt[l] / 8);
    });
  }

  /** Layer l's sums (bias and window products, before the activation) of n tokens' inputs into out. */
  sums(l: number, prev: Float64Array, n: number, out: Float64Array): void {
    const H = this.H;
    for (let a = 0; a < n; a += CHUNK) {
      const b = Math.min(n, a + CHUNK);
      const lo = Math.max(0, a - 1);
      const hi = Math.min(n, b + 1);
      this.f64.set(prev.subarray(lo * H, hi * H), this.prevAt / 8);
      this.window(this.prevAt, this.outAt, hi - lo, H, this.wtAt[l], this.biasAt[l], this.at, this.val);
      const from = this.outAt / 8 + (a - lo) * H;
      out.set(this.f64.subarray(from, from + (b - a) * H), a * H);
    }
  }
}
