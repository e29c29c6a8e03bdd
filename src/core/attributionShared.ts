/**
 * What the attribution rules share: the compiled language data (verb stems and forms, phrases,
 * word sets), cues, the attribution context, source classification and the last step that
 * turns a cue, a source and a content into an Attribution.
 */
import type { Article, Sentence } from './article';
import { LANGUAGE_DATA, type LanguageData, type Phrase, type VerbClass, wordSet } from './lexicon';
import { normalizeWord } from './morphology';
import { findQuotes } from './quotes';
import { type Token, trimSpan } from './text';
import type { Attribution, Entity, Language, SourceKind, Span } from './types';

export interface AttributionContext {
  article: Article;
  text: string;
  lang: Language;
  entities: Entity[];
}

export interface Cue {
  /** Token index range [a, b] of the cue words (b inclusive). */
  a: number;
  b: number;
  spans: Span[];
  kind: Phrase['kind'] | VerbClass;
  /** Where the source is to be looked for. */
  sourceAt: 'after' | 'before' | 'none' | 'auto';
  /** Token index where an explicit source phrase starts (for possessive "За його словами"). */
  sourceTok?: number;
}

export interface Compiled {
  d: LanguageData;
  verbStems: { stem: string; cls: VerbClass }[];
  /** verbStems by their first two letters, longest first. */
  verbStemsByPrefix: Map<number, { stem: string; cls: VerbClass }[]>;
  verbEndings: Set<string>;
  enForms: Map<string, VerbClass>;
  /** English multi-word cues by their (inflected) first word: pointed → [out], made → [clear]. */
  enMulti: Map<string, { rest: string[]; cls: VerbClass }[]>;
  attitudeAdjectives: Set<string>;
  /** Capitalised function words (The, Many, In): never a name before a verb. */
  stopCapitalized: Set<string>;
  /** Every word that may start a cue other than a Ukrainian/Russian verb: a fast pre-filter. */
  cueStarts: Set<string>;
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

const IRREGULAR_FORMS = new Set([
  'said',
  'told',
  'found',
  'finds',
  'shows',
  'shown',
  'showed',
  'written',
  'wrote',
  'stated',
  'felt',
  'knew',
  'known',
  'learnt',
  'thought',
  'understood',
]);

export function enVerbForms(lemma: string, irregular: Record<string, string[]> = {}): string[] {
  // Entries already inflected (said, found, told, stated) are forms, not lemmas.
  if (/ed$/.test(lemma) || IRREGULAR_FORMS.has(lemma)) return [lemma];
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

export function compile(lang: Language): Compiled {
  let c = compiledCache.get(lang);
  if (c) return c;
  const d = LANGUAGE_DATA[lang];
  const verbStems: Compiled['verbStems'] = [];
  const enForms = new Map<string, VerbClass>();
  const pastOnly = new Set(d.pastOnly ?? []);
  const enMulti: Compiled['enMulti'] = new Map();
  const notCue = new Set(d.notCueForms ?? []);
  for (const cls of ['say', 'directive', 'belief'] as VerbClass[]) {
    for (const v of d.verbs[cls]) {
      if (lang === 'en') {
        const past = pastOnly.has(v);
        for (const f of enVerbForms(v, d.irregular)) {
          if (enForms.has(f) || notCue.has(f) || (past && !(f.endsWith('ed') && f !== v))) continue;
          const sp = f.indexOf(' ');
          if (sp < 0) enForms.set(f, cls);
          else {
            const list = enMulti.get(f.slice(0, sp)) ?? [];
            list.push({ rest: f.slice(sp + 1).split(' '), cls });
            enMulti.set(f.slice(0, sp), list);
          }
        }
      } else verbStems.push({ stem: normalizeWord(v), cls });
    }
  }
  verbStems.sort((x, y) => y.stem.length - x.stem.length);
  for (const list of enMulti.values()) list.sort((x, y) => y.rest.length - x.rest.length);
  c = {
    d,
    verbStems,
    verbStemsByPrefix: groupBy(verbStems, (x) => x.stem.charCodeAt(0) * 65536 + x.stem.charCodeAt(1)),
    verbEndings: new Set(['', ...d.verbEndings]),
    enForms,
    enMulti,
    attitudeAdjectives: new Set(d.attitudeAdjectives ?? []),
    cueStarts: new Set(),
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
    ...c.enForms.keys(),
    ...c.enMulti.keys(),
    ...c.colonForms.keys(),
  ]);
  compiledCache.set(lang, c);
  return c;
}

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

export function verbClass(c: Compiled, lang: Language, word: string): VerbClass | undefined {
  return verbClassOf(c, lang, normalizeWord(word));
}

/** verbClass for an already normalised word. */
export function verbClassOf(c: Compiled, lang: Language, w: string): VerbClass | undefined {
  if (lang === 'en') return c.enForms.get(w);
  // Only the few stems sharing the word's first two letters, found by a numeric key: no string
  // is hashed or allocated for the common case, a word that is no speech verb.
  const list = c.verbStemsByPrefix.get(w.charCodeAt(0) * 65536 + w.charCodeAt(1));
  if (!list) return undefined;
  for (const { stem, cls } of list)
    if (w.startsWith(stem) && c.verbEndings.has(w.slice(stem.length))) return cls;
  return undefined;
}

export const isWordTok = (t: Token | undefined) => !!t && (t.kind === 'word' || t.kind === 'number');

export const CLAUSE_STOP = new Set([',', ';', ':', '(', ')', '—', '–', '-', '.', '!', '?', '…']);

/** English words that are nouns at least as often as verbs: a cue only right after a name or pronoun. */
export const EN_NOUNISH = new Set([
  'advocates',
  'advocate',
  'blame',
  'praise',
  'criticism',
  'plan',
  'plans',
  'post',
  'posts',
  'tweet',
  'tweets',
  'report',
  'reports',
  'comment',
  'comments',
  'remark',
  'remarks',
  'question',
  'questions',
  'claim',
  'claims',
  'attack',
  'attacks',
  'detail',
  'details',
  'project',
  'projects',
  'credit',
  'credits',
  'charge',
  'charges',
  'talk',
  'talks',
  'view',
  'views',
  'support',
  'supports',
  'show',
  'shows',
  'call',
  'calls',
  'release',
  'releases',
  'offer',
  'offers',
  'request',
  'requests',
  'demand',
  'demands',
  'order',
  'orders',
  'appeal',
  'appeals',
  'state',
  'states',
  'note',
  'notes',
  'answer',
  'answers',
  'reply',
  'replies',
  'estimate',
  'estimates',
  'forecast',
  'forecasts',
  'promise',
  'promises',
  'pledge',
  'pledges',
  'fear',
  'fears',
  'hope',
  'hopes',
  'doubt',
  'doubts',
  'worry',
  'worries',
  'wish',
  'wishes',
  'address',
  'speech',
  'concern',
  'concerns',
  'challenge',
  'challenges',
  'dispute',
  'disputes',
  'reports',
  'reporting',
  'speaking',
  'known',
  'found',
  'thought',
  'feel',
  'see',
  'view',
  'like',
  'love',
  'favor',
  'favour',
  'trust',
  'frame',
  'label',
  'link',
  'signal',
  'hint',
  'alert',
  'forecast',
  'project',
  'publish',
  'record',
  'want',
  'wants',
]);

export const EN_PARTICLE_VERBS =
  /^(call|calls|called|calling|point|points|pointed|pointing|refer|refers|referred|referring|speak|speaks|spoke|speaking|talk|talks|talked|talking|ask|asks|asked|asking|warn|warns|warned|warning|complain|complains|complained|complaining|weigh|weighed|comment|commented|respond|responded|reply|replied|object|objected|testify|testified|boast|boasted|joke|joked|write|wrote|written|writes)$/;

export const EN_AUX = new Set([
  'has',
  'have',
  'had',
  'also',
  'would',
  'will',
  'could',
  'should',
  'might',
  'may',
  'did',
  'does',
  'do',
  'is',
  'was',
  'are',
  'were',
  'been',
  'be',
  'being',
  'repeatedly',
  'previously',
  'later',
  'then',
  'just',
  'recently',
  'publicly',
  'privately',
  'often',
  'once',
  'still',
  'already',
  'again',
  'even',
  'reportedly',
  'allegedly',
  'initially',
  'firmly',
  'flatly',
  'quickly',
  'openly',
  'has long',
  'long',
  'ultimately',
  'finally',
  'simply',
  'only',
  'always',
  'frequently',
  'keeps',
  'kept',
  'continues',
  'continued',
]);
/** Auxiliaries and modals: a word group holding one is a clause, not a name. */
export const EN_AUX_VERBS = new Set(
  'is are was were be been being has have had do does did will would shall should can could may might must'.split(
    ' ',
  ),
);

export const EN_CLAUSE = new Set([
  'that',
  'which',
  'who',
  'whom',
  'because',
  'and',
  'but',
  'when',
  'if',
  'as',
  'while',
  'although',
  'though',
  'so',
  'since',
  'after',
  'before',
  'where',
  'whether',
  'than',
  'or',
  'until',
  'unless',
  'whereas',
]);
export const EN_TIME = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'yesterday',
  'today',
  'tonight',
  'last',
  'this',
  'on',
  'in',
  'at',
  'during',
  'after',
  'before',
  'earlier',
  'later',
  'recently',
  'previously',
  'then',
  'again',
  'also',
  'that',
  'to',
  'of',
  'for',
  'with',
  'about',
  'from',
  'by',
  'as',
  'when',
  'while',
  'afterward',
  'afterwards',
  'late',
  'early',
  'next',
  'previous',
  'the',
  'a',
  'an',
]);
export const EN_NOUN_PREV = new Set([
  'the',
  'a',
  'an',
  'of',
  'in',
  'on',
  'for',
  'to',
  'with',
  'by',
  'from',
  'at',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'your',
  'this',
  'these',
  'those',
  'such',
  'no',
  'any',
  'some',
  'many',
  'new',
  'united',
  'several',
  'other',
  'two',
  'three',
  'all',
  'both',
  'each',
  'every',
  'whose',
]);

