/** Whether a model's gains over the rules, one per held-out document, hold across documents. */

/**
 * The mean of the gains stands `z` standard errors above zero: a gain made in most documents,
 * not in one or two (a choice among a few decodings on a few documents is otherwise chance).
 */
export function standsAboveZero(gains: number[], z: number): boolean {
  const n = gains.length;
  if (n < 2) return false;
  const mean = gains.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(gains.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return mean > (z * sd) / Math.sqrt(n);
}
