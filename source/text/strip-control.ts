// Terminal escape sequences: CSI (ESC [ ... final byte), OSC (ESC ] ... BEL or ESC \),
// DCS/SOS/PM/APC strings, and two-byte ESC sequences. C1 controls (U+0080-U+009F) are
// treated as their 7-bit equivalents by some terminals, so they go too.
const escapeSequence =
  // eslint-disable-next-line no-control-regex
  /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|\u001B[PX^_][^\u001B]*(?:\u001B\\)?|\u009B[0-?]*[ -/]*[@-~]|\u001B[@-Z\\-_]?/g;

// C0 and C1 controls other than tab and newline, DEL, and invisible formatting characters
// (bidirectional overrides and isolates, zero-width characters, BOM) that can make a drawn
// string read differently from its real content.
const invisibleCharacter =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/**
 * Removes terminal control sequences and invisible formatting characters from a string
 * that came from a server or a person, so drawing it cannot move the cursor, clear the
 * screen, set a hyperlink or reorder text. Tabs and newlines are kept.
 */
export function stripControl(text: string): string {
  return text.replace(escapeSequence, '').replace(invisibleCharacter, '');
}

/**
 * Strips control sequences and folds all whitespace runs, newlines included, into single
 * spaces: for values drawn on one line, such as a name in a table cell.
 */
export function toSingleLine(text: string): string {
  return stripControl(text).replace(/\s+/g, ' ').trim();
}

/** Strips control sequences and clips the result to `maxLength` characters with an ellipsis. */
export function clipForDisplay(text: string, maxLength = 200): string {
  const line = toSingleLine(text);
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
