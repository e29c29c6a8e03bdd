/** Every command Newsmark contributes (package.json `contributes.commands`), as a type. */
export const COMMAND_IDS = [
  'newsmark.analyze',
  'newsmark.toggleHighlights',
  'newsmark.toggleForFile',
  'newsmark.showPanel',
  'newsmark.nextAttribution',
  'newsmark.previousAttribution',
  'newsmark.nextEntity',
  'newsmark.previousEntity',
  'newsmark.revealSpan',
  'newsmark.nextMention',
  'newsmark.addAnnotation',
  'newsmark.editAnnotationLabel',
  'newsmark.editAnnotationNote',
  'newsmark.deleteAnnotation',
  'newsmark.confirmFinding',
  'newsmark.rejectFinding',
  'newsmark.changeFindingType',
  'newsmark.noteOnFinding',
  'newsmark.undoAnnotation',
  'newsmark.openSidecar',
  'newsmark.exportArticle',
  'newsmark.exportWorkspace',
  'newsmark.importAnnotations',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];
