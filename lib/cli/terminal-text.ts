/**
 * Text from live DNS, a zone file, an API or a server (TXT text, names, SMTP banners, error
 * bodies) as it may reach a terminal or a CI log: data, never instructions to the terminal
 * or the log reader. Every human-output path of the CLI prints such text through this.
 */

/**
 * Characters a terminal or log viewer acts on: C0 controls (ESC sequences set the window
 * title or clear the screen; CR rewrites a line; LF starts one, where a CI runner reads
 * `::error::` workflow commands), DEL, C1 controls (0x9b is a one-byte CSI), the Unicode
 * line and paragraph separators, and the bidirectional overrides that reorder what is
 * shown (CVE-2021-42574, "Trojan Source"). Tab is kept: it only moves the cursor right.
 */
const ACTIVE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A start that a CI runner reads as a workflow command (`::error::…`, the older `##[error]…`), blanks before it included. */
const COMMAND_START = /^([ \t]*)(:|#)(?=:|#\[)/;

/**
 * `text` with every character a terminal or log reader acts on written as a visible escape
 * (`\n`, `\r`, `\e`, else `\xHH` or `\u{HHHH}`), so one value prints as one line, exactly
 * as long as it reads; a value starting like a workflow command has its first character
 * escaped too, for the case where it starts a line.
 */
export function terminalText(text: string): string {
  return text.replace(ACTIVE, visibleEscape).replace(COMMAND_START, (_, blanks: string, first: string) => `${blanks}${visibleEscape(first)}`);
}

/**
 * A message of several lines (ours: an error with the lines of a file listed below it) for
 * stderr: each line as {@link terminalText}, the line breaks kept.
 */
export function terminalLines(text: string): string {
  return text.split('\n').map(terminalText).join('\n');
}

function visibleEscape(char: string): string {
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\x1b') return '\\e';
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}
