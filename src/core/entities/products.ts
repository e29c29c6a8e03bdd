/**
 * Products named by maker and model (Skoda Superb, Toyota Land Cruiser 150 Prado, Audi Q7,
 * SUBARU Forester): neither people nor organisations (NER-UK tags them ART); the maker alone
 * (Toyota оголосила …) stays a company.
 */
import type { Token } from '../text';
import type { SentenceScan } from './scan';
import { PRODUCT_MAKERS } from './words';

/** Words of a model: capitalised, with a digit (Q7, Forester2007), or Latin in lower case (land cruiser). */
const MODEL_WORD = /^(?:\p{Lu}|[\p{L}\d-]*\d|[a-z][a-z-]+$)/u;
/** Longest model, in tokens (Land Cruiser 150 Prado). */
const MAX_MODEL = 4;

function modelWord(x: SentenceScan, t: Token | undefined, prev: Token): boolean {
  if (!t || (t.kind !== 'word' && t.kind !== 'number') || t.start - prev.end > 1) return false;
  // A country or a person after the maker makes a company's name (Toyota Україна), no model.
  return MODEL_WORD.test(t.text) && x.gaz.lookup([t.text])?.kind !== 'country' && !x.gaz.isFirstName(t.text);
}

/** A maker and its model at token i: taken (no mention), the model's last token returned. */
export function productName(x: SentenceScan, i: number): number | undefined {
  const { tokens } = x;
  if (x.lang === 'en' || !PRODUCT_MAKERS.has(tokens[i].norm)) return undefined;
  let k = i;
  while (k + 1 < tokens.length && k < i + MAX_MODEL && modelWord(x, tokens[k + 1], tokens[k])) k++;
  if (k === i) return undefined;
  for (let j = i; j <= k; j++) x.used[j] = 1;
  return k;
}
