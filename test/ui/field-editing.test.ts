import {describe, expect, it} from 'vitest';
import {applyInput, type FieldState, splitAtCursor} from '../../source/ui/field-editing.js';

const keys = {
  backspace: '\u007F',
  ctrlH: '\b',
  delete: '\u001B[3~',
  left: '\u001B[D',
  right: '\u001B[C',
  ctrlLeft: '\u001B[1;5D',
  home: '\u001B[H',
  homeVt220: '\u001B[1~',
  homeSs3: '\u001BOH',
  end: '\u001B[F',
  endVt220: '\u001B[4~',
  ctrlA: '\u0001',
  ctrlE: '\u0005',
  ctrlU: '\u0015',
  ctrlW: '\u0017',
  altBackspace: '\u001B\u007F',
} as const;

/** Writes the field as text with a `|` at the cursor, so a failure shows both at once. */
function show({value, cursor}: FieldState): string {
  return `${value.slice(0, cursor)}|${value.slice(cursor)}`;
}

/** Builds a state from text with a `|` at the cursor. */
function parse(text: string): FieldState {
  return {value: text.replace('|', ''), cursor: text.indexOf('|')};
}

function type(start: string, ...inputs: string[]): string {
  let state = parse(start);
  for (const input of inputs) {
    state = applyInput(state, input).state;
  }

  return show(state);
}

describe('applyInput', () => {
  it('inserts text at the cursor', () => {
    expect(type('ac|', 'x')).toBe('acx|');
    expect(type('a|c', 'bb')).toBe('abb|c');
    expect(type('|', 'abc')).toBe('abc|');
  });

  it('applies every backspace in one chunk', () => {
    expect(type('abcde|', '\u007F\u007F\u007F')).toBe('ab|');
  });

  it('applies keys and text in one chunk in order', () => {
    expect(type('|', 'abx\u007Fc')).toBe('abc|');
    expect(type('old|', '\u0015new')).toBe('new|');
    expect(type('bc|', '\u0001a')).toBe('a|bc');
  });

  it('deletes back with backspace and ctrl+h', () => {
    expect(type('abc|', keys.backspace)).toBe('ab|');
    expect(type('ab|c', keys.ctrlH)).toBe('a|c');
  });

  it('ignores backspace at the start', () => {
    expect(type('|abc', keys.backspace)).toBe('|abc');
  });

  it('deletes forward with delete', () => {
    expect(type('a|bc', keys.delete)).toBe('a|c');
    expect(type('abc|', keys.delete)).toBe('abc|');
  });

  it('moves left and right within the value', () => {
    expect(type('ab|c', keys.left)).toBe('a|bc');
    expect(type('|abc', keys.left)).toBe('|abc');
    expect(type('a|bc', keys.right)).toBe('ab|c');
    expect(type('abc|', keys.right)).toBe('abc|');
    expect(type('ab|c', keys.ctrlLeft)).toBe('a|bc');
  });

  it('moves to the start with home and ctrl+a', () => {
    for (const key of [keys.home, keys.homeVt220, keys.homeSs3, keys.ctrlA]) {
      expect(type('ab|c', key)).toBe('|abc');
    }
  });

  it('moves to the end with end and ctrl+e', () => {
    for (const key of [keys.end, keys.endVt220, keys.ctrlE]) {
      expect(type('a|bc', key)).toBe('abc|');
    }
  });

  it('clears the whole field with ctrl+u', () => {
    expect(type('ab|c', keys.ctrlU)).toBe('|');
  });

  it('deletes the word before the cursor with ctrl+w', () => {
    expect(type('one two|', keys.ctrlW)).toBe('one |');
    expect(type('one two  |', keys.ctrlW)).toBe('one |');
    expect(type('one tw|o', keys.ctrlW)).toBe('one |o');
    expect(type('|one', keys.ctrlW)).toBe('|one');
    expect(type('one two|', keys.altBackspace)).toBe('one |');
  });

  it('steps over a whole emoji', () => {
    expect(type('a👍|', keys.left)).toBe('a|👍');
    expect(type('a👍|', keys.backspace)).toBe('a|');
    expect(type('a|👍b', keys.delete)).toBe('a|b');
  });

  it('drops control characters from text', () => {
    expect(type('|', 'a\u0007b\u0004c\u0085d\u200Be')).toBe('abcde|');
  });

  it('turns a tab inside text into a space', () => {
    expect(type('|', 'a\tb')).toBe('a b|');
  });

  it('ignores a lone tab and unknown escape sequences', () => {
    expect(type('a|b', '\t')).toBe('a|b');
    expect(type('a|b', '\u001B')).toBe('a|b');
    expect(type('a|b', '\u001B[A')).toBe('a|b');
    expect(type('a|b', '\u001Bx')).toBe('a|b');
  });

  it('submits at a line break and drops the text after it', () => {
    const edit = applyInput(parse('ab|'), 'c\rd');
    expect(show(edit.state)).toBe('abc|');
    expect(edit.submit).toBe(true);
  });

  it('submits on a newline as on a carriage return', () => {
    expect(applyInput(parse('|'), 'first\nsecond').submit).toBe(true);
    expect(show(applyInput(parse('|'), 'first\nsecond').state)).toBe('first|');
  });

  it('does not submit without a line break', () => {
    expect(applyInput(parse('ab|'), 'cd').submit).toBe(false);
    expect(applyInput(parse('ab|'), keys.left).submit).toBe(false);
  });
});

describe('splitAtCursor', () => {
  it('splits around the grapheme under the cursor', () => {
    expect(splitAtCursor(parse('a|👍b'))).toEqual({before: 'a', atCursor: '👍', after: 'b'});
  });

  it('has nothing under a cursor at the end', () => {
    expect(splitAtCursor(parse('ab|'))).toEqual({before: 'ab', atCursor: '', after: ''});
  });
});
