/**
 * Source finding shared by every language's non-verb rules and the Ukrainian/Russian verbs: the
 * noun phrase after an inverted cue, the noun phrase before a cue (a named entity preferred in a
 * long one), a name with its appositive ("Монтедуро, директор ACN, розповів").
 */
import { CLOSE_QUOTES, isCapitalized, OPEN_QUOTES, type Token } from '../text';
import type { Compiled } from './compiled';
import { verbClass } from './compiled';
import { CLAUSE_STOP, isWordTok } from './context';
import type { CueSite } from './rules';
import { UK_RU } from './words';

export type TokenRange = [number, number];

/** The noun phrase after the cue: up to a comma, a quote, a verb-like clause break or the end. */
export function sourceAfter(site: CueSite, from: number): TokenRange | null {
  const { toks, lw, c, rules, cueTokens } = site;
  let k = from;
  while (k < toks.length && !isWordTok(toks[k]) && toks[k].kind !== 'quote') k++;
  if (k >= toks.length) return null;
  let start = k;
  let end = k - 1;
  let depth = 0;
  for (; k < toks.length; k++) {
    const t = toks[k];
    if (t.kind === 'quote') {
      // Names in quotes: видання "Страна".
      if (OPEN_QUOTES.includes(t.text) && depth === 0 && k === start) {
        depth++;
        start = k + 1;
        continue;
      }
      if (depth > 0) {
        depth--;
        end = k - 1;
        k++;
        break;
      }
      break;
    }
    if (
      depth === 0 &&
      CLAUSE_STOP.has(t.text) &&
      !(t.text === '-' && t.start === toks[k - 1]?.end) &&
      // The dot of an initial before its name (Г.Блюмель, А. Монтедуро) does not end the source.
      !initialDot(toks, k, rules.spacedInitials)
    )
      break;
    // Where it was said ends the source: "повідомили представники компанії | у Twitter".
    if (depth === 0 && k > start && UK_RU.channelPrepositions.has(lw(k)) && isChannel(lw(k + 1))) break;
    // Another cue ends the source: "Як повідомляє Укрінформ | з посиланням на джерела, …".
    if (k > start && cueTokens.has(k)) break;
    if (
      depth === 0 &&
      isWordTok(t) &&
      (c.complementizers.has(lw(k)) || (k > start && verbClass(c, t.text) && !rules.nounishVerbs.has(lw(k))))
    )
      break;
    if (
      depth === 0 &&
      k > start &&
      rules.sourceBreakWords.has(lw(k)) &&
      !isCapitalized(toks[k + 1]?.text ?? '') &&
      // "міністр Австрії у справах ЄС Гернот Блюмель": part of the title.
      !UK_RU.titleCompletions.has(lw(k + 1))
    )
      break;
    if (isWordTok(t)) end = k;
    if (k - start > 12) break;
  }
  return end >= start ? [start, end] : null;
}

/** "X, директор ACN," ending at the comma `comma`: the first comma's index, if X is a name. */
export function appositiveBefore(site: CueSite, comma: number): number {
  const { toks, cueTokens } = site;
  for (let x = comma - 1; x > 0 && comma - x <= 12; x--) {
    const t = toks[x];
    if (t.kind === 'quote' || /^[.;:!?]$/.test(t.text) || cueTokens.has(x)) return -1;
    if (t.text === ',') {
      // Only particles between the commas make an aside, not an appositive ("Міністр, зокрема, сказав").
      if (isParticleAside(site, x + 1, comma)) return -1;
      // The name may carry a parenthesis: "Алессандро Монтедуро (Alessandro Monteduro), директор".
      let y = x - 1;
      if (toks[y]?.text === ')') while (y > 0 && toks[y].text !== '(') y--;
      if (toks[y]?.text === '(') y--;
      return isWordTok(toks[y]) && isCapitalized(toks[y].text) ? x : -1;
    }
  }
  return -1;
}

/** Whether the words from `a` up to `b` are all particles and adverbs (зокрема, також, офіційно). */
function isParticleAside(site: CueSite, a: number, b: number): boolean {
  for (let k = a; k < b; k++)
    if (!site.rules.sourceLeadWords.has(site.lw(k)) && !isAdverbBeforeVerb(site.toks, site.lw, k))
      return false;
  return a < b;
}

