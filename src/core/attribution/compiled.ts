/**
 * A language's attribution data compiled once: speech-verb forms (English lemmas inflected by
 * rule) or stems (Ukrainian, Russian), fixed cue phrases by first word, and the word sets the
 * rules read.
 */
import { LANGUAGE_DATA, type LanguageData, type Phrase, type VerbClass, wordSet } from '../lexicon';
import { normalizeWord } from '../morphology';
import type { Language } from '../types';
import { EN } from './words';

export interface Compiled {
  d: LanguageData;
  /** verb stems (Ukrainian, Russian) by their first two letters, longest first. */
  verbStemsByPrefix: Map<number, { stem: string; cls: VerbClass }[]>;
  verbEndings: Set<string>;
  /** Whole verb forms (English): said, says, saying. */
  verbForms: Map<string, VerbClass>;
  /** Multi-word cues by their (inflected) first word: pointed → [out], made → [clear]. */
  multiWordCues: Map<string, { rest: string[]; cls: VerbClass }[]>;
  attitudeAdjectives: Set<string>;
  /** Capitalised function words (The, Many, In): never a name before a verb. */
  stopCapitalized: Set<string>;
  /** Every word that may start a cue other than a verb matched by stem: a fast pre-filter. */
  cueStarts: Set<string>;
  /**
   * One word of each cue of the lexicon other than a speech verb, its longest ("за словами" →
   * "словами"): text with none of them and no speech verb holds no cue of the lexicon.
   */
  cueAnchors: Set<string>;
  /** Forms of the colon verbs (continued, went on) by first word, with the words after it. */
  colonForms: Map<string, string[]>;
  phrasesByFirst: Map<string, { words: string[]; p: Phrase }[]>;
  complementizers: Set<string>;
  contentIntroducers: Set<string>;
  about: Set<string>;
  pronouns: Set<string>;
  anonymous: Set<string>;
  documents: Set<string>;
  mediaNouns: Set<string>;
  titles: Set<string>;
  authorVoice: Set<string>;
  impersonal: Set<string>;
  possNouns: Set<string>;
  possPronouns: Set<string>;
  possPrefixes: Set<string>;
}

const compiledCache = new Map<Language, Compiled>();

export function enVerbForms(lemma: string, irregular: Record<string, string[]> = {}): string[] {
  // Entries already inflected (said, found, told, stated) are forms, not lemmas.
  if (/ed$/.test(lemma) || EN.irregularForms.has(lemma)) return [lemma];
  // A multi-word entry inflects its first word: point out → pointed out.
  const sp = lemma.indexOf(' ');
  if (sp > 0) return enVerbForms(lemma.slice(0, sp), irregular).map((f) => f + lemma.slice(sp));
  const forms = [lemma];
  const cons = /[^aeiou]$/.test(lemma);
  if (lemma.endsWith('e')) forms.push(`${lemma}s`, `${lemma}d`, `${lemma.slice(0, -1)}ing`);
  else if (/[^aeiou]y$/.test(lemma))
    forms.push(`${lemma.slice(0, -1)}ies`, `${lemma.slice(0, -1)}ied`, `${lemma}ing`);
  else if (/(s|sh|ch|x|z)$/.test(lemma)) forms.push(`${lemma}es`, `${lemma}ed`, `${lemma}ing`);
  else {
    forms.push(`${lemma}s`, `${lemma}ed`, `${lemma}ing`);
    if (cons && /[aeiou][^aeiouwxy]$/.test(lemma))
      forms.push(`${lemma}${lemma.slice(-1)}ed`, `${lemma}${lemma.slice(-1)}ing`);
  }
  const irr = irregular[lemma];
  if (irr) {
    // Irregular verbs have no regular past: "speaked", "sayed" never occur.
    const regular = new Set(forms.filter((f) => /ed$/.test(f)));
    return [...forms.filter((f) => !regular.has(f)), ...irr];
  }
  return forms;
}

/** Verb lemmas inflected into forms (single words) and multi-word cues by first word. */
function inflectVerbs(d: LanguageData) {
  const verbForms = new Map<string, VerbClass>();
  const multiWordCues: Compiled['multiWordCues'] = new Map();
  const pastOnly = new Set(d.pastOnly ?? []);
  const notCue = new Set(d.notCueForms ?? []);
  for (const cls of ['say', 'directive', 'belief'] as VerbClass[]) {
    for (const v of d.verbs[cls]) {
      const past = pastOnly.has(v);
      for (const f of enVerbForms(v, d.irregular)) {
        if (verbForms.has(f) || notCue.has(f) || (past && !(f.endsWith('ed') && f !== v))) continue;
        const sp = f.indexOf(' ');
        if (sp < 0) verbForms.set(f, cls);
        else {
          const list = multiWordCues.get(f.slice(0, sp)) ?? [];
          list.push({ rest: f.slice(sp + 1).split(' '), cls });
          multiWordCues.set(f.slice(0, sp), list);
        }
      }
    }
  }
  for (const list of multiWordCues.values()) list.sort((x, y) => y.rest.length - x.rest.length);
  return { verbForms, multiWordCues };
}

