import {stripControl} from '../text/strip-control.js';

/** Text of a one-line field and the cursor, a UTF-16 offset into `value`. */
export type FieldState = {value: string; cursor: number};

/** The field after one input event, and whether a line break in it requested a submit. */
export type FieldEdit = {state: FieldState; submit: boolean};

type EditAction =
  | 'left'
  | 'right'
  | 'home'
  | 'end'
  | 'backspace'
  | 'delete'
  | 'delete-word-back'
  | 'clear';

// Single control characters, as a terminal in raw mode sends them. Most terminals send DEL
// (0x7F) for the Backspace key and BS (0x08) for Ctrl+H. Ink 6.8's key parser calls DEL
// "delete", which is why this table works on raw input instead of Ink's key names.
const controlActions = new Map<string, EditAction>([
  ['\u007F', 'backspace'],
  ['\b', 'backspace'],
  ['\u0001', 'home'],
  ['\u0005', 'end'],
  ['\u0015', 'clear'],
  ['\u0017', 'delete-word-back'],
]);

// Cursor keys in CSI (ESC [) and SS3 (ESC O) form, with or without a modifier parameter such
// as Ctrl+Left's ESC [ 1 ; 5 D. The modifier is ignored, so Ctrl+Left moves one character.
const letterKey = /^\u001B(?:\[(?:1;\d+)?|O)([CDFH])$/;
const letterActions: Record<string, EditAction> = {C: 'right', D: 'left', F: 'end', H: 'home'};

// Editing keys in the VT220 form ESC [ n ~, with xterm modifiers (;n) or rxvt's $ and ^.
const tildeKey = /^\u001B\[([1-8])(?:;\d+)?[~$^]$/;
const tildeActions: Record<string, EditAction> = {
  '1': 'home',
  '3': 'delete',
  '4': 'end',
  '7': 'home',
  '8': 'end',
};

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** Returns the offset where the grapheme before `cursor` starts, or 0 at the start. */
function previousBoundary(value: string, cursor: number): number {
  let boundary = 0;
  for (const {index} of graphemes.segment(value)) {
    if (index >= cursor) break;
    boundary = index;
  }

  return boundary;
}

/** Returns the offset where the grapheme at `cursor` ends, or the length at the end. */
function nextBoundary(value: string, cursor: number): number {
  for (const {index, segment} of graphemes.segment(value)) {
    if (index + segment.length > cursor) return index + segment.length;
  }

  return value.length;
}

function clamp(value: string, cursor: number): FieldState {
  return {value, cursor: Math.min(Math.max(cursor, 0), value.length)};
}

function applyAction({value, cursor}: FieldState, action: EditAction): FieldState {
  switch (action) {
    case 'left':
      return clamp(value, previousBoundary(value, cursor));

    case 'right':
      return clamp(value, nextBoundary(value, cursor));

    case 'home':
      return clamp(value, 0);

    case 'end':
      return clamp(value, value.length);

    case 'backspace': {
      const start = previousBoundary(value, cursor);
      return clamp(value.slice(0, start) + value.slice(cursor), start);
    }

    case 'delete':
      return clamp(value.slice(0, cursor) + value.slice(nextBoundary(value, cursor)), cursor);

    case 'delete-word-back': {
      // Like Ctrl+W in a shell: the whitespace before the cursor, then the word before it.
      const word = /\S*\s*$/.exec(value.slice(0, cursor))?.[0] ?? '';
      const start = cursor - word.length;
      return clamp(value.slice(0, start) + value.slice(cursor), start);
    }

    case 'clear':
      return clamp('', 0);
  }
}

function insert({value, cursor}: FieldState, text: string): FieldState {
  const clean = stripControl(text).replace(/\t/g, ' ');
  if (clean === '') return {value, cursor};
  return clamp(value.slice(0, cursor) + clean + value.slice(cursor), cursor + clean.length);
}

function parseEscapeSequence(input: string): EditAction | undefined {
  const letter = letterKey.exec(input)?.[1];
  if (letter !== undefined) return letterActions[letter];

  const number = tildeKey.exec(input)?.[1];
  if (number !== undefined) return tildeActions[number];

  // Alt+Backspace, the readline binding for deleting a word back.
  if (input === '\u001B\u007F' || input === '\u001B\b') return 'delete-word-back';
  return undefined;
}

/**
 * Applies one input event to the field. Ink's input parser hands over either one escape
 * sequence or a run of text without ESC. A run contains every key that arrived in one read,
 * such as a paste or keys typed faster than the terminal or an SSH link delivers them. Each
 * character of a run is applied in order, so "\x7f\x7f\x7f" deletes three characters. A line
 * break ends the run and requests a submit, and the text after it is dropped. Other control
 * characters are dropped, and a tab inside a run becomes a space. A lone Tab key and
 * unknown escape sequences leave the field unchanged.
 */
export function applyInput(state: FieldState, input: string): FieldEdit {
  if (input.startsWith('\u001B')) {
    const action = parseEscapeSequence(input);
    return {state: action === undefined ? state : applyAction(state, action), submit: false};
  }

  if (input === '\t') return {state, submit: false};

  let next = state;
  let text = '';
  for (const character of input) {
    const action = controlActions.get(character);
    const isLineBreak = character === '\r' || character === '\n';
    if (action === undefined && !isLineBreak) {
      text += character;
      continue;
    }

    next = insert(next, text);
    text = '';
    if (isLineBreak) return {state: next, submit: true};
    if (action !== undefined) next = applyAction(next, action);
  }

  return {state: insert(next, text), submit: false};
}

/** Splits the value around the cursor into the text before, the grapheme under it, and after. */
export function splitAtCursor({value, cursor}: FieldState): {
  before: string;
  atCursor: string;
  after: string;
} {
  const end = nextBoundary(value, cursor);
  return {
    before: value.slice(0, cursor),
    atCursor: value.slice(cursor, end),
    after: value.slice(end),
  };
}
