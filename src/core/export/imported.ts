/** What an import file says of one span, the labels other tools use for Newsmark's, and import errors. */

export interface Imported {
  start: number;
  end: number;
  label: string;
  note?: string;
  /** The text the source file says the span holds, when it says (brat, W3C, doccano). */
  quote?: string;
}

export class ImportError extends Error {}

/** NER-UK and other tools' labels that mean Newsmark's. */
const LABEL_ALIASES: Record<string, string> = {
  PERS: 'PER',
  PERSON: 'PER',
  GPE: 'LOC',
  LOCATION: 'LOC',
  ORGANIZATION: 'ORG',
  ORGANISATION: 'ORG',
};
export const normLabel = (l: string) => {
  const clean =
    l
      .trim()
      .replace(/[^A-Za-z0-9_-]/g, '_')
      .slice(0, 64) || 'NOTE';
  return LABEL_ALIASES[clean.toUpperCase()] ?? clean;
};
