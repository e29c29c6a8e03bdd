/**
 * 3. Known names from the gazetteer, longest match first (forms may contain lower-case words:
 * Білий дім), with an organisation's country (Верховної Ради України) and a direction before a
 * place (Західна Україна).
 */
import { regionTail } from './organisations';
import { ADJ_END, adjacent, capWord, isOrgHead, isWord, type SentenceScan } from './scan';
import { DIRECTION } from './words';

/** The indexes of n adjacent word tokens from i, or undefined when there are fewer. */
function wordsFrom(x: SentenceScan, i: number, n: number): number[] | undefined {
  const { tokens, text } = x;
  const idx: number[] = [];
  for (let k = i; k < tokens.length && idx.length < n; k++) {
    if (!isWord(tokens[k])) break;
    if (idx.length > 0 && !adjacent(tokens[idx[idx.length - 1]], tokens[k], text)) break;
    idx.push(k);
  }
  return idx.length < n ? undefined : idx;
}

function headsAnotherBody(x: SentenceScan, i: number): boolean {
  const nx = x.tokens[i + 1];
  return (
    isOrgHead(x.L, x.tokens[i]) &&
    nx?.kind === 'word' &&
    !capWord(nx) &&
    adjacent(x.tokens[i], nx, x.text) &&
    /(ів|ей|их|іх|ості|ення|ання|ки|ти|ви|ди|ни|ри)$/u.test(nx.norm)
  );
}

export function gazetteerMatch(x: SentenceScan, i: number): number | undefined {
  const { tokens, text, lang, L, gaz, used } = x;
  const t = tokens[i];
  const maxN = gaz.maxWordsFrom(t.text);
  for (let n = Math.min(maxN, 6); n >= 1; n--) {
    const idx = wordsFrom(x, i, n);
    if (!idx) continue;
    const known = gaz.lookup(idx.map((k) => tokens[k].text));
    // "Хмельницьку міськраду", "Київській області": the place word is part of a longer name.
    const partOfLonger = known && n === 1 && lang !== 'en' && ADJ_END.test(x.low(i)) && x.headAfter(i + 1, 3);
    // A sentence-initial common word must not match a gazetteer form by accident.
    if (!known || partOfLonger || (n === 1 && L.stopCap.has(t.text))) continue;
    // A one-word alias that is an institution's head noun (Рада: the Verkhovna Rada) heads another
    // body before a lower-case genitive (Рада міністрів, Рада директорів, Рада безпеки ООН).
    if (n === 1 && known.type === 'ORG' && lang !== 'en' && headsAnotherBody(x, i)) continue;
    let end = idx[idx.length - 1];
    // An organisation's place: Верховної Ради України, Кабінету Міністрів України.
    if (known.type === 'ORG' && lang !== 'en') {
      const nx = tokens[end + 1];
      const place = nx && capWord(nx) && adjacent(tokens[end], nx, text) ? gaz.lookup([nx.text]) : undefined;
      if (place?.kind === 'country') end++;
      // ДСНС України у Закарпатській області: a body's region belongs to its name.
      if (known.kind !== 'media' && known.kind !== 'state-media') end = regionTail(tokens, end, text);
    }
    // A direction before a place is part of its name: Західна Україна, Східної Європи.
    let begin = i;
    const pv = tokens[i - 1];
    if (
      known.type === 'LOC' &&
      pv &&
      !used[i - 1] &&
      pv.kind === 'word' &&
      adjacent(pv, t, text) &&
      DIRECTION.test(pv.text)
    )
      begin = i - 1;
    x.push(begin, end, known.type, 2, end === idx[idx.length - 1] && begin === i ? known : undefined);
    return end;
  }
  return undefined;
}
