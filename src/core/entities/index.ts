/**
 * Named entities (PER, ORG, LOC) by rules: mentions (gazetteers, capitalisation, titles,
 * organisation forms and heads), then the document level — one type per name, and inflected or
 * shortened forms grouped under one canonical name.
 */

export { dropCommonOpeners } from './caseEvidence';
export { definedTerms } from './definedTerms';
export { groupEntities } from './group';
export { quotesOverBreaks, settlementsAfterBreaks } from './lineBreaks';
export { findMentions } from './mentions';
export { resolveMentions } from './resolve';
export type { RawMention } from './scan';
