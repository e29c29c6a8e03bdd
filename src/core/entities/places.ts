/** Streets and settlements by their prefix (Ukrainian, Russian): вул. Леніна, с. Стоянка, смт Димер. */
import { houseNumber } from './organisations';
import type { NameRun, SentenceScan } from './scan';

const SETTLEMENT = new Set(
  'с. м. смт село селі села місто міста місті селище селища селищі хутір хутора г. пос. деревня город города городе'.split(
    ' ',
  ),
);

/** 5c. Street prefixes: вул. Леніна; streets keep their prefix and house number (NER-UK): вул. Горького, 12. */
export function streetRun(x: SentenceScan, r: NameRun): number | undefined {
  const { tokens, L } = x;
  const { a, b, prevTok, prev } = r;
  const pre =
    prevTok && L.locPrefixes.has(prev)
      ? a - 1
      : prevTok?.text === '.' && a >= 2 && L.locPrefixes.has(`${x.low(a - 2)}.`)
        ? a - 2
        : -1;
  if (pre < 0) return undefined;
  const end = houseNumber(tokens, b);
  x.push(pre, end, 'LOC', 1);
  return end;
}

/** Settlement prefixes: с. Стоянка, смт Димер, м. Вознесенськ. */
export function settlementRun(x: SentenceScan, r: NameRun): number | undefined {
  const { a, b, prevTok, prev } = r;
  if (
    !prevTok ||
    !(SETTLEMENT.has(prev) || (prevTok.text === '.' && a >= 2 && SETTLEMENT.has(`${x.low(a - 2)}.`)))
  )
    return undefined;
  x.push(a, b, 'LOC', 1);
  return b;
}
