/**
 * Entities from mentions: the same gazetteer entry, the same stem key, or a part of a person's
 * name ("Кіма" joins "Кім Чен Ин"); canonical names in the article's language.
 */
import { gazetteerIndex } from '../lexicon';
import { nameWords, stem } from '../morphology';
import type { Entity, Language, Span } from '../types';
import { keyOf, stemsOf, wordsOf } from './resolve';
import type { RawMention } from './scan';

/** Groups mentions into entities: same gazetteer entry, same key, or a part of a person's name. */
export function groupEntities(text: string, mentions: RawMention[], lang: Language = 'uk'): Entity[] {
  const entities: (Entity & { keys: Set<string>; words: Set<string> })[] = [];
  const byKey = new Map<string, (typeof entities)[number]>();
  const firstNameCanon = firstNameNominatives(lang);
  const perByWord = new Map<string, (typeof entities)[number]>();
  // Longer mentions first, so that "Кім" finds "Кім Чен Ин" and "Путіним" finds "Володимир Путін".
  const order = [...mentions].sort(
    (a, b) => wordsOf(text, b).length - wordsOf(text, a).length || a.start - b.start,
  );
  for (const m of order) {
    const surface = text.slice(m.start, m.end);
    const words = wordsOf(text, m);
    const key = `${m.type}:${m.known ? m.known.name : keyOf(text, m)}`;
    let e = byKey.get(key);
    if (!e && m.type === 'PER' && words.length === 1) e = perByWord.get(stemsOf(text, m)[0]);
    if (!e) {
      e = {
        id: '',
        type: m.type,
        name: (m.known && (m.known.names?.[lang] || m.known.name)) || words.join(' '),
        kind: m.known?.kind,
        stateMedia: m.known?.kind === 'state-media' || undefined,
        mentions: [],
        keys: new Set(),
        words: new Set(stemsOf(text, m)),
      };
      if (e.stateMedia) e.kind = 'media';
      entities.push(e);
      // First person with a word wins, as a scan in creation order would find (linear, not quadratic).
      if (e.type === 'PER') for (const w of e.words) if (!perByWord.has(w)) perByWord.set(w, e);
    }
    e.keys.add(key);
    byKey.set(key, e);
    e.mentions.push({ start: m.start, end: m.end, text: surface });
  }
  for (const e of entities) {
    e.mentions.sort((a, b) => a.start - b.start);
    if (e.type === 'PER') e.name = canonicalPerson(e.mentions, firstNameCanon);
  }
  entities.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
  return entities.map((e, i) => {
    const out: Entity = { id: `E${i + 1}`, type: e.type, name: e.name, mentions: e.mentions };
    if (e.kind) out.kind = e.kind;
    if (e.stateMedia) out.stateMedia = true;
    return out;
  });
}

const firstNamesNom = new Map<Language, Map<string, string>>();
/** Stem → nominative given name, the article's language first (Дмитрия → Дмитрий in ru, Дмитро in uk). */
function firstNameNominatives(lang: Language): Map<string, string> {
  let m = firstNamesNom.get(lang);
  if (!m) {
    m = new Map();
    const gaz = gazetteerIndex();
    const order = [lang, ...(['uk', 'ru', 'en'] as Language[]).filter((l) => l !== lang)];
    for (const l of order)
      for (const n of gaz.firstNamesByLang.get(l) ?? []) if (!m.has(stem(n))) m.set(stem(n), n);
    firstNamesNom.set(lang, m);
  }
  return m;
}

/**
 * A readable canonical name from all mentions of a person: first names in the nominative from
 * the name list, other words in their shortest seen form (Путіним, Путін → Путін).
 */
function canonicalPerson(mentions: Span[], firstNames: Map<string, string>): string {
  const longest = mentions.reduce((a, b) => (nameWords(b.text).length > nameWords(a.text).length ? b : a));
  const variants = new Map<string, string>();
  for (const m of mentions)
    for (const w of nameWords(m.text)) {
      const k = stem(w);
      const cur = variants.get(k);
      if (!cur || w.length < cur.length) variants.set(k, w);
    }
  return nameWords(longest.text)
    .map((w, i) =>
      i === 0 && firstNames.has(stem(w)) ? firstNames.get(stem(w))! : (variants.get(stem(w)) ?? w),
    )
    .join(' ');
}
