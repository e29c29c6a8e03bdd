/**
 * The attribution rules' word lists, kept as data (src/core/data/attribution-*.json) and read
 * here once into sets, so that code names a list ("tellVerbs") instead of spelling its words.
 */
import common from '../data/attribution-common.json';
import en from '../data/attribution-en.json';
import ukRu from '../data/attribution-uk-ru.json';

type WordSets<T> = { readonly [K in Exclude<keyof T, '$comment'>]: ReadonlySet<string> };

function sets<T extends Record<string, unknown>>(data: T): WordSets<T> {
  const out: Record<string, ReadonlySet<string>> = {};
  for (const [k, v] of Object.entries(data)) if (Array.isArray(v)) out[k] = new Set(v as string[]);
  return out as WordSets<T>;
}

/** English lists (all lower case, matched against a token's normal form). */
export const EN = sets(en);
/** Ukrainian and Russian lists. */
export const UK_RU = sets(ukRu);
/** Lists for every language (credit labels, name particles, statement channels). */
export const COMMON = sets(common);
