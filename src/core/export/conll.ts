/**
 * CoNLL token-per-line files (CoNLL-2003, IOB2, BIOES): the format most NER corpora and taggers
 * exchange. A token's text is its line's first column and its tag the last; a blank line ends a
 * sentence, `-DOCSTART-` a document; `#` lines are comments (Newsmark's own export writes one).
 * The files carry no offsets: imported onto an article, the tokens are found in its text in
 * order; read as a corpus, each document's text is its tokens joined by spaces.
 */
import { ImportError, type Imported, normLabel } from './imported';

export interface ConllToken {
  text: string;
  tag: string;
  /** The line it came from (1-based), for error messages. */
  line: number;
}

/** One document: its sentences of tokens. */
export type ConllDoc = ConllToken[][];

const TAG = /^(O|[BIES]-.+)$/;

/** The documents of a CoNLL file (a file without `-DOCSTART-` is one document). */
export function readConll(content: string): ConllDoc[] {
  const docs: ConllDoc[] = [[]];
  let sentence: ConllToken[] = [];
  const endSentence = () => {
    if (sentence.length) docs[docs.length - 1].push(sentence);
    sentence = [];
  };
  content.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) {
      endSentence();
      return;
    }
    const cols = line.includes('\t') ? line.split('\t').map((c) => c.trim()) : line.split(/\s+/);
    // A comment ("# newsmark file = …"), unless it is the token "#" with its tag.
    if (line.startsWith('#') && !(cols.length >= 2 && cols[0] === '#' && TAG.test(cols[cols.length - 1])))
      return;
    if (cols[0] === '-DOCSTART-') {
      endSentence();
      if (docs[docs.length - 1].length) docs.push([]);
      return;
    }
    const tag = cols[cols.length - 1];
    if (cols.length < 2 || !TAG.test(tag))
      throw new ImportError(
        `line ${i + 1}: expected a token and its tag (O, B-X, I-X, E-X or S-X), found ${JSON.stringify(line.slice(0, 80))}`,
      );
    sentence.push({ text: cols[0], tag, line: i + 1 });
  });
  endSentence();
  return docs.filter((d) => d.length);
}

export interface TagSpan {
  /** Token indexes, inclusive. */
  a: number;
  b: number;
  /** Newsmark's name for the tag's type where it has one (PERS, PERSON → PER). */
  label: string;
}

/**
 * The entities of a sentence's tags. Lenient as taggers' output needs: an I- that does not continue
 * its type starts an entity (IOB1), E- ends one, S- is one by itself.
 */
export function tagSpans(tags: string[]): TagSpan[] {
  const out: TagSpan[] = [];
  let cur: TagSpan | undefined;
  tags.forEach((tag, i) => {
    const kind = tag[0];
    const label = normLabel(tag.slice(2));
    if (tag === 'O') {
      cur = undefined;
      return;
    }
    if (kind === 'B' || kind === 'S' || !cur || cur.label !== label) {
      cur = { a: i, b: i, label };
      out.push(cur);
    } else cur.b = i;
    if (kind === 'E' || kind === 'S') cur = undefined;
  });
  return out;
}

/** Where each token is in the text, found in order; a token the text does not have next is an error. */
function alignTokens(tokens: ConllToken[], text: string): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const tok of tokens) {
    while (at < text.length && /\s/.test(text[at])) at++;
    // The text may hold what the file left out (a heading, a character its tokenizer dropped):
    // the token is looked for a little further on, never before the last one.
    const found = text.startsWith(tok.text, at) ? at : text.indexOf(tok.text, at);
    if (found < 0 || found - at > 200)
      throw new ImportError(
        `line ${tok.line}: the token ${JSON.stringify(tok.text)} is not in the article where the tokens before it end (character ${at})`,
      );
    starts.push(found);
    at = found + tok.text.length;
  }
  return starts;
}

/** A CoNLL file's entities as annotations of an article whose text its tokens come from. */
export function fromConll(content: string, text: string): Imported[] {
  const sentences = readConll(content).flat();
  const starts = alignTokens(sentences.flat(), text);
  const out: Imported[] = [];
  let first = 0;
  for (const sentence of sentences) {
    for (const s of tagSpans(sentence.map((t) => t.tag))) {
      const start = starts[first + s.a];
      const end = starts[first + s.b] + sentence[s.b].text.length;
      out.push({ start, end, label: s.label, quote: text.slice(start, end) });
    }
    first += sentence.length;
  }
  return out;
}

/** A document of a CoNLL corpus as text and entity spans: tokens joined by spaces, a sentence a line. */
export function conllDocument(doc: ConllDoc): {
  text: string;
  entities: { start: number; end: number; label: string }[];
} {
  let text = '';
  const entities: { start: number; end: number; label: string }[] = [];
  for (const sentence of doc) {
    const starts = sentence.map((t, i) => {
      if (i) text += ' ';
      const at = text.length;
      text += t.text;
      return at;
    });
    for (const s of tagSpans(sentence.map((t) => t.tag)))
      entities.push({ start: starts[s.a], end: starts[s.b] + sentence[s.b].text.length, label: s.label });
    text += '\n';
  }
  return { text, entities };
}
