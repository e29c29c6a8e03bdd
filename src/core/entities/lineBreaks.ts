/**
 * Names broken over a line: text broken after each abbreviation's or title's period (pasted
 * PDFs, NER-UK) puts a settlement after its prefix, or the end of a quoted title, on the next
 * line. Document passes: a paragraph's own mentions depend on its own text only (they are cached).
 */
import type { Article } from '../article';
import { ACRONYM, capWord, type RawMention } from './scan';

/** A line that ends with a settlement's prefix: "… зареєстроване у с." */
const PREFIX_AT_LINE_END = /(?:^|[\s(])(?:с|смт|сел) ?\.\s*$/u;

/** A settlement whose prefix ends the line before (у с.⏎Подвірки): the next line's first word is the place. */
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

/** A line ending inside a quoted title that opened on it: «Наші гроші. */
const OPEN_TITLE_AT_LINE_END = /«([^«»\n]{1,60})$/u;
/** The title's end on the next line: a few words and the closing mark (Львів»). */
const TITLE_END_AT_LINE_START = /^([^«»\n]{1,40})»/u;

/**
 * A quoted title broken over a line («Наші гроші.⏎Львів», «Наші гроші.⏎Досудилися») is one
 * name, the outlet's or the programme's: not a name on each line (the city is the title's, no place).
 */
export function quotesOverBreaks(article: Article, mentions: RawMention[]): RawMention[] {
  const added: RawMention[] = [];
  const paragraphs = article.paragraphs;
  for (let i = 1; i < paragraphs.length; i++) {
    const open = OPEN_TITLE_AT_LINE_END.exec(paragraphs[i - 1].text);
    if (!open || !/^\p{Lu}/u.test(open[1])) continue;
    const close = TITLE_END_AT_LINE_START.exec(paragraphs[i].text);
    if (!close || !/^\p{Lu}/u.test(close[1])) continue;
    const start = paragraphs[i - 1].end - open[1].length;
    added.push({ start, end: paragraphs[i].start + close[1].length, type: 'ORG', strength: 2 });
  }
  if (!added.length) return mentions;
  const inside = (m: RawMention) => added.some((a) => m.start < a.end && m.end > a.start);
  return [...mentions.filter((m) => !inside(m)), ...added];
}
