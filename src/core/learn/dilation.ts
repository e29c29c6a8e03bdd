/**
 * Dilated window layers: a layer of dilation d sees the tokens d before and d after, so that
 * stacked layers of dilations 1, 2, 4 … see far for the cost of near. Rather than a kernel for
 * each dilation, the layer's input rows are dealt into d interleaved sequences (the tokens t with
 * t mod d = r), laid end to end with a zero row between two: neighbours in the dealt rows are d
 * apart in the paragraph, and a sequence's ends see zeros as the paragraph's ends do. The sums
 * of the plain window (one neighbour each side: the JavaScript loops and the WebAssembly
 * kernels) over the dealt rows are then the dilated sums, and are gathered back.
 */

/** Where each of n tokens goes when dealt d ways, and how many rows that makes (separators included). */
export interface Dealing {
  at: Int32Array;
  rows: number;
}

export function dealing(n: number, d: number): Dealing {
  const at = new Int32Array(n);
  let row = 0;
  for (let r = 0; r < d && r < n; r++) {
    if (r) row++; // the zero row between two sequences
    for (let t = r; t < n; t += d) at[t] = row++;
  }
  return { at, rows: row };
}

type Rows = Float32Array | Float64Array;

/** Rows of H values dealt (the separators zero). */
export function deal<A extends Rows>(src: A, H: number, dl: Dealing): A {
  const out = new (src.constructor as new (n: number) => A)(dl.rows * H);
  for (let t = 0; t < dl.at.length; t++) out.set(src.subarray(t * H, t * H + H), dl.at[t] * H);
  return out;
}

/** Dealt rows of H values back in token order (the separators left out). */
export function gather<A extends Rows>(dealt: A, H: number, dl: Dealing): A {
  const out = new (dealt.constructor as new (n: number) => A)(dl.at.length * H);
  for (let t = 0; t < dl.at.length; t++) out.set(dealt.subarray(dl.at[t] * H, dl.at[t] * H + H), t * H);
  return out;
}

/**
 * A window layer's pass (its sums forward, its gradients backward) over n rows of H values with
 * dilation d, from the plain window's pass (`plain(rows, count)`, one neighbour each side) over
 * the same arrays dealt; what it returns is gathered back.
 */
export function dilated<A extends Rows, B extends Rows>(
  inputs: A[],
  n: number,
  H: number,
  d: number,
  plain: (rows: A[], count: number) => B,
): B {
  if (d <= 1 || n <= 1) return plain(inputs, n);
  const dl = dealing(n, d);
  return gather(
    plain(
      inputs.map((x) => deal(x, H, dl)),
      dl.rows,
    ),
    H,
    dl,
  );
}
