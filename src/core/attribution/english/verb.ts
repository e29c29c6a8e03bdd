/**
 * English verb cues (PolNeAR style), in order: a sentence-initial participle's subject after its
 * phrase, an inverted source after the content, the subject before the verb (english/subject.ts),
 * a source after the verb or the sentence's subject (english/inverted.ts), then the content
 * (english/content.ts). Each step either finishes the attribution or hands on.
 */
import { span, trimSpan } from '../../text';
import type { Attribution } from '../../types';
import { firstWordIndex } from '../context';
import type { CueSite } from '../rules';
import { EN } from '../words';
import { findVerbContent } from './content';
import { invertedAfterContent, sourceAfterVerb } from './inverted';
import { finish, newVerbState, type Outcome, span2, type VerbState } from './site';
import { findSubject } from './subject';

export function buildEnglishVerb(site: CueSite): Attribution | null {
  const { toks, lw, cue } = site;
  // Noun homographs ("the report", "court of appeals", "18 states"); "say" has none after a
  // quantifier ("Several said", "Two in three say", "43 said").
  const sayAfterQuantifier =
    EN.sayForms.has(lw(cue.a)) &&
    cue.a === cue.b &&
    !EN.sayNounAfter.has(lw(cue.a - 1)) &&
    // "who in 2010 said": a year, not a count of speakers.
    !/^(1[89]|20)\d\d$/.test(lw(cue.a - 1));
  if (!sayAfterQuantifier && (EN.nounPrecedents.has(lw(cue.a - 1)) || toks[cue.a - 1]?.kind === 'number'))
    return null;
  const v = newVerbState(site);
  const done = participleOpening(v) ?? invertedAfterContent(v) ?? subjectThenContent(v);
  return done ? done.att : null;
}

function subjectThenContent(v: VerbState): Outcome {
  findSubject(v);
  return sourceAfterVerb(v) ?? findVerbContent(v);
}

/**
 * "Lamenting their luck, Mexicans often say …": a sentence-initial participle's source is the
 * subject after its phrase, its content the phrase.
 */
function participleOpening(v: VerbState): Outcome {
  const { toks, lw, cue, s, text, mentionAt } = v.site;
  if (cue.a !== firstWordIndex(toks) || !/ing$/.test(lw(cue.a))) return undefined;
  const comma = toks.findIndex((t, i) => i > cue.b && t.text === ',');
  if (!(comma > 0 && comma - cue.b < 20)) return undefined;
  const subj = mentionAt(toks[comma].end, s.end).find(
    (m) => m.entity.type !== 'LOC' && m.start < (toks[comma + 4]?.end ?? s.end),
  );
  if (subj && subj.start === toks[comma + 1]?.start) v.source = [span(text, subj.start, subj.end)];
  else if (EN.subjectPronouns.has(lw(comma + 1))) v.source = [span2(v.site, comma + 1, comma + 1)];
  if (!v.source.length) return undefined;
  const r = trimSpan(text, toks[cue.b + 1]?.start ?? toks[cue.b].end, toks[comma].start);
  if (r) v.content = [r];
  return finish(v);
}
