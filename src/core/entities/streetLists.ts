/**
 * Lists of streets (procurement notices list the streets to repair): after a street (вул.
 * Завокзальна, Броварська, Головатого) or a plural head (ремонт вулиць: В. Чорновола, Різдвяна,
 * Героїв Сталінграда, 30 років Перемоги) every item of the list is a place, though most items
 * alone look like people's names in the genitive (Леніна, Сурікова) or like adjectives.
 */
import { capWord, initialAt, type SentenceScan } from './scan';
import { STREET_HEAD } from './words';

/** Longest item, in tokens (Остафія Дашкевича, В . Чорновола, Паризької Комуни). */
const MAX_ITEM = 5;
const ITEM_END = new Set([',', '.', ';', ')', ':']);

/** Token k opens a list: a plural street head, or a street head before a colon (вулиць:, вулиці:). */
export function opensStreetList(x: SentenceScan, k: number): boolean {
  const t = x.tokens[k];
  // Cheapest tests first: this runs on every token of every sentence.
  const colon = x.tokens[k + 1]?.text === ':';
  if (!x.L.streetListHeads.has(t.norm) && !(colon && STREET_HEAD.test(t.norm))) return false;
  if (t.kind !== 'word' || capWord(t)) return false;
  x.streetListEnd = colon ? k + 1 : k;
  x.streetListDeclared = true;
  return true;
}

/** Whether token k joins list items: a comma, or та / і / й. */
function joiner(x: SentenceScan, k: number): boolean {
  const t = x.tokens[k];
  return t.text === ',' || (t.kind === 'word' && x.L.streetListJoiners.has(t.norm));
}

/** Last token of an item of capitalised words and initials starting at a, or −1. */
function itemEnd(x: SentenceScan, a: number): number {
  const { tokens } = x;
  let k = a;
  let end = -1;
  while (k < tokens.length && k < a + MAX_ITEM) {
    const initial = initialAt(tokens, k, x.text);
    if (initial > 0) k = initial;
    else if (!capWord(tokens[k])) break;
    end = k++;
  }
  return end;
}

/**
 * The item of an open list starting at token i: pushed as a place, its last token returned. A
 * token that is neither an item nor a joiner closes the list.
 */
export function streetListItem(x: SentenceScan, i: number): number | undefined {
  const { tokens } = x;
  if (x.streetListEnd < 0 || !(capWord(tokens[i]) || tokens[i].kind === 'number')) return undefined;
  // A street with its prefix (…, б-р Шевченка) is the street rule's, the list still open.
  if (i - 1 > x.streetListEnd && x.L.locPrefixes.has(tokens[i - 1].norm)) return undefined;
  for (let k = x.streetListEnd + 1; k < i; k++)
    if (!joiner(x, k)) {
      x.streetListEnd = -1;
      return undefined;
    }
  if (i === x.streetListEnd + 1 && !x.streetListDeclared) return undefined;
  // A dated name: 30 років Перемоги.
  const dated = tokens[i].kind === 'number' && x.L.streetYearWords.has(x.low(i + 1)) ? i + 2 : i;
  const end = itemEnd(x, dated);
  const next = tokens[end + 1];
  const closes = !next || ITEM_END.has(next.text) || joiner(x, end + 1);
  // After one street a person may follow (на вулиці Шевченка, Іван Петренко …): only a declared
  // list takes a given name.
  const person = !x.streetListDeclared && x.gaz.isFirstName(tokens[dated].text);
  if (end < 0 || !closes || person || tokens.slice(i, end + 1).some((_, j) => x.used[i + j])) {
    x.streetListEnd = -1;
    return undefined;
  }
  x.push(i, end, 'LOC', 1);
  x.streetListEnd = end;
  return end;
}