export function buildMentionIndex(entities: Entity[]) {
  const spans: { start: number; end: number; text: string; entity: Entity }[] = [];
  for (const e of entities)
    for (const m of e.mentions) spans.push({ start: m.start, end: m.end, text: m.text, entity: e });
  spans.sort((a, b) => a.start - b.start);
  // Binary search for the first mention at or after `start`: keeps large articles linear.
  return (start: number, end: number) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    const out: typeof spans = [];
    for (let i = lo; i < spans.length && spans[i].start < end; i++)
      if (spans[i].end <= end) out.push(spans[i]);
    return out;
  };
}

let tmpId = 0;
/** A provisional id; findAttributions numbers the final list A1, A2, … */
export function nextTmpId(): string {
  return `tmp${++tmpId}`;
}

export function firstWordIndex(toks: Token[]): number {
  const i = toks.findIndex((t) => t.kind === 'word' || t.kind === 'number');
  return Math.max(i, 0);
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

export function classifySource(
  c: Compiled,
  source: Span[],
  mentionAt: ReturnType<typeof buildMentionIndex>,
  cue: Cue,
): { kind: SourceKind; entity?: string } {
  if (!source.length) return { kind: 'none' };
  const s = source[0];
  const words = s.text.split(/\s+/).map(normalizeWord);
  const ms = mentionAt(s.start, s.end);
  const head = ms.find((m) => m.entity.type !== 'LOC') ?? ms[0];
  if (
    words.some(
      (w) =>
        isAnonymousWord(c, w) || (/[^\p{L}]/u.test(w) && isAnonymousWord(c, w.replace(/[^\p{L}]/gu, ''))),
    ) &&
    !ms.some((m) => m.entity.type === 'PER')
  ) {
    if (ms.some((m) => m.entity.kind === 'media') && !/^(джерел|source)/i.test(words[0]))
      return { kind: 'media', entity: head?.entity.id };
    return { kind: 'anonymous' };
  }
  // A title before a place is a person: "Лідер КНДР", "President of France".
  if ((!head || head.entity.type === 'LOC') && c.titles.has(words[0]))
    return { kind: 'person', entity: undefined };
  if (head) {
    const e = head.entity;
    if (e.type === 'PER') return { kind: 'person', entity: e.id };
    if (e.kind === 'media' || e.kind === 'state-media') return { kind: 'media', entity: e.id };
    if (e.type === 'LOC' || e.kind === 'government' || e.kind === 'international' || e.kind === 'country')
      return { kind: 'government', entity: e.id };
    return { kind: 'organisation', entity: e.id };
  }
  if (words.some((w) => c.documents.has(w)) || cue.kind === 'document') return { kind: 'document' };
  if (words.some((w) => c.mediaNouns.has(w))) return { kind: 'media' }; // "за даними телеканалу"
  // A bare capitalised name before a speech verb is, as a rule, a person's (Салліван заявив).
  if (/^\p{Lu}\p{Ll}+(?:[-‐]\p{Lu}?\p{Ll}+)?$/u.test(s.text)) return { kind: 'person' };
  if (words.length === 1 && c.pronouns.has(words[0])) return { kind: 'person' };
  if (words.some((w) => c.titles.has(w))) return { kind: 'person' };
  // An unknown capitalised name that looks like a surname (Песков, Шевченко) is a person.
  if (
    /^\p{Lu}/u.test(s.text) &&
    /(ов|ев|єв|ин|ін|енко|ук|юк|чук|ський|цький|ская|ська|ова|ева|son|ski|sky)$/u.test(s.text)
  )
    return { kind: 'person' };
  return { kind: /^\p{Lu}/u.test(s.text) ? 'organisation' : 'person' };
}

/**
 * The last step of every attribution: content from the next paragraph when the cue ends its own
 * with a colon, a minimal content length, and the source classified.
 */
export function finishAttribution(
  ctx: AttributionContext,
  c: Compiled,
  s: Sentence,
  cue: Cue,
  source: Span[],
  content: Span[],
  direct: boolean,
  mentionAt: ReturnType<typeof buildMentionIndex>,
): Attribution | null {
  if (!content.length) {
    const after = colonContent(ctx, s, cue);
    if (after) {
      content = [after.span];
      direct = after.direct;
    }
  }
  if (!content.length || content.some((x) => x.text.length < 2)) return null;
  // "He’s", "I've": the contracted verb is not the source's.
  if (ctx.lang === 'en')
    source = source.map((x) => {
      const m = /(?<=(?:^|\s)(?:he|she|it|who|that|there|what|i|we|they|you))['’](?:s|ve|m|re|d|ll)$/i.exec(
        x.text,
      );
      return m ? { start: x.start, end: x.end - m[0].length, text: x.text.slice(0, -m[0].length) } : x;
    });
  const { kind, entity } = classifySource(c, source, mentionAt, cue);
  const att: Attribution = {
    id: nextTmpId(),
    cue: cue.spans,
    source,
    content,
    direct,
    anonymous: kind === 'anonymous' || kind === 'none',
    sourceKind: kind,
  };
  if (entity) att.sourceEntity = entity;
  return att;
}

/**
 * "The New York Times reports:" / "Він заявив:" closing a paragraph: the content is the next
 * paragraph (a quotation, as a rule).
 */
export function colonContent(
  ctx: AttributionContext,
  s: Sentence,
  cue: Cue,
): { span: Span; direct: boolean } | null {
  const toks = s.tokens;
  let k = cue.b + 1;
  while (k < toks.length && toks[k].kind === 'word' && k - cue.b <= 3) k++;
  if (toks[k]?.text !== ':' || toks.slice(k + 1).some((t) => t.kind === 'word')) return null;
  const next = ctx.article.paragraphs[s.paragraph + 1];
  if (!next || next.boilerplate) return null;
  // A paragraph that is one quotation: its inside; otherwise the paragraph.
  const q = findQuotes(ctx.text, next.start, next.end).find((x) => x.open === next.start);
  if (q && trimSpan(ctx.text, q.close + 1, next.end, ' \t.,;!?…') === null) {
    const inside = trimSpan(ctx.text, q.open + 1, q.close, ' \t');
    return inside ? { span: inside, direct: true } : null;
  }
  const whole = trimSpan(ctx.text, next.start, next.end, ' \t');
  return whole ? { span: whole, direct: false } : null;
}
