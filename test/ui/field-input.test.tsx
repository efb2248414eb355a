import {Text, useInput} from 'ink';
import {render} from 'ink-testing-library';
import {act, useState} from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {FieldInput} from '../../source/ui/field-input.js';
import {type InkHarness, keys, renderInk} from './ink-harness.js';

const editKeys = {
  left: '\u001B[D',
  delete: '\u001B[3~',
  ctrlU: '\u0015',
  ctrlW: '\u0017',
} as const;

let harness: InkHarness | undefined;

afterEach(async () => {
  await harness?.unmount();
  harness = undefined;
});

/** Renders a parent that keeps the value, records submits and resets the value on Escape. */
function Field({submitted, focus = true}: {submitted: string[]; focus?: boolean}) {
  const [value, setValue] = useState('');
  useInput((_input, key) => {
    if (key.escape) setValue('reset');
  });
  return (
    <>
      <FieldInput
        value={value}
        focus={focus}
        onChange={setValue}
        onSubmit={() => submitted.push(value)}
      />
      <Text>value={JSON.stringify(value)}</Text>
    </>
  );
}

describe('FieldInput', () => {
  it('submits a pasted line that ends in a line break', async () => {
    const submitted: string[] = [];
    harness = await renderInk(<Field submitted={submitted} />);

    await harness.press('http://127.0.0.1:4000\r');

    expect(harness.frame()).toContain('value="http://127.0.0.1:4000"');
    expect(submitted).toEqual(['http://127.0.0.1:4000']);
  });

  it('keeps only the first line of a multi-line paste', async () => {
    const submitted: string[] = [];
    harness = await renderInk(<Field submitted={submitted} />);

    await harness.press('first\nsecond');

    expect(harness.frame()).toContain('value="first"');
    expect(submitted).toEqual(['first']);
  });

  it('drops control characters from pasted text', async () => {
    const submitted: string[] = [];
    harness = await renderInk(<Field submitted={submitted} />);

    await harness.press('ab\u0007c\u001B[2Jd');

    // Ink's input parser splits the chunk at the escape sequence into separate key events, so
    // the check is that no control character survives, not which text is left over.
    const frame = harness.frame();
    expect(frame).toMatch(/value="[a-z]*d"/);
    expect(frame).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
    expect(submitted).toEqual([]);
  });

  it('submits typed text on enter', async () => {
    const submitted: string[] = [];
    harness = await renderInk(<Field submitted={submitted} />);

    await harness.press('a', 'b', keys.enter);

    expect(submitted).toEqual(['ab']);
  });

  it('applies three backspaces that arrive in one chunk', async () => {
    harness = await renderInk(<Field submitted={[]} />);

    await harness.press('abcde');
    await harness.press('\u007F\u007F\u007F');

    expect(harness.frame()).toContain('value="ab"');
  });

  it('keeps every key written before a re-render', async () => {
    let rendered!: ReturnType<typeof render>;
    await act(async () => {
      rendered = render(<Field submitted={[]} />);
    });
    try {
      // One act() holds back every re-render until all writes are handled, as a burst of
      // keys does in a real terminal.
      await act(async () => {
        for (const key of ['h', 'e', 'l', 'x', keys.backspace, 'l', 'o']) {
          rendered.stdin.write(key);
        }
      });

      expect(rendered.lastFrame()).toContain('value="hello"');
    } finally {
      await act(async () => {
        rendered.unmount();
      });
    }
  });

  it('inserts at the start after home', async () => {
    harness = await renderInk(<Field submitted={[]} />);

    await harness.press('bc', keys.home, 'a');

    expect(harness.frame()).toContain('value="abc"');
  });

  it('clears the field on ctrl+u', async () => {
    harness = await renderInk(<Field submitted={[]} />);

    await harness.press('abc', editKeys.ctrlU);

    expect(harness.frame()).toContain('value=""');
  });

  it('deletes forward on delete', async () => {
    harness = await renderInk(<Field submitted={[]} />);

    await harness.press('abc', editKeys.left, editKeys.left, editKeys.delete);

    expect(harness.frame()).toContain('value="ac"');
  });

  it('deletes back on a single backspace', async () => {
    harness = await renderInk(<Field submitted={[]} />);

    await harness.press('abc', editKeys.left, keys.backspace);

    expect(harness.frame()).toContain('value="ac"');
  });

  it('deletes the previous word on ctrl+w', async () => {
    harness = await renderInk(<Field submitted={[]} />);

    await harness.press('one two', editKeys.ctrlW);

    expect(harness.frame()).toContain('value="one "');
  });

  it('follows a value set by the parent', async () => {
    harness = await renderInk(<Field submitted={[]} />);

    await harness.press('abc', editKeys.left, keys.escape, 'X');

    expect(harness.frame()).toContain('value="resetX"');
  });

  it('ignores keys without focus', async () => {
    harness = await renderInk(<Field submitted={[]} focus={false} />);

    await harness.press('abc', keys.enter);

    expect(harness.frame()).toContain('value=""');
  });

  it('shows the placeholder while empty', async () => {
    harness = await renderInk(
      <FieldInput value="" focus onChange={() => {}} placeholder="https://example.halopsa.com" />,
    );

    expect(harness.frame()).toBe('https://example.halopsa.com');
  });

  it('draws a value from the parent without control characters', async () => {
    harness = await renderInk(
      <FieldInput value={'a\u001B[2Jb'} focus={false} onChange={() => {}} />,
    );

    expect(harness.frame()).toBe('ab');
  });
});
