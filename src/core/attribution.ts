/**
 * Attributions (PARC/PolNeAR scheme): a cue (speech verb or source phrase), a source (may be
 * empty) and content (quote or paraphrase). Rules over tokens and quote pairs, per sentence,
 * with look-back for "Про це …" and chains of credits that share one content.
 */
import type { ArticleParagraph, Sentence } from './article';
import { buildEnglishVerb } from './attributionEnglish';
import {
  type AttributionContext,
  buildMentionIndex,
  CLAUSE_STOP,
  type Compiled,
  type Cue,
  classifySource,
  compile,
  EN_AUX,
  EN_NOUNISH,
  EN_PARTICLE_VERBS,
  finishAttribution,
  firstWordIndex,
  isWordTok,
  nextTmpId,
  verbClass,
  verbClassOf,
} from './attributionShared';
import { normalizeWord } from './morphology';
import { findQuotes, insideQuote, type QuoteSpan } from './quotes';
import { CLOSE_QUOTES, isCapitalized, OPEN_QUOTES, span, type Token, trimSpan } from './text';
import type { Attribution, Language, Span } from './types';

export type { AttributionContext } from './attributionShared';

const EN_COPULA =
  /^(is|are|was|were|be|been|being|am|remain|remains|remained|seem|seems|seemed|appear|appears|appeared|feel|feels|felt)$/;

const DASHES = new Set(['―', '—', '–']);
/** A Ukrainian/Russian past-tense verb right after a sentence's first word marks that word as its subject. */
const VERB_PAST = /(ав|ив|ів|ла|ли|ло|ал|ил|ел)$/;