/** The last token of the name before an appositive's first comma, past a parenthesis. */
export function nameEndBefore(toks: Token[], comma: number): number {
  let y = comma - 1;
  if (toks[y]?.text === ')') while (y > 0 && toks[y].text !== '(') y--;
  return toks[y]?.text === '(' ? y - 1 : y;
}

/** Adverbs in -но, -ло, -ко … (офіційно, швидко) and particles (також, знову) between a subject and its verb. */
export function isAdverbBeforeVerb(toks: Token[], lw: (i: number) => string, k: number): boolean {
  return (
    isWordTok(toks[k]) &&
    !isCapitalized(toks[k].text) &&
    ((/(но|ло|ко|ьо|ше|іше|ще)$/.test(lw(k)) && lw(k).length > 3) || UK_RU.preVerbAdverbs.has(lw(k)))
  );
}

/**
 * A circumstance between a subject and its verb: "Речник Єврокомісії | після зустрічі | заявив",
 * "Тереза Мей | у вівторок | заявила": a preposition and up to three lower-case words right
 * before the verb, with a word before them. The token before the circumstance, or `to`.
 */
function beforeCircumstance(site: CueSite, to: number): number {
  const { toks, lw, cueTokens } = site;
  const lead = site.rules.sourceLeadWords;
  for (let p = to; p >= 1 && to - p <= 3; p--) {
    // Not a cue's words ("із посиланням на джерела писало"), nor a name, unless the name is a
    // platform ("Олег Синєгубов | у Telegram | повідомив").
    if (
      !isWordTok(toks[p]) ||
      (isCapitalized(toks[p].text) && !UK_RU.platforms.has(lw(p))) ||
      cueTokens.has(p) ||
      cueTokens.has(p - 1)
    )
      return to;
    // Not after a lead word: "Спочатку у компанії запевнили" has its source in the preposition.
    if (
      UK_RU.circumstancePrepositions.has(lw(p)) &&
      p < to &&
      ((isWordTok(toks[p - 1]) && !lead.has(lw(p - 1))) || toks[p - 1].text === ',') &&
      // Part of a title: "Уповноважений у справах дітей".
      !UK_RU.titleCompletions.has(lw(p + 1))
    )
      return p - 1;
  }
  return to;
}

/**
 * A time, "про це" or a channel at the start of a source candidate ("цього дня віце-голова …",
 * "вівторок Ryanair", "Про це він"): the candidate's first word after it.
 */
function afterLeadingTime(site: CueSite, a: number, b: number): number {
  const { lw, toks, mentionAt } = site;
  if (a < b - 1 && UK_RU.timeDeterminers.has(lw(a)) && UK_RU.timeNouns.has(lw(a + 1))) return a + 2;
  if (a < b - 1 && UK_RU.aboutThis.has(`${lw(a)} ${lw(a + 1)}`)) return a + 2;
  // A discourse phrase: "У свою чергу Шольц наголосив", "Тим часом Пєсков заявив".
  if (a < b - 1 && UK_RU.discourseOpeners.has(`${lw(a)} ${lw(a + 1)}`)) return a + 2;
  if (a < b && UK_RU.timeNouns.has(lw(a))) return a + 1;
  // "В інтерв'ю DW Ашіг Масіх повідомив": the channel and its medium, when a speaker follows
  // ("У заяві МЗС йдеться" keeps its statement).
  if (a < b && UK_RU.channelNouns.has(lw(a))) {
    const medium = mentionAt(toks[a + 1].start, toks[b].end).find((m) => m.start === toks[a + 1].start);
    let c = a + 1;
    while (medium && c <= b && toks[c].end <= medium.end) c++;
    if (c <= b) return c;
  }
  return a;
}

/**
 * Where a subject before its verb at `to` ends: adverbs and circumstances right before the verb
 * are not the subject («Газпром» офіційно поінформував, Речник Єврокомісії після зустрічі
 * заявив, "Монтедуро, директор ACN, на зустрічі з журналістами розповів").
 */
