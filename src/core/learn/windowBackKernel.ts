/**
 * A window layer's backward pass in WebAssembly with 128-bit SIMD (kernels/windowBack.wat): the
 * gradients Net.backWindow makes in JavaScript, the same to the last bit, about four times as
 * fast (it is most of the time training takes). The layer's weights and gradients are copied in
 * for each call and the gradients back out, so the JavaScript arrays stay the ones Adam reads.
 * Where WebAssembly or its SIMD is missing, or the hidden size is not a multiple of four, there
 * is no kernel and the JavaScript loop runs.
 */
import { WINDOWBACK_WASM } from './kernels/windowBack.wasm';
import { kernelModule } from './windowKernel';

/** A window layer's backward pass (Net's JavaScript loop, windowGradients, or this kernel). */
export type WindowGradients = (
  w: Float32Array,
  g: Float32Array,
  gb: Float32Array,
  prev: Float32Array,
  al: Float32Array,
  dh: Float32Array,
  n: number,
) => Float32Array;

type BackFn = (
  w: number,
  g: number,
  gb: number,
  prev: number,
  al: number,
  dh: number,
  dprev: number,
  n: number,
  H: number,
) => void;

export class WindowBackKernel {
  private readonly back: BackFn;
  private readonly memory: WebAssembly.Memory;

  /** A kernel for window layers of H units, if this runtime can. */
  static for(H: number): WindowBackKernel | undefined {
    const mod = H % 4 === 0 ? kernelModule(WINDOWBACK_WASM) : null;
    if (!mod) return undefined;
    try {
      return new WindowBackKernel(mod, H);
    } catch {
      return undefined;
    }
  }

  private constructor(
    mod: WebAssembly.Module,
    private readonly H: number,
  ) {
    const exported = new WebAssembly.Instance(mod).exports as { memory: WebAssembly.Memory; back: BackFn };
    this.back = exported.back;
    this.memory = exported.memory;
  }

  /**
   * Layer gradients for n tokens: adds into `g` (the layer's weights' gradients, as `w`) and `gb`
   * (its bias's), and returns the gradient at the layer's input (`dh` through the residual, plus
   * what flows back through the weights).
   */
  readonly gradients: WindowGradients = (w, g, gb, prev, al, dh, n) => {
    const H = this.H;
    const W = 3 * H * H;
    const rows = n * H;
    // f32 slots: w, g, gb, then prev, al, dh, dprev.
    const bytes = (2 * W + H + 4 * rows) * 4;
    const grow = Math.ceil(bytes / 65536) - this.memory.buffer.byteLength / 65536;
    if (grow > 0) this.memory.grow(grow);
    const f32 = new Float32Array(this.memory.buffer);
    const at = { w: 0, g: W, gb: 2 * W, prev: 2 * W + H, al: 2 * W + H + rows, dh: 2 * W + H + 2 * rows };
    const dprevAt = 2 * W + H + 3 * rows;
    f32.set(w, at.w);
    f32.set(g, at.g);
    f32.set(gb, at.gb);
    f32.set(prev.subarray(0, rows), at.prev);
    f32.set(al.subarray(0, rows), at.al);
    f32.set(dh.subarray(0, rows), at.dh);
    // dh twice: the kernel reads each unit's gradient from dh while dprev, which starts as dh, changes around it.
    f32.set(dh.subarray(0, rows), dprevAt);
    this.back(at.w * 4, at.g * 4, at.gb * 4, at.prev * 4, at.al * 4, at.dh * 4, dprevAt * 4, n, H);
    g.set(f32.subarray(at.g, at.g + W));
    gb.set(f32.subarray(at.gb, at.gb + H));
    return f32.slice(dprevAt, dprevAt + rows);
  };
}
