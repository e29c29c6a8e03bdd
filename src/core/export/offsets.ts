/**
 * Offset units. Newsmark works in UTF-16 code units (what VS Code and JavaScript index); the W3C
 * TextPositionSelector, brat and doccano count Unicode code points. Converting at the edges, in
 * one place, is what keeps emoji and astral characters from shifting every later span.
 */

export class OffsetMap {
  /** Code-point offset of every UTF-16 offset, built lazily only when the text has surrogates. */
  private cp: Uint32Array | undefined;
  private readonly astral: boolean;

  constructor(private readonly text: string) {
    this.astral = /[\uD800-\uDFFF]/.test(text);
  }

  private table(): Uint32Array {
    if (!this.cp) {
      const t = new Uint32Array(this.text.length + 1);
      let n = 0;
      for (let i = 0; i < this.text.length; i++) {
        t[i] = n;
        const c = this.text.charCodeAt(i);
        // The low half of a surrogate pair does not start a new code point.
        if (
          !(
            c >= 0xdc00 &&
            c <= 0xdfff &&
            i > 0 &&
            this.text.charCodeAt(i - 1) >= 0xd800 &&
            this.text.charCodeAt(i - 1) <= 0xdbff
          )
        )
          n++;
        else t[i] = n - 1;
      }
      t[this.text.length] = n;
      this.cp = t;
    }
    return this.cp;
  }

  toCodePoint(utf16: number): number {
    return this.astral ? this.table()[utf16] : utf16;
  }

  /** The UTF-16 offset of a code-point offset (binary search on the table). */
  fromCodePoint(cp: number): number {
    if (!this.astral) return cp;
    const t = this.table();
    let lo = 0;
    let hi = this.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t[mid] < cp) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
