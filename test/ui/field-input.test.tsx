import {useState} from 'react';
import {Text} from 'ink';
import {afterEach, describe, expect, it} from 'vitest';
import {FieldInput} from '../../source/ui/field-input.js';
import {type InkHarness, keys, renderInk} from './ink-harness.js';

let harness: InkHarness | undefined;

afterEach(async () => {
  await harness?.unmount();
  harness = undefined;
});

function Field({submitted}: {submitted: string[]}) {
  const [value, setValue] = useState('');
  return (
    <>
      <FieldInput
        value={value}
        focus
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
});
