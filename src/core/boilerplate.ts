/** Recognises boilerplate lines (read also, photo credits, subscription calls, site chrome). */

import lexicon from './data/boilerplate.json';
import { paragraphs } from './text';
import type { Span } from './types';

const PATTERNS = lexicon.patterns.map((p) => new RegExp(p, 'iu'));

export function isBoilerplateLine(line: string): boolean {
  return PATTERNS.some((re) => re.test(line.trim()));
}

export function findBoilerplate(text: string): Span[] {
  return paragraphs(text).filter((p) => isBoilerplateLine(p.text));
}