export function subjectEnd(site: CueSite, to: number): number {
  if (!site.rules.adverbsBeforeVerb) return to;
  const { toks, lw } = site;
  let end = to;
  while (end >= 0 && isAdverbBeforeVerb(toks, lw, end)) end--;
  end = beforeCircumstance(site, end);
  while (end >= 0 && isAdverbBeforeVerb(toks, lw, end)) end--;
  return end;
}

/**
 * Whether token `dot` is the dot of an initial: a lone capital before it and its name after it,
 * glued (Г.Блюмель) or, where `spaced`, after a space (А. Монтедуро).
 */
function initialDot(toks: Token[], dot: number, spaced: boolean): boolean {
  const t = toks[dot];
  const next = toks[dot + 1];
  return (
    t?.text === '.' &&
    /^\p{Lu}$/u.test(toks[dot - 1]?.text ?? '') &&
    (next?.start === t.end || (spaced && isCapitalized(next?.text ?? '')))
  );
}

/** A channel or platform a source speaks through ("ефірі", "Twitter", "соцмережах"). */
const isChannel = (w: string) => UK_RU.channelNouns.has(w) || UK_RU.platforms.has(w);

/** The nearest noun phrase that ends at token `to`, within its clause. */
export function sourceBefore(site: CueSite, to: number): TokenRange | null {
  // "Експерти Інституту вивчення війни (ISW) вважають": a short bracket after the name stays with it.
  const { toks } = site;
  if (toks[to]?.text === ')') {
    let o = to - 1;
    while (o > 0 && to - o <= 4 && toks[o].text !== '(') o--;
    if (toks[o]?.text === '(' && o > 0 && o < to - 1) {
      const r = nounPhraseBefore(site, o - 1);
      return r && r[1] === o - 1 ? [r[0], to] : r;
    }
  }
  return nounPhraseBefore(site, to);
}

function nounPhraseBefore(site: CueSite, to: number): TokenRange | null {
  const { toks, lw, c, rules, cueTokens, mentionAt } = site;
  to = subjectEnd(site, to);
  // A name in quotation marks right before the cue: «Газпром» заявив → Газпром.
  if (to > 0 && toks[to]?.kind === 'quote' && CLOSE_QUOTES.includes(toks[to].text)) {
    let o = to - 1;
    while (o >= 0 && to - o <= 6 && toks[o].kind !== 'quote') o--;
    if (o >= 0 && OPEN_QUOTES.includes(toks[o].text) && o + 1 < to && isCapitalized(toks[o + 1].text)) {
      // With the role and body it names: "Представники партії «Слуга народу» заявили"; the
      // quotation marks then stay, paired, inside the source.
      const [a] = expandLeft(site, o, to);
      return a < o ? [a, to] : [o + 1, to - 1];
    }
  }
  let k = to;
  const limit = Math.max(0, to - 14);
  while (k >= limit) {
    const t = toks[k];
    // The dot of an initial (Б.Джонсон) does not end the noun phrase.
    const initialDot = t.text === '.' && k > 0 && /^\p{Lu}$/u.test(toks[k - 1].text);
    if (
      (CLAUSE_STOP.has(t.text) && !initialDot) ||
      t.kind === 'quote' ||
      c.complementizers.has(lw(k)) ||
      cueTokens.has(k)
    )
      break;
    if (k < to && isWordTok(t) && verbClass(c, t.text) && !isCapitalized(t.text)) break;
    k--;
  }
  let range = trimSourceTokens(toks, k + 1, to, rules.sourceLeadWords);
  if (range && rules.adverbsBeforeVerb) {
    const a = afterLeadingTime(site, range[0], range[1]);
    if (a !== range[0]) range = trimSourceTokens(toks, a, range[1], rules.sourceLeadWords);
  }
  if (!range) return null;
  const [a, b] = range;
  // "Незадовго до оголошення результатів Трамп заявляв": what follows a circumstance's
  // preposition is its object, not the subject; the name ending right before the verb is.
  if (rules.adverbsBeforeVerb && opensWithCircumstance(lw, k + 1, a + 1)) {
    const last = mentionAt(toks[a].start, toks[b].end)
      .filter((m) => m.entity.type !== 'LOC' && m.start > toks[a].start && m.end === toks[b].end)
      .pop();
    if (last) return mentionWithTitles(site, last, b);
  }
  // Prefer a named entity or pronoun near the cue when the left part is long.
  if (b - a < 6) return [a, b];
  const ms = mentionAt(toks[a].start, toks[b].end);
  const per = ms.filter((m) => m.entity.type !== 'LOC');
  const pick = (per.length ? per : ms)[0];
  if (pick) return mentionWithTitles(site, pick, b);
  for (let x = b; x >= a; x--)
    if (c.pronouns.has(lw(x)) || c.anonymous.has(lw(x))) return [x, Math.min(b, x + 3)];
  return [Math.max(a, b - 3), b];
}