/** Finds the cues of one sentence. */
function findCues(
  text: string,
  s: Sentence,
  c: Compiled,
  lang: Language,
  quotes: QuoteSpan[],
  isName: (t: Token) => boolean = () => false,
): Cue[] {
  const toks = s.tokens;
  const cues: Cue[] = [];
  const lw = toks.map((t) => t.norm);
  const taken = new Uint8Array(toks.length);
  let titleCase: boolean | undefined;
  const headline = () => {
    titleCase ??= isTitleCase(toks);
    return titleCase;
  };
  // Only the quotes that overlap this sentence matter (a paragraph may hold many).
  const local = quotes.filter((q) => q.open < s.end && q.close >= s.start);
  for (let i = 0; i < toks.length; i++) {
    if (taken[i] || !isWordTok(toks[i])) continue;
    // Most words start no cue: one lookup (English forms are all known in advance; Ukrainian and
    // Russian verbs are matched by stem, among the few stems sharing the word's first letters).
    if (!c.cueStarts.has(lw[i]) && (lang === 'en' || !verbClassOf(c, lang, lw[i]))) continue;
    // Cues inside a quotation are the speaker's own words (hedges): skipped.
    if (local.length && insideQuote(local, toks[i].start)) continue;
    // Possessive source phrase: За його словами → cue [За, словами], source його.
    if (c.possPrefixes.has(lw[i]) && c.possPronouns.has(lw[i + 1]) && c.possNouns.has(lw[i + 2])) {
      cues.push({
        a: i,
        b: i + 2,
        spans: [span(text, toks[i].start, toks[i].end), span(text, toks[i + 2].start, toks[i + 2].end)],
        kind: 'according',
        sourceAt: 'none',
        sourceTok: i + 1,
      });
      taken[i] = taken[i + 1] = taken[i + 2] = 1;
      i += 2;
      continue;
    }
    if (lang === 'en' && lw[i + 1] === 'view' && /^(his|her|their)$/.test(lw[i])) continue;
    // Fixed phrases, longest first, indexed by their first word.
    let matched = false;
    for (const { words, p } of c.phrasesByFirst.get(lw[i]) ?? []) {
      let ok = true;
      let k = i;
      for (const w of words) {
        while (k < toks.length && !isWordTok(toks[k]) && toks[k].text !== '-') k++;
        if (lw[k] !== w) {
          ok = false;
          break;
        }
        k++;
      }
      if (!ok) continue;
      const b = k - 1;
      cues.push({
        a: i,
        b,
        spans: [span(text, toks[i].start, toks[b].end)],
        kind: p.kind,
        sourceAt: p.source,
      });
      for (let x = i; x <= b; x++) taken[x] = 1;
      i = b;
      matched = true;
      break;
    }
    if (matched) continue;
    // "Як повідомив X, …", "Как сообщил X, …": як/как + any speech verb is a parenthetical credit
    // with its source after it (the fixed phrases above cover the impersonal forms).
    if (
      lang !== 'en' &&
      (lw[i] === 'як' || lw[i] === 'как') &&
      isWordTok(toks[i + 1]) &&
      verbClassOf(c, lang, lw[i + 1]) === 'say' &&
      (i === firstWordIndex(toks) || toks[i - 1]?.text === ',')
    ) {
      cues.push({
        a: i,
        b: i + 1,
        spans: [span(text, toks[i].start, toks[i + 1].end)],
        kind: 'parenthetical',
        sourceAt: 'after',
      });
      taken[i] = taken[i + 1] = 1;
      i++;
      continue;
    }
    // "is confident that", "were worried about": a copula and an attitude adjective.
    if (
      lang === 'en' &&
      c.attitudeAdjectives.has(lw[i]) &&
      i > 0 &&
      (EN_COPULA.test(lw[i - 1]) || /['’](re|m)$/.test(lw[i - 1]))
    ) {
      const nx = lw[i + 1] ?? '';
      const prep = /^(about|of|over|with)$/.test(nx);
      if (prep || nx === 'that' || toks[i + 1]?.text === ':' || toks[i + 1]?.kind === 'quote') {
        const b = prep ? i + 1 : i;
        let a = i - 1;
        while (a > 0 && EN_AUX.has(lw[a - 1])) a--;
        cues.push({
          a: i - 1,
          b,
          spans: [span(text, toks[a].start, toks[b].end)],
          kind: 'belief',
          sourceAt: 'auto',
        });
        for (let x = i - 1; x <= b; x++) taken[x] = 1;
        i = b;
        continue;
      }
    }
    let cls = verbClassOf(c, lang, lw[i]);
    const colonRest = lang === 'en' && !cls ? c.colonForms.get(lw[i]) : undefined;
    if (colonRest?.every((w, j) => lw[i + 1 + j] === w)) {
      const nx = toks[i + 1 + colonRest.length];
      if (nx && (nx.text === ':' || (nx.kind === 'quote' && OPEN_QUOTES.includes(nx.text)))) cls = 'say';
    }
    // A multi-word cue ("made clear", "pointed out") wins over its first word alone.
    let multi =
      lang === 'en'
        ? c.enMulti.get(lw[i])?.find((e) => e.rest.every((w, j) => lw[i + 1 + j] === w))
        : undefined;
    // "went on to explain", "goes on to say": the cue verb after "go on to".
    if (
      !multi &&
      lang === 'en' &&
      /^(go|goes|went|gone|going)$/.test(lw[i]) &&
      lw[i + 1] === 'on' &&
      lw[i + 2] === 'to'
    ) {
      const v = verbClassOf(c, lang, lw[i + 3] ?? '');
      if (v) multi = { rest: ['on', 'to', lw[i + 3]], cls: v };
    }
    if (multi) cls = multi.cls;
    if (!cls) continue;
    // Negated speech carries no content; a verb right after a preposition is a noun homograph.
    const prev = lw[i - 1] ?? '';
    if (prev === 'не' || prev === 'ні') continue;
    if (lang === 'en' && /^(to|will|would|could|should|may|might|can|must)$/.test(prev)) continue;
    // A capitalised verb is a name's word (The New York Post), except in a headline in title case.
    if (lang === 'en' && isCapitalized(toks[i].text) && i !== firstWordIndex(toks) && !headline()) continue;
    if (
      lang === 'en' &&
      EN_NOUNISH.has(lw[i]) &&
      !(
        c.pronouns.has(prev) ||
        // A name before it, also at the sentence's start ("Clinton wants"), but not a capitalised
        // function word ("The plan", "Many hopes").
        (isCapitalized(toks[i - 1]?.text ?? '') && (i - 1 !== firstWordIndex(toks) || isName(toks[i - 1]))) ||
        // A plural subject before a plural verb: "critics worry", "voters want".
        (/[^su]s$/.test(prev) && !/s$/.test(lw[i]) && isWordTok(toks[i - 1]) && toks[i - 2]?.text !== 'of') ||
        prev === 'also' ||
        // "A Bloomberg poll shows that …", "Video shows …", "the data suggest …"
        ((c.documents.has(prev) ||
          /^(video|videos|footage|slide|figures|numbers|research|evidence|records|results|polls|surveys|studies)$/.test(
            prev,
          )) &&
          /^(shows?|showed|suggests?|finds?|found|indicates?)$/.test(lw[i]))
      )
    )
      continue;
    if (lang === 'en' && /^(the|a|an|this|that|his|her|its|their|our)$/.test(prev)) continue; // "the report"
    // Discourse formulas, not reports: "Having said that", "That said,", "needless to say".
    if (
      lang === 'en' &&
      /^(said|say)$/.test(lw[i]) &&
      (/^(having|needless)$/.test(prev) || (prev === 'that' && toks[i + 1]?.text === ','))
    )
      continue;
    // A name given, not words reported: "a group called Lashkar-e-Taiba", "the program, called EB-5",
    // "the so called Never Trumpers" (but "what he called a con").
    if (
      lang === 'en' &&
      /^(called|named|dubbed|titled|labeled|labelled)$/.test(lw[i]) &&
      !/^(for|on|upon|to|it|him|her|them|me|us)$/.test(lw[i + 1] ?? '')
    ) {
      const before = toks[i - 1]?.text === ',' ? i - 2 : i - 1;
      const w = lw[before] ?? '';
      const t = toks[before];
      if (
        w === 'so' ||
        (t &&
          isWordTok(t) &&
          !isCapitalized(t.text) &&
          !c.pronouns.has(w) &&
          !EN_AUX.has(w) &&
          !/ly$|^(who|which|that|and|or|but|also|then|now|publicly|once)$/.test(w))
      )
        continue;
    }
    let b = i + (multi ? multi.rest.length : 0);
    let spanStart = i;
    let spanEnd = b;
    if (lang === 'en') {
      // The cue takes its auxiliaries and adverbs ("has also said"), a particle ("called for",
      // "pointed to") and a channel ("said in a statement"), as PolNeAR marks them.
      while (
        spanStart > 0 &&
        (EN_AUX.has(lw[spanStart - 1]) ||
          /^(not|never|now|n['’]t)$/.test(lw[spanStart - 1]) ||
          (/^[a-z]{3,}ly$/.test(lw[spanStart - 1]) &&
            !/^(only|early|likely|family|daily|weekly|rally|ally|italy|july|reply|supply|apply)$/.test(
              lw[spanStart - 1],
            )) ||
          /n['’]t$/.test(lw[spanStart - 1]))
      )
        spanStart--;
      if (!multi && /^(for|to|of|about|out|on)$/.test(lw[i + 1] ?? '') && EN_PARTICLE_VERBS.test(lw[i]))
        b = i + 1;
      const m =
        /^ in an? (?:(?:phone|telephone|television|radio|written|emailed|video|joint|brief|separate)\s)?(?:statement|interview|email|e-mail|letter|release|post|tweet|op-ed|speech|memo|filing|report)\b/i.exec(
          text.slice(toks[b].end, toks[b].end + 60),
        );
      if (m) {
        const endPos = toks[b].end + m[0].length;
        while (b + 1 < toks.length && toks[b + 1].end <= endPos) b++;
      }
      // The marked span also takes "Friday", "Thursday morning", "then" and a colon ("said:"),
      // which the source and content rules read past.
      spanEnd = b;
      while (
        /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|then|morning|afternoon|evening|night)$/.test(
          lw[spanEnd + 1] ?? '',
        )
      )
        spanEnd++;
      if (toks[spanEnd + 1]?.text === ':' && toks[spanEnd + 1].start === toks[spanEnd].end) spanEnd++;
    }
    cues.push({
      a: i,
      b,
      spans: [span(text, toks[spanStart].start, toks[Math.max(b, spanEnd)].end)],
      kind: cls,
      sourceAt: 'auto',
    });
    for (let x = i; x <= b; x++) taken[x] = 1;
  }
  return cues;
}

/** A headline in title case: most of its longer words capitalised ("Sanders Vows To Eliminate …"). */
function isTitleCase(toks: Token[]): boolean {
  const words = toks.filter((t) => t.kind === 'word' && t.text.length >= 4);
  return words.length >= 3 && words.filter((t) => isCapitalized(t.text)).length >= words.length * 0.8;
}

/** Trims a source candidate of leading prepositions/adverbs: "У Білому домі" → "Білому домі". */
function trimSourceTokens(toks: Token[], a: number, b: number, lang: Language): [number, number] | null {
  const lead =
    lang === 'en'
      ? /^(and|but|so|then|also|while|as|when|however|meanwhile|now|later|earlier|in|at)$/i
      : /^(у|в|на|і|й|та|а|але|проте|утім|втім|однак|також|ще|вже|зокрема|раніше|згодом|тоді|потім|тож|и|но|однако|также|уже|ранее|тогда|потом|во|так|при|після|під|під час|за|до)$/i;
  while (a <= b && (!isWordTok(toks[a]) || lead.test(toks[a].text))) a++;
  while (b >= a && !isWordTok(toks[b])) b--;
  return a <= b ? [a, b] : null;
}

/** Extracts the attributions of an article. */
export function findAttributions(ctx: AttributionContext): Attribution[] {
  const { text, lang } = ctx;
  const c = compile(lang);
  const mentionAt = buildMentionIndex(ctx.entities);
  // A person's or organisation's name the entity pass found (not a capitalised first word).
  const isName = (t: Token) => mentionAt(t.start, t.end).some((m) => m.entity.type !== 'LOC');
  const sents: Sentence[] = [];
  const quotesByPara: QuoteSpan[][] = [];
  for (const p of ctx.article.paragraphs) {
    quotesByPara.push(findQuotes(text, p.start, p.end));
    if (!p.boilerplate) sents.push(...p.sentences);
  }
  const results: Attribution[] = [];
  for (const p of ctx.article.paragraphs)
    if (!p.boilerplate)
      results.push(...speakerCues(ctx, c, p, mentionAt, quotesByPara[p.sentences[0]?.paragraph ?? 0] ?? []));
  let lastSubject: Span[] = [];
  for (let si = 0; si < sents.length; si++) {
    const s = sents[si];
    const quotes = quotesByPara[s.paragraph];
    const cues = findCues(text, s, c, lang, quotes, isName);
    const inSentence: { att: Attribution; cue: Cue }[] = [];
    const cueTokens = new Set<number>();
    for (const cue of cues) for (let x = cue.a; x <= cue.b; x++) cueTokens.add(x);
    for (const cue of cues) {
      const att = buildAttribution(
        ctx,
        c,
        s,
        si,
        sents,
        cue,
        quotes,
        mentionAt,
        lastSubject,
        inSentence,
        cueTokens,
      );
      if (att) inSentence.push({ att, cue });
    }
    linkChains(inSentence);
    for (const { att } of inSentence) {
      results.push(att);
      if (att.source.length && att.sourceKind !== 'document') lastSubject = att.source;
    }
  }
  const ids = new Map(results.map((a, i) => [a.id, `A${i + 1}`]));
  for (const a of results) {
    a.id = ids.get(a.id)!;
    if (a.via) a.via = ids.get(a.via);
  }
  return results;
}

/**
 * Speaker and headline credits: "WALLACE: …", "Newsweek: У США пояснили …" (the colon is the
 * cue), and "«…» — FT" / '"…" ― Jane Doe' (the dash is the cue).
 */
function speakerCues(
  ctx: AttributionContext,
  c: Compiled,
  p: ArticleParagraph,
  mentionAt: ReturnType<typeof buildMentionIndex>,
  quotes: QuoteSpan[],
): Attribution[] {
  const out: Attribution[] = [];
  const { text } = ctx;
  // The colon cue is at the start of the paragraph, the dash cue at its end.
  const firstS = p.sentences[0];
  const lastS = p.sentences[p.sentences.length - 1];
  if (!firstS || !lastS) return out;
  let toks = firstS.tokens;
  if (toks.length < 3 && p.sentences.length === 1) return out;
  const make = (cue: Span, source: Span, content: Span, direct: boolean) => {
    const { kind, entity } = classifySource(c, [source], mentionAt, {
      a: 0,
      b: 0,
      spans: [cue],
      kind: 'say',
      sourceAt: 'none',
    });
    const att: Attribution = {
      id: nextTmpId(),
      cue: [cue],
      source: [source],
      content: [content],
      direct,
      anonymous: kind === 'anonymous',
      sourceKind: kind,
    };
    if (entity) att.sourceEntity = entity;
    out.push(att);
  };
  // Name (1–4 capitalised words, or all caps) + colon at the start of a paragraph
  // (a transcript line may open with a quotation mark: "PENCE: …).
  let k0 = 0;
  while (k0 < toks.length && k0 < 2 && (toks[k0].kind === 'quote' || /^[—–-]$/.test(toks[k0].text))) k0++;
  let k = k0;
  while (
    k < toks.length &&
    k < k0 + 5 &&
    toks[k].kind === 'word' &&
    (isCapitalized(toks[k].text) || toks[k].text === toks[k].text.toUpperCase())
  )
    k++;
  if (k - k0 >= 1 && k - k0 <= 4 && toks[k]?.text === ':' && toks[k + 1]) {
    const content = trimSpan(text, toks[k].end, p.end, ' \t"“”«»');
    const first = toks[k0].norm;
    // A label or a headline's kicker, not a speaker: "Фото:", "Correction:", "The Latest:",
    // "Editor's Note:", "FIX IS IN:", "Stealth Over Health:".
    const nameWordsLw = toks.slice(k0, k).map((t) => t.norm);
    const isLabel =
      /^(фото|відео|photo|video|update|editor|editor's|editor’s|note|read|читайте|джерело|source|автор|author|теги|tags|correction|corrections|clarification|latest|breaking|exclusive|watch|opinion|analysis|related|live|listen|transcript|excerpt|delegate)$/.test(
        first,
      ) ||
      (ctx.lang === 'en' &&
        ((first === 'the' && !mentionAt(toks[k0].start, toks[k - 1].end).some((m) => m.entity.kind)) ||
          nameWordsLw.some((w) =>
            /^(is|are|was|were|has|have|over|in|on|at|to|for|with|from|goes)$/.test(w),
          )));
    if (content && content.text.length > 10 && !isLabel) {
      const q = quotes.find(
        (x) =>
          x.open >= toks[k].end &&
          trimSpan(text, toks[k].end, x.open, ' \t') === null &&
          trimSpan(text, x.close + 1, p.end, ' \t.') === null,
      );
      make(
        span(text, toks[k].start, toks[k].end),
        span(text, toks[k0].start, toks[k - 1].end),
        q ? trimSpan(text, q.open + 1, q.close)! : content,
        !!q,
      );
    }
  }
  // Quote (or headline) + dash + name at the end of a paragraph.
  toks = lastS.tokens;
  const dashAt = toks.findIndex(
    (t, i) => i > 0 && t.kind === 'punct' && DASHES.has(t.text) && (toks[i - 1].kind === 'quote' || i > 3),
  );
  if (dashAt > 0) {
    const nameToks = toks.slice(dashAt + 1);
    const name = nameToks.filter((t) => t.kind === 'word');
    const allCap =
      name.length > 0 &&
      name.length <= 6 &&
      name.every(
        (t) => isCapitalized(t.text) || /^(of|the|de|van|von|al)$/i.test(t.text) || t.text.length <= 3,
      );
    if (allCap && nameToks.every((t) => t.kind === 'word' || /^[.,'’-]$/.test(t.text))) {
      const q =
        toks[dashAt - 1].kind === 'quote'
          ? quotes.find((x) => x.close === toks[dashAt - 1].start)
          : undefined;
      const content = q ? trimSpan(text, q.open + 1, q.close) : trimSpan(text, p.start, toks[dashAt].start);
      if (content)
        make(
          span(text, toks[dashAt].start, toks[dashAt].end),
          span(text, name[0].start, name[name.length - 1].end),
          content,
          !!q,
        );
    }
  }
  return out;
}

function buildAttribution(
  ctx: AttributionContext,
  c: Compiled,
  s: Sentence,
  si: number,
  sents: Sentence[],
  cue: Cue,
  quotes: QuoteSpan[],
  mentionAt: ReturnType<typeof buildMentionIndex>,
  lastSubject: Span[],
  siblings: { att: Attribution; cue: Cue }[],
  cueTokens: Set<number>,
): Attribution | null {
  const { text, lang } = ctx;
  // English "citing X": X is the citer's source only when it is one (people familiar with the
  // talks, officials, a report, a named outlet); "citing a threat" gives the citer's reason.
  if (
    lang === 'en' &&
    cue.kind === 'citation' &&
    /^(citing|quoting)$/.test(normalizeWord(cue.spans[0].text))
  ) {
    // The head of what follows decides: "citing people familiar", "citing a report", "citing
    // Reuters" are sources; "citing the release of prisoners and Suu Kyi's election" is a reason.
    const after = s.tokens.slice(cue.b + 1, cue.b + 8).filter((t) => isWordTok(t));
    let h = 0;
    while (
      h < after.length - 1 &&
      /^(a|an|the|his|her|their|its|our|two|three|several|unnamed|anonymous|senior|top|local|u\.s)$/.test(
        after[h].norm,
      )
    )
      h++;
    const head = after.slice(h, h + 3);
    const isSource = head.some(
      (t, j) => c.anonymous.has(t.norm) || c.documents.has(t.norm) || (j === 0 && isCapitalized(t.text)),
    );
    if (!isSource) cue = { ...cue, kind: 'say', sourceAt: 'auto' };
  }
  if (lang === 'en' && cue.sourceAt === 'auto')
    return buildEnglishVerb(ctx, c, s, cue, quotes, mentionAt, siblings, sents[si - 1], cueTokens);
  const toks = s.tokens;
  const lw = (i: number) => (toks[i] ? toks[i].norm : '');
  let source: Span[] = [];
  let content: Span[] = [];
  let sourceEnd = cue.b; // last token used by the source, when it follows the cue

  // "According to the officer in charge of the base that night, the team …": a sentence-initial
  // credit runs to its comma, whatever it holds; the rest of the sentence is the content.
  if (lang === 'en' && cue.kind === 'according' && cue.a === firstWordIndex(toks)) {
    let comma = -1;
    for (let x = cue.b + 1; x < toks.length && x - cue.b <= 25; x++) {
      if (toks[x].kind === 'quote' || /^[;:.!?]$/.test(toks[x].text)) break;
      if (toks[x].text === ',') {
        comma = x;
        break;
      }
    }
    const src = comma > cue.b + 1 ? trimSpan(text, toks[cue.b + 1].start, toks[comma].start) : null;
    const rest = comma > 0 ? trimSpan(text, toks[comma].end, s.end, ' \t\r\n.;:,') : null;
    if (src && rest && comma + 2 < toks.length)
      return finishAttribution(ctx, c, s, cue, [src], [rest], false, mentionAt);
  }

  // ---- Source ------------------------------------------------------------------------------
  const sourceAfter = (from: number): [number, number] | null => {
    // NP after the cue up to a comma, a quote, a verb-like clause break or the sentence end.
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
      if (depth === 0 && CLAUSE_STOP.has(t.text) && !(t.text === '-' && t.start === toks[k - 1]?.end)) break;
      // Another cue ends the source: "Як повідомляє Укрінформ | з посиланням на джерела, …".
      if (k > start && cueTokens.has(k)) break;
      if (
        depth === 0 &&
        isWordTok(t) &&
        (c.complementizers.has(lw(k)) ||
          (k > start && verbClass(c, lang, t.text) && !(lang === 'en' && EN_NOUNISH.has(lw(k)))))
      )
        break;
      if (
        depth === 0 &&
        lang !== 'en' &&
        k > start &&
        /^(про|що|як|і|та|и|у|в)$/.test(lw(k)) &&
        !isCapitalized(toks[k + 1]?.text ?? '')
      )
        break;
      if (isWordTok(t)) end = k;
      if (k - start > 12) break;
    }
    return end >= start ? [start, end] : null;
  };
  /** "X, директор ACN," ending at the comma `comma`: the first comma's index, if X is a name. */
  function appositiveBefore(comma: number): number {
    for (let x = comma - 1; x > 0 && comma - x <= 12; x--) {
      const t = toks[x];
      if (t.kind === 'quote' || /^[.;:!?]$/.test(t.text) || cueTokens.has(x)) return -1;
      if (t.text === ',') {
        // The name may carry a parenthesis: "Алессандро Монтедуро (Alessandro Monteduro), директор".
        let y = x - 1;
        if (toks[y]?.text === ')') while (y > 0 && toks[y].text !== '(') y--;
        if (toks[y]?.text === '(') y--;
        return isWordTok(toks[y]) && isCapitalized(toks[y].text) ? x : -1;
      }
    }
    return -1;
  }
  /** The last token of the name before an appositive's first comma, past a parenthesis. */
  function nameEndBefore(comma: number): number {
    let y = comma - 1;
    if (toks[y]?.text === ')') while (y > 0 && toks[y].text !== '(') y--;
    return toks[y]?.text === '(' ? y - 1 : y;
  }
  const sourceBefore = (to: number): [number, number] | null => {
    // Adverbs right before the verb are not the subject: «Газпром» офіційно поінформував.
    while (
      to >= 0 &&
      lang !== 'en' &&
      isWordTok(toks[to]) &&
      !isCapitalized(toks[to].text) &&
      /(но|ло|ко|ьо|ше|іше|ще)$/.test(lw(to)) &&
      lw(to).length > 3
    )
      to--;
    // A name in quotation marks right before the cue: «Газпром» заявив → Газпром.
    if (to > 0 && toks[to]?.kind === 'quote' && CLOSE_QUOTES.includes(toks[to].text)) {
      let o = to - 1;
      while (o >= 0 && to - o <= 6 && toks[o].kind !== 'quote') o--;
      if (o >= 0 && OPEN_QUOTES.includes(toks[o].text) && o + 1 < to && isCapitalized(toks[o + 1].text))
        return [o + 1, to - 1];
    }
    // Nearest NP before the cue within the clause.
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
      if (k < to && isWordTok(t) && verbClass(c, lang, t.text) && !isCapitalized(t.text)) break;
      k--;
    }
    const range = trimSourceTokens(toks, k + 1, to, lang);
    if (!range) return null;
    // Prefer a named entity or pronoun near the cue when the left part is long.
    const [a, b] = range;
    if (b - a >= 6) {
      const ms = mentionAt(toks[a].start, toks[b].end);
      const per = ms.filter((m) => m.entity.type !== 'LOC');
      const pick = (per.length ? per : ms)[0];
      if (pick) {
        const ia = toks.findIndex((t) => t.start === pick.start);
        return expandLeft(ia, b);
      }
      for (let x = b; x >= a; x--)
        if (c.pronouns.has(lw(x)) || c.anonymous.has(lw(x))) return [x, Math.min(b, x + 3)];
      return [Math.max(a, b - 3), b];
    }
    return [a, b];
  };
  const expandLeft = (ia: number, b: number): [number, number] => {
    let a = ia;
    for (let x = ia - 1; x >= 0 && ia - x <= 5; x--) {
      const w = lw(x);
      if (!isWordTok(toks[x])) break;
      if (
        c.titles.has(w) ||
        mentionAt(toks[x].start, toks[x].end).length > 0 ||
        (/(ого|ої|их|ів|и|і)$/.test(w) && a - x <= 2)
      )
        a = x;
      else break;
    }
    while (a < ia && !c.titles.has(lw(a)) && !mentionAt(toks[a].start, toks[a].end).length) a++;
    return [a, b];
  };

  const prevTok = toks[cue.a - 1];
  const quoteBefore = (() => {
    // "…», – сказав він" / '"…," said Smith'
    let k = cue.a - 1;
    while (k >= 0 && toks[k].kind === 'punct' && /^[,\-–—]$/.test(toks[k].text)) k--;
    if (k >= 0 && toks[k].kind === 'quote' && CLOSE_QUOTES.includes(toks[k].text)) {
      const q = quotes.find((x) => x.close === toks[k].start);
      // «Газпром» заявив: a short quoted name right before the verb is its subject, not a quotation.
      const inner = q ? text.slice(q.open + 1, q.close) : '';
      if (
        lang !== 'en' &&
        k === cue.a - 1 &&
        /^\p{Lu}/u.test(inner) &&
        inner.split(/\s+/).length <= 5 &&
        !/[.!?…,:]$/.test(inner)
      )
        return undefined;
      return q;
    }
    // English: "…," he said / said he
    if (lang === 'en' && k >= 0 && toks[k].text === ',' && toks[k - 1]?.kind === 'quote')
      return quotes.find((q) => q.close === toks[k - 1].start);
    return undefined;
  })();
  // An inverted cue: after a quote, after a comma at the end of a clause, or "Про це … повідомляє".
  const sentenceHasProCe =
    lang !== 'en' &&
    /^(про це|об этом|про що)\s/i.test(text.slice(s.start, s.end)) &&
    !c.complementizers.has(lw(cue.b + 1)) &&
    !c.complementizers.has(lw(cue.b + 2));
  // "Про це він заявив …": the subject stands before the cue; the content is still the previous sentence.
  let before = cue.a - 1;
  while (
    before > 0 &&
    isWordTok(toks[before]) &&
    /(но|ло|ко|ьо|ше|іше|ще)$/.test(lw(before)) &&
    lw(before).length > 3 &&
    !isCapitalized(toks[before].text)
  )
    before--;
  const proCeSubject = sentenceHasProCe && before > 1 && c.pronouns.has(lw(before)) && !cueTokens.has(before);
  // A comma before the cue inverts it only when a subject follows ("…, передає Укрінформ"); in
  // "Монтедуро, директор ACN, розповів на зустрічі, що …" the comma closes an appositive.
  const commaBefore =
    prevTok &&
    /^[,\-–—]$/.test(prevTok.text) &&
    (lang === 'en' ||
      prevTok.text !== ',' ||
      isPostposedSubject(toks, cue.b, c) ||
      appositiveBefore(cue.a - 1) < 0);
  let inverted = false;
  if (cue.sourceTok !== undefined) {
    source = [span(text, toks[cue.sourceTok].start, toks[cue.sourceTok].end)];
  } else if (
    cue.sourceAt === 'after' ||
    (cue.sourceAt === 'auto' &&
      (quoteBefore ||
        commaBefore ||
        (sentenceHasProCe && !proCeSubject) ||
        (lang === 'en' && isPostposedSubject(toks, cue.b, c))))
  ) {
    inverted = cue.sourceAt === 'auto';
    // English pronoun/name before an inverted verb: '"…," he said'.
    let r: [number, number] | null = null;
    if (
      lang === 'en' &&
      inverted &&
      cue.a >= 1 &&
      isWordTok(prevTok) &&
      (c.pronouns.has(lw(cue.a - 1)) || isCapitalized(prevTok.text))
    ) {
      r = sourceBefore(cue.a - 1);
    } else {
      r = sourceAfter(cue.b + 1);
    }
    if (r) {
      if (lang === 'en' && r[0] > cue.b) r = trimEnglishAppositive(toks, r);
      source = [span(text, toks[r[0]].start, toks[r[1]].end)];
      if (r[0] > cue.b) sourceEnd = r[1];
    }
  } else if (cue.sourceAt === 'auto') {
    let r = cue.a > 0 ? sourceBefore(cue.a - 1) : null;
    // "Алессандро Монтедуро, директор ACN, розповів": the name and its appositive.
    if (lang !== 'en' && prevTok?.text === ',') {
      const first = appositiveBefore(cue.a - 1);
      const np = first > 0 ? sourceBefore(nameEndBefore(first)) : null;
      if (np) r = [np[0], cue.a - 2];
    }
    // "X із посиланням на Y писало": Y belongs to the citation; the verb's source is X.
    const cit =
      r &&
      siblings.find(
        (x) =>
          x.cue.kind === 'citation' &&
          x.att.source.length &&
          x.att.source[0].start <= toks[r![0]].start &&
          x.att.source[0].end >= toks[r![1]].end,
      );
    if (cit && cit.cue.a > 0) r = sourceBefore(cit.cue.a - 1);
    if (r) {
      // A preposition directly before the NP: "У Білому домі заявили" → "Білому домі".
      source = [span(text, toks[r[0]].start, toks[r[1]].end)];
    } else if (lang !== 'en' && prevTok && /^(і|й|та|а|але|проте|утім|втім|и|но)$/i.test(prevTok.text)) {
      // Coordinated cue: the sentence's subject (the first person or organisation named before
      // the cue, outside any parenthetical credit), else a sibling's source.
      const skipTo = Math.max(
        -1,
        ...siblings
          .filter((x) => x.cue.kind === 'parenthetical' || x.cue.kind === 'according')
          .map((x) =>
            x.att.source.length
              ? toks.findIndex((t) => t.start >= x.att.source[x.att.source.length - 1].end)
              : x.cue.b,
          ),
      );
      const cands = mentionAt(toks[Math.max(0, skipTo)].start, toks[cue.a].start).filter(
        (m) => !(skipTo >= 0 && m.start < toks[skipTo].start),
      );
      const subj = cands.find((m) => m.entity.type !== 'LOC') ?? cands[0];
      if (subj) {
        const ia = toks.findIndex((t) => t.start === subj.start);
        const ib = toks.findIndex((t) => t.end >= subj.end);
        const [a2] = expandLeft(ia, ib);
        // Extend right over the rest of a multi-word name (Кім Чен Ин).
        let b2 = ib;
        for (const m of mentionAt(toks[ib].start, toks[cue.a].start))
          if (m.start === toks[ib + 1]?.start && m.entity === subj.entity)
            b2 = toks.findIndex((t) => t.end >= m.end);
        source = [span(text, toks[a2].start, toks[b2].end)];
      } else {
        const sib = siblings.find((x) => x.att.source.length);
        if (sib) source = sib.att.source;
      }
    } else if (
      cue.a === firstWordIndex(toks) &&
      !isImpersonal(c, toks[cue.a].text) &&
      lastSubject.length &&
      lang !== 'en'
    ) {
      source = lastSubject;
    } else if (lang !== 'en' && prevTok?.text === ':' && !/(ли|ють|ять|ться)$/.test(lw(cue.a))) {
      // "Трамп відреагував на перемогу Байдена: каже, що …": a singular verb after a colon
      // continues the sentence's subject.
      const subj = mentionAt(s.start, toks[cue.a].start).find(
        (m) => m.entity.type === 'PER' || m.entity.type === 'ORG',
      );
      // The sentence's first word, when it is a name the entity pass left alone ("Трамп відреагував").
      const f = firstWordIndex(toks);
      const firstName =
        isCapitalized(toks[f].text) &&
        !c.stopCapitalized.has(toks[f].text) &&
        !mentionAt(toks[f].start, toks[f].end).length &&
        VERB_PAST.test(lw(f + 1));
      if (firstName && (!subj || subj.start > toks[f].start))
        source = [span(text, toks[f].start, toks[f].end)];
      else if (subj) source = [span(text, subj.start, subj.end)];
    }
  }

  // ---- Content -----------------------------------------------------------------------------
  const sentEnd = s.end;
  const restOfSentence = (fromTok: number, stopAtTrailingCue = true): Span | null => {
    if (fromTok >= toks.length) return null;
    let end = sentEnd;
    if (stopAtTrailingCue) {
      // Stop before a trailing credit: "…, передає Укрінформ."
      for (const other of siblingsAfter(fromTok)) {
        end = Math.min(end, toks[other].start);
      }
    }
    return trimSpan(text, toks[fromTok].start, end, ' \t\r\n,;:—–-.') ?? null;
  };
  const siblingsAfter = (fromTok: number) => {
    const out: number[] = [];
    for (let k = fromTok; k < toks.length; k++) {
      if (toks[k].text === ',' && isWordTok(toks[k + 1]) && k + 1 !== cue.a) {
        const v = verbClass(c, lang, toks[k + 1].text);
        if (v === 'say' && isPostposedSubject(toks, k + 1, c, true)) out.push(k);
      }
    }
    return out;
  };
  /** Index of "що" after a comma within a few words of the cue, with no other verb in between; else -1. */
  const delayedThat = (from: number): number => {
    for (let x = from; x < toks.length && x - from <= 10; x++) {
      const t = toks[x];
      if (t.text === ',' && toks[x + 1] && c.complementizers.has(toks[x + 1].norm)) return x + 1;
      if (t.kind === 'quote' || (t.kind === 'punct' && t.text !== '-' && t.text !== "'")) return -1;
      if (isWordTok(t) && verbClass(c, lang, t.text)) return -1;
    }
    return -1;
  };
  const quoteAt = (k: number) =>
    toks[k]?.kind === 'quote' ? quotes.find((q) => q.open === toks[k].start) : undefined;
  const quoteSpan = (q: QuoteSpan) => trimSpan(text, q.open + 1, q.close, ' \t\r\n');

  let direct = false;
  const contentFrom = inverted ? cue.b + 1 : Math.max(cue.b, sourceEnd) + 1;
  let k = contentFrom;
  if (inverted && source.length && sourceEnd > cue.b) k = sourceEnd + 1;
  // English: skip the addressee of "told reporters that …".
  if (lang === 'en' && /^(told|tell|tells|telling|informed|assured|warned|reminded)$/.test(lw(cue.a))) {
    let x = k;
    while (x < toks.length && x - k < 5 && isWordTok(toks[x]) && !c.complementizers.has(lw(x))) x++;
    if (c.complementizers.has(lw(x)) || toks[x]?.kind === 'quote' || toks[x]?.text === ',') k = x;
  }
  while (k < toks.length && /^[,:\-–—]$/.test(toks[k].text)) k++;
  const next = toks[k];

  if (quoteBefore && (inverted || cue.sourceAt === 'auto')) {
    const qs = quoteSpan(quoteBefore);
    if (qs) {
      content = [qs];
      direct = true;
    }
  } else if (next && next.kind === 'quote' && quoteAt(k)) {
    const q = quoteAt(k)!;
    const qs = quoteSpan(q);
    if (qs) {
      content = [qs];
      // A quote that is only the start of the clause is partial.
      const after = trimSpan(text, q.close + 1, sentEnd, ' \t\r\n,;:—–-.');
      direct = !after || siblingsAfter(k).length > 0;
      if (!direct && cue.kind !== 'directive') content = [span(text, qs.start - 1, after!.end)];
      else if (!direct) direct = false;
    }
  } else if (next && c.complementizers.has(next.norm)) {
    const from = lang === 'en' ? k : k + 1;
    const r = restOfSentence(from);
    if (r) {
      content = [r];
      direct = isFullyQuoted(text, r, quotes);
    }
  } else if (
    next &&
    toks[k - 1]?.text === ',' &&
    c.contentIntroducers.has(next.norm) &&
    (cue.kind === 'say' || cue.kind === 'belief')
  ) {
    // "США пояснили, скільки людей …": an indirect question is the content, its wh-word included.
    const r = restOfSentence(k);
    if (r) content = [r];
  } else if (
    lang !== 'en' &&
    (cue.kind === 'say' || cue.kind === 'verb' || cue.kind === 'belief') &&
    delayedThat(k) > 0
  ) {
    // "заявила в інтерв'ю британській BBC, що …": a short circumstance between the cue and що.
    const r = restOfSentence(delayedThat(k) + 1);
    if (r) {
      content = [r];
      direct = isFullyQuoted(text, r, quotes);
    }
  } else if (next && c.about.has(next.norm) && cue.kind !== 'according') {
    const r = restOfSentence(k + 1);
    if (r) content = [r];
  } else if (cue.kind === 'according' || cue.kind === 'citation' || cue.kind === 'parenthetical') {
    // "За словами X, P" / "Як повідомляє X, P" / "…, з посиланням на X" / "P, according to X".
    let srcEndTok = Math.max(sourceEnd, cue.b);
    // "Як повідомляє X з посиланням на Y, P": the credit's comma comes after the citation it holds.
    if (cue.a === firstWordIndex(toks) && cueTokens.has(srcEndTok + 1)) {
      let y = srcEndTok + 1;
      while (y < toks.length && y - srcEndTok < 16 && toks[y].text !== ',' && !/^[.;:!?]$/.test(toks[y].text))
        y++;
      if (toks[y]?.text === ',') srcEndTok = y - 1;
    }
    let x = srcEndTok + 1;
    while (x < toks.length && /^[,:\-–—]$/.test(toks[x].text)) x++;
    const clauseAfter = x < toks.length && toks[srcEndTok + 1]?.text === ',' ? restOfSentence(x) : null;
    const before =
      cue.a > firstWordIndex(toks) ? trimSpan(text, s.start, toks[cue.a].start, ' \t\r\n,;:—–-') : null;
    // "Як повідомляє X з посиланням на Y, P": a citation inside a sentence-initial credit reports P.
    const insideCredit =
      cue.kind === 'citation' &&
      clauseAfter &&
      siblings.some(
        (x) =>
          (x.cue.kind === 'parenthetical' || x.cue.kind === 'according') &&
          x.cue.a < cue.a &&
          x.cue.a === firstWordIndex(toks),
      );
    if (insideCredit) content = [clauseAfter];
    else if (cue.kind === 'citation' || (!clauseAfter && before)) {
      content = before ? [stripProCe(text, before)] : clauseAfter ? [clauseAfter] : [];
    } else if (clauseAfter) content = [clauseAfter];
  } else if (cue.kind === 'document' || cue.kind === 'impersonal') {
    if (next && c.complementizers.has(next.norm))
      content = restOfSentence(k + 1) ? [restOfSentence(k + 1)!] : [];
    else if (cue.a > firstWordIndex(toks)) {
      const before = trimSpan(text, s.start, toks[cue.a].start, ' \t\r\n,;:—–-');
      // «…», – йдеться в доповіді: a whole quotation before the cue is direct speech.
      const q = before && quotes.find((x) => x.open === before.start && x.close === before.end - 1);
      const inner = q && trimSpan(text, q.open + 1, q.close, ' \t');
      if (inner) {
        content = [inner];
        direct = true;
      } else if (before) content = [before];
    } else {
      const r = restOfSentence(Math.max(k, sourceEnd + 1));
      if (r) content = [r];
    }
  } else if (cue.kind === 'belief' && lang !== 'en' && next && isWordTok(next) && !c.about.has(next.norm)) {
    // "вважає кращим варіантом, якщо …": the small clause after a belief verb.
    const r = restOfSentence(k);
    if (r) content = [r];
    // "Вона зазначила, що вважає …": the embedded belief takes the matrix subject.
    if (!source.length && c.complementizers.has(lw(cue.a - 1))) {
      const sib = siblings.find((x) => x.att.source.length);
      if (sib) source = sib.att.source;
    }
  } else if (cue.kind === 'directive' && next && isWordTok(next)) {
    const r = restOfSentence(k);
    if (r) content = [r];
  } else if (
    lang === 'en' &&
    cue.kind === 'say' &&
    !inverted &&
    next &&
    isWordTok(next) &&
    /^(said|says|say|saying|stated|added|wrote|writes|told|tells|believes|believe|thinks|think|argued|argues|warned|claimed|claims|noted|insisted|explained)$/.test(
      lw(cue.a),
    )
  ) {
    const r = restOfSentence(k);
    if (r) content = [r];
  } else if (
    lang === 'en' &&
    cue.kind === 'belief' &&
    next &&
    isWordTok(next) &&
    /^(believe|believes|believed|think|thinks|thought|expect|expects|expected|fear|fears|feared|hope|hopes|hoped)$/.test(
      lw(cue.a),
    )
  ) {
    const r = restOfSentence(k);
    if (r) content = [r];
  }

  // '"…," he said.' / 'The deal is off, sources said.': a clause-final cue after its subject.
  if (!content.length && source.length && source[0].end <= toks[cue.a].start) {
    const srcTok = toks.findIndex((t) => t.start === source[0].start);
    const nextT = toks[cue.b + 1];
    const clauseFinal = !nextT || /^[.,;!?…]$/.test(nextT.text);
    if (srcTok > 0 && clauseFinal && /^[,—–-]$/.test(toks[srcTok - 1].text)) {
      const q =
        toks[srcTok - 2]?.kind === 'quote'
          ? quotes.find((x) => x.close === toks[srcTok - 2].start)
          : undefined;
      const qs = q && quoteSpan(q);
      if (qs) {
        content = [qs];
        direct = true;
      } else {
        const before = trimSpan(text, s.start, toks[srcTok - 1].start, ' \t\r\n,;:—–-"«»“”');
        if (before) content = [before];
      }
    }
  }
  if (sentenceHasProCe) content = [];
  // Inverted cue without a quote: content is the clause before it ("P, – повідомив X").
  if (!content.length && !sentenceHasProCe && inverted && cue.a > firstWordIndex(toks)) {
    const before = trimSpan(text, s.start, toks[cue.a].start, ' \t\r\n,;:—–-');
    if (
      before &&
      !(sentenceHasProCe && /^(про це|об этом)/i.test(before.text) && before.text.split(/\s+/).length <= 6)
    ) {
      content = [stripProCe(text, before)];
    }
  }
  // "Про це … повідомляє X": the content is the previous sentence.
  if (sentenceHasProCe) {
    const prev = sents[si - 1];
    if (prev) content = [span(text, prev.start, trimEndPunct(text, prev.start, prev.end))];
  }
  return finishAttribution(ctx, c, s, cue, source, content, direct, mentionAt);
}

function trimEnglishAppositive(toks: Token[], r: [number, number]): [number, number] {
  // "said John Smith, a spokesman" is cut at the comma already; also drop trailing "on Monday".
  let b = r[1];
  for (let x = r[0] + 1; x <= b; x++) {
    if (/^(on|in|at|during|after|before|last|this|yesterday|today|that|who|when)$/i.test(toks[x].text)) {
      b = x - 1;
      break;
    }
  }
  return [r[0], Math.max(r[0], b)];
}

function isPostposedSubject(toks: Token[], b: number, c: Compiled, strict = false): boolean {
  // "…, said Smith." / "…, передає Укрінформ." : the cue ends its clause, a name follows it.
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

function isImpersonal(c: Compiled, word: string): boolean {
  return c.impersonal.has(normalizeWord(word));
}

function stripProCe(text: string, s: Span): Span {
  const m = /^(Про це|Об этом)[\s,]+/i.exec(s.text);
  return m ? span(text, s.start + m[0].length, s.end) : s;
}

function trimEndPunct(text: string, start: number, end: number): number {
  while (end > start && /[\s.!?…]/.test(text[end - 1])) end--;
  return end;
}

function isFullyQuoted(text: string, r: Span, quotes: QuoteSpan[]): boolean {
  return quotes.some(
    (q) =>
      q.open <= r.start &&
      q.close >= r.end - 1 &&
      trimSpan(text, q.open + 1, q.close)?.text === trimSpan(text, r.start, r.end, ' "«»“”„')?.text,
  );
}

/**
 * Credits of the same material in one sentence form a chain: "з посиланням на KCNA повідомляє
 * Yonhap, передає Укрінформ" → Укрінформ via Yonhap via KCNA. Citation phrases are innermost,
 * then cues in text order; all links share the content of the first that has one.
 */
function linkChains(items: { att: Attribution; cue: Cue }[]): void {
  if (items.length < 2) return;
  // "X з посиланням на Y пише, що P": the citation shares the verb's content, and X cites Y.
  for (const cit of items.filter((x) => x.cue.kind === 'citation')) {
    const verb = items
      .filter((x) => x.cue.kind === 'say' && x !== cit)
      .sort((x, y) => Math.abs(x.cue.a - cit.cue.a) - Math.abs(y.cue.a - cit.cue.a))[0];
    if (verb?.att.content.length && !overlaps(verb.att.content[0], cit.att.cue[0])) {
      cit.att.content = verb.att.content;
      if (!verb.att.via) verb.att.via = cit.att.id;
    }
  }
  const relays = items.filter(
    ({ cue }) =>
      cue.kind === 'citation' ||
      cue.kind === 'say' ||
      cue.kind === 'parenthetical' ||
      cue.kind === 'according' ||
      cue.kind === 'document',
  );
  if (relays.length < 2) return;
  // Only credits whose content is the same stretch of text (or contains the others' cues).
  const base = relays[0].att.content[0];
  const same = relays.filter(
    ({ att }) =>
      att.content.length && overlaps(att.content[0], base) && Math.abs(att.content[0].start - base.start) < 5,
  );
  if (same.length < 2) return;
  const ordered = [...same].sort((x, y) => {
    const cx = x.cue.kind === 'citation' ? 0 : 1;
    const cy = y.cue.kind === 'citation' ? 0 : 1;
    return cx - cy || x.cue.a - y.cue.a;
  });
  const content = ordered.find((x) => x.att.content.length)!.att.content;
  for (let i = 0; i < ordered.length; i++) {
    ordered[i].att.content = content;
    if (i > 0) ordered[i].att.via = ordered[i - 1].att.id;
  }
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
