/** Streets and settlements by their prefix (Ukrainian, Russian): вул. Леніна, с. Стоянка, смт Димер. */
import type { Article } from '../article';
import { houseNumber } from './organisations';
import { ACRONYM, capWord, type NameRun, type RawMention, type SentenceScan } from './scan';
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
  x.push(a, b, 'LOC', 1);
  return b;
}

/** A line that ends with a settlement's prefix: "… зареєстроване у с." */
const PREFIX_AT_LINE_END = /(?:^|[\s(])(?:с|смт|сел)\.\s*$/u;

/**
 * A settlement whose prefix ends the line before (у с.⏎Подвірки: text broken after each
 * abbreviation's period, as in pasted PDFs and NER-UK): the first word of the next line is the
 * place. A document pass: a paragraph's own mentions depend on its own text only (they are cached).
 */
export function settlementsAfterBreaks(article: Article, mentions: RawMention[]): RawMention[] {
  const added: RawMention[] = [];
  const paragraphs = article.paragraphs;
  for (let i = 1; i < paragraphs.length; i++) {
    if (!PREFIX_AT_LINE_END.test(paragraphs[i - 1].text)) continue;
    const t = paragraphs[i].sentences[0]?.tokens[0];
    if (!capWord(t) || ACRONYM.test(t.text)) continue;
    added.push({ start: t.start, end: t.end, type: 'LOC', strength: 1 });
  }
  if (!added.length) return mentions;
  const at = new Set(added.map((m) => m.start));
  return [...mentions.filter((m) => !(at.has(m.start) && m.strength < 2)), ...added];
}