function verbStems(d: LanguageData) {
  const stems: { stem: string; cls: VerbClass }[] = [];
  for (const cls of ['say', 'directive', 'belief'] as VerbClass[])
    for (const v of d.verbs[cls]) stems.push({ stem: normalizeWord(v), cls });
  stems.sort((x, y) => y.stem.length - x.stem.length);
  return groupBy(stems, (x) => x.stem.charCodeAt(0) * 65536 + x.stem.charCodeAt(1));
}

export function compile(lang: Language): Compiled {
  const cached = compiledCache.get(lang);
  if (cached) return cached;
  const d = LANGUAGE_DATA[lang];
  const lemmas = d.verbEntries === 'lemmas';
  const { verbForms, multiWordCues } = lemmas
    ? inflectVerbs(d)
    : { verbForms: new Map(), multiWordCues: new Map() };
  const c: Compiled = {
    d,
    verbStemsByPrefix: lemmas ? new Map() : verbStems(d),
    verbEndings: new Set(['', ...d.verbEndings]),
    verbForms,
    multiWordCues,
    attitudeAdjectives: new Set(d.attitudeAdjectives ?? []),
    cueStarts: new Set(),
    cueAnchors: new Set(),
    stopCapitalized: new Set(d.stopCapitalized),
    colonForms: new Map(
      (d.colonVerbs ?? [])
        .flatMap((v) => enVerbForms(v, d.irregular))
        .map((f) => [f.split(' ')[0], f.split(' ').slice(1)] as [string, string[]]),
    ),
    phrasesByFirst: groupBy(
      d.phrases
        .map((p) => ({ words: p.cue.split(' ').map(normalizeWord), p }))
        .sort((x, y) => y.words.length - x.words.length),
      (x) => x.words[0],
    ),
    complementizers: wordSet(d.complementizers),
    contentIntroducers: wordSet(d.contentIntroducers),
    about: wordSet(d.about),
    pronouns: wordSet(d.pronouns),
    anonymous: wordSet(d.anonymous),
    documents: wordSet(d.documents),
    mediaNouns: wordSet(d.orgMediaNouns),
    titles: wordSet(d.titles),
    authorVoice: wordSet(d.authorVoice),
    impersonal: wordSet(d.impersonal),
    possNouns: wordSet(d.possessivePhrase.nouns),
    possPronouns: wordSet(d.possessivePhrase.pronouns),
    possPrefixes: wordSet(d.possessivePhrase.prefixes),
  };
  c.cueStarts = new Set([
    ...c.possPrefixes,
    ...c.phrasesByFirst.keys(),
    ...c.attitudeAdjectives,
    ...c.verbForms.keys(),
    ...c.multiWordCues.keys(),
    ...c.colonForms.keys(),
  ]);
  c.cueAnchors = new Set(
    [
      ...[...c.phrasesByFirst.values()].flat().map((x) => x.words),
      ...[...c.multiWordCues].flatMap(([first, list]) => list.map((m) => [first, ...m.rest])),
      ...[...c.colonForms].map(([first, rest]) => [first, ...rest]),
      ...[...c.attitudeAdjectives].map((w) => [w]),
    ].map(longest),
  );
  compiledCache.set(lang, c);
  return c;
}

const longest = (words: string[]) => words.reduce((a, b) => (b.length > a.length ? b : a), '');

function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k) ?? [];
    list.push(it);
    m.set(k, list);
  }
  return m;
}

export function verbClass(c: Compiled, word: string): VerbClass | undefined {
  return verbClassOf(c, normalizeWord(word));
}

/** The speech-verb class of an already normalised word, if it is one. */
export function verbClassOf(c: Compiled, w: string): VerbClass | undefined {
  const form = c.verbForms.get(w);
  if (form) return form;
  // Only the few stems sharing the word's first two letters, found by a numeric key: no string
  // is hashed or allocated for the common case, a word that is no speech verb.
  const list = c.verbStemsByPrefix.get(w.charCodeAt(0) * 65536 + w.charCodeAt(1));
  if (!list) return undefined;
  for (const { stem, cls } of list)
    if (w.startsWith(stem) && c.verbEndings.has(w.slice(stem.length))) return cls;
  return undefined;
}

/**
 * A word that names no one in particular (джерела, неназваних, sources). Ukrainian and Russian
 * entries are stems (неназван → неназваних, посадовц → посадовців); English ones whole words
 * ("person" must not take "personally").
 */
export function isAnonymousWord(c: Compiled, w: string): boolean {
  if (c.anonymous.has(w)) return true;
  if (!/^[\u0400-\u04ff]/.test(w)) return false;
  for (const st of c.anonymous) if (st.length >= 5 && w.startsWith(st)) return true;
  return false;
}
