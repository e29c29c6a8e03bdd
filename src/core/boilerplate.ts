/** Recognises boilerplate lines (read also, photo credits, subscription calls, site chrome). */

import lexicon from './data/boilerplate.json';
import { paragraphs } from './text';
import type { Span } from './types';

// One alternation of all the patterns: one regex run per paragraph instead of one per pattern.
// Every pattern is anchored at the line start; the anchor is hoisted so the engine knows it.
const PATTERN = new RegExp(`^(?:${lexicon.patterns.map((p) => p.replace(/^\^/, '')).join('|')})`, 'iu');

export function isBoilerplateLine(line: string): boolean {
  return PATTERN.test(line.trim());
}

export function findBoilerplate(text: string): Span[] {
  return paragraphs(text).filter((p) => isBoilerplateLine(p.text));
}