/** A mention up to token `b`, with the titles and names left of it (expandLeft). */
const mentionWithTitles = (site: CueSite, m: { start: number }, b: number): TokenRange =>
  expandLeft(
    site,
    site.toks.findIndex((t) => t.start === m.start),
    b,
  );

/** Takes titles, names and genitive modifiers left of a name: "лідер КНДР Кім Чен Ин". */
export function expandLeft(site: CueSite, ia: number, b: number): TokenRange {
  const { toks, lw, c, mentionAt } = site;
  let a = ia;
  for (let x = ia - 1; x >= 0 && ia - x <= 5; x--) {
    const w = lw(x);
    if (!isWordTok(toks[x])) break;
    if (
      isHeadNoun(c, w) ||
      mentionAt(toks[x].start, toks[x].end).length > 0 ||
      (/(ого|ої|их|ів|и|і|ї)$/.test(w) && a - x <= 2)
    )
      a = x;
    else break;
  }
  // It opens with a title or a name, and not a name a preposition governs ("Після візиту до
  // Києва прем’єр Польщі Дональд Туск": Києва is the preposition's, not the subject's).
  while (
    a < ia &&
    !isHeadNoun(c, lw(a)) &&
    (!mentionAt(toks[a].start, toks[a].end).length || UK_RU.prepositions.has(lw(a - 1)))
  )
    a++;
  return [a, b];
}

/** A title or a role that heads a source's noun phrase ("координатор", "представники"). */
const isHeadNoun = (c: Compiled, w: string) => c.titles.has(w) || UK_RU.sourceHeadNouns.has(w);

/** Whether the words from `from` up to (not including) `to` hold a circumstance's preposition (one not trimmed as a lead word, «После», is the source's first). */
function opensWithCircumstance(lw: (i: number) => string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (UK_RU.clauseCircumstances.has(lw(i))) return true;
  return false;
}

/** Trims a source candidate of leading prepositions/adverbs: "У Білому домі" → "Білому домі". */
export function trimSourceTokens(
  toks: Token[],
  a: number,
  b: number,
  lead: ReadonlySet<string>,
): TokenRange | null {
  // "А. Монтедуро": a capital and a dot before a name is an initial, not the conjunction "а".
  while (
    a <= b &&
    (!isWordTok(toks[a]) || (lead.has(toks[a].text.toLowerCase()) && !initialDot(toks, a + 1, true)))
  )
    a++;
  while (b >= a && !isWordTok(toks[b])) b--;
  return a <= b ? [a, b] : null;
}

/** "…, said Smith." / "…, передає Укрінформ.": the cue ends its clause and a name follows it. */
export function isPostposedSubject(toks: Token[], b: number, c: Compiled, strict = false): boolean {
  const n = toks[b + 1];
  if (!n || !(n.kind === 'word' || n.kind === 'quote')) return false;
  if (c.complementizers.has(n.norm)) return false;
  const cap =
    n.kind === 'quote' ||
    isCapitalized(n.text) ||
    c.pronouns.has(n.norm) ||
    c.anonymous.has(n.norm) ||
    c.documents.has(n.norm);
  if (!cap) return false;
  if (!strict) return true;
  // Up to the end of the sentence only a short NP.
  let words = 0;
  for (let k = b + 1; k < toks.length; k++) {
    if (toks[k].text === ',' || toks[k].text === '.') break;
    words++;
  }
  return words <= 8;
}
