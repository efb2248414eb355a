import {Text, useStdin} from 'ink';
import {useEffect, useReducer, useRef, useState} from 'react';
import {stripControl} from '../text/strip-control.js';
import {applyInput, type FieldState, splitAtCursor} from './field-editing.js';

export type FieldInputProps = {
  value: string;
  /** Whether the field reads keys. */
  focus: boolean;
  onChange: (value: string) => void;
  onSubmit?: (value: string) => void;
  placeholder?: string;
};

/**
 * Calls `onInput` with each input event from Ink's input parser, unparsed, while `isActive`.
 * Ink 6.8's useInput reports both DEL (the Backspace key) and ESC [ 3 ~ (the Delete key) as
 * `key.delete` with empty input, so this reads the event emitter that useInput itself reads.
 * NOTE: `internal_eventEmitter` is not a documented Ink API and may change in a later major.
 */
function useTerminalInput(onInput: (input: string) => void, isActive: boolean) {
  const {setRawMode, internal_eventEmitter: inputEvents} = useStdin();
  const handler = useRef(onInput);
  handler.current = onInput;

  useEffect(() => {
    if (!isActive) return;
    setRawMode(true);
    return () => {
      setRawMode(false);
    };
  }, [isActive, setRawMode]);

  useEffect(() => {
    if (!isActive) return;
    const listener = (input: string) => {
      handler.current(input);
    };
    inputEvents.on('input', listener);
    return () => {
      inputEvents.off('input', listener);
    };
  }, [isActive, inputEvents]);
}

/**
 * Draws a one-line text field that keeps every key when keys arrive faster than React renders.
 * The value and cursor live in a ref that each key updates synchronously, so a key builds on
 * the one before it even when the parent has not re-rendered yet. Keys: Left/Right,
 * Home/End and Ctrl+A/Ctrl+E move; Backspace, Delete, Ctrl+W (word back) and Ctrl+U (whole
 * field) delete; Enter submits. Editing rules live in field-editing.ts.
 */
export function FieldInput({value, focus, onChange, onSubmit, placeholder}: FieldInputProps) {
  const field = useRef<FieldState>({value, cursor: value.length});
  const reported = useRef(value);
  const [submitWhen, setSubmitWhen] = useState<string | null>(null);
  const [, redraw] = useReducer((count: number) => count + 1, 0);

  // A value this field did not report came from the parent (a reset, or a value read from
  // disk), so the field takes it over with the cursor at the end.
  if (value !== reported.current) {
    reported.current = value;
    field.current = {value, cursor: value.length};
  }

  // The parent's onSubmit reads the value it last rendered, so a line break submits once the
  // parent has re-rendered with the text before it.
  useEffect(() => {
    if (submitWhen !== null && submitWhen === value) {
      setSubmitWhen(null);
      onSubmit?.(value);
    }
  }, [submitWhen, value, onSubmit]);

  useTerminalInput(input => {
    const previous = field.current;
    const edit = applyInput(previous, input);
    const isUnchanged =
      edit.state.value === previous.value && edit.state.cursor === previous.cursor;
    if (isUnchanged && !edit.submit) return;

    field.current = edit.state;
    // Recorded before onChange, because the parent may re-render this field synchronously
    // inside it, and the check above must then see the value as reported.
    if (edit.state.value !== reported.current) {
      reported.current = edit.state.value;
      onChange(edit.state.value);
    }

    if (edit.submit) setSubmitWhen(edit.state.value);
    redraw();
  }, focus);

  const state = field.current;
  if (state.value === '' && placeholder !== undefined && placeholder !== '') {
    const clean = stripControl(placeholder);
    if (!focus) return <Text color="gray">{clean}</Text>;
    return (
      <Text>
        <Text inverse>{clean.slice(0, 1)}</Text>
        <Text color="gray">{clean.slice(1)}</Text>
      </Text>
    );
  }

  if (!focus) return <Text>{stripControl(state.value)}</Text>;

  const {before, atCursor, after} = splitAtCursor(state);
  return (
    <Text>
      {stripControl(before)}
      <Text inverse>{stripControl(atCursor) || ' '}</Text>
      {stripControl(after)}
    </Text>
  );
}
