/** Markdown helpers shared by hover cards and views (kept apart to avoid import cycles). */

/** Escapes text for MarkdownString so that Markdown and HTML in an article show literally. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** Annotation commands that hover-card links may run (MarkdownString.isTrusted). */
export const ANNOTATION_COMMANDS = [
  'newsmark.editAnnotationLabel',
  'newsmark.editAnnotationNote',
  'newsmark.deleteAnnotation',
  'newsmark.confirmFinding',
  'newsmark.rejectFinding',
  'newsmark.changeFindingType',
  'newsmark.noteOnFinding',
  'newsmark.confirmAllMentions',
];
