/** Streets and settlements by their prefix (Ukrainian, Russian): вул. Леніна, с. Стоянка, смт Димер. */
import { houseNumber } from './organisations';
import type { NameRun, SentenceScan } from './scan';
import { SETTLEMENT_PREFIXES } from './words';

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
  const end = houseNumber(tokens, b, x.L.streetYearWords);
  x.push(pre, end, 'LOC', 1);
  // More streets may follow (вул. Завокзальна, Броварська): streetLists.ts. Inside a declared
  // list (ремонт вулиць: …, б-р Шевченка, Івана Франка) the list stays declared.
  x.streetListDeclared = x.streetListEnd >= 0 && x.streetListDeclared;
  x.streetListEnd = end;
  return end;
}

/** Settlement prefixes: с. Стоянка, смт Димер, м. Вознесенськ. */
export function settlementRun(x: SentenceScan, r: NameRun): number | undefined {
  const { a, b, prevTok, prev } = r;
  if (
    !prevTok ||
    !(
      SETTLEMENT_PREFIXES.has(prev) ||
      (prevTok.text === '.' && a >= 2 && SETTLEMENT_PREFIXES.has(`${x.low(a - 2)}.`))
    )
  )
    return undefined;
  // "м." after a number or a unit is metres ending a sentence (площею 100 кв. м. Власником …),
  // not a town: what follows opens a sentence, a name only where the article says so elsewhere.
  const pre = prevTok.text === '.' ? a - 2 : a - 1;
  const unit = x.tokens[pre - 1];
  if (
    x.low(pre) === 'м' &&
    unit &&
    (unit.kind === 'number' || /^(?:кв|куб)$/u.test(unit.norm) || unit.text === '.')
  ) {
    x.guess(a, b, 'MISC', -2);
    return b;
  }
  x.push(a, b, 'LOC', 1);
  return b;
}
