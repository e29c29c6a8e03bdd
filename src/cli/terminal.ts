/**
 * Text from articles and sidecars printed to a terminal: control characters (an escape sequence
 * can clear the screen, hide text, set the window title or make a link) and direction overrides
 * are shown as visible escapes instead of being obeyed.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const visible = (c: string) => {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
};

/** The text with every unsafe character as a visible escape (\x1b, \u202e); new lines and tabs kept. */
export function forTerminal(s: string): string {
  return s.replace(UNSAFE, visible);
}

/** One character, made safe (for text printed a character at a time). */
export function charForTerminal(c: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(c) ? visible(c) : c;
}

/** A message on stderr, prefixed, with anything from a file made safe. */
export function warn(message: string): void {
  process.stderr.write(`newsmark: ${forTerminal(message)}\n`);
}
