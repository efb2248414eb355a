import TextInput from 'ink-text-input';
import {useEffect, useState} from 'react';
import {stripControl} from '../text/strip-control.js';

export type FieldInputProps = {
  value: string;
  /** Whether the field reads keys. */
  focus: boolean;
  onChange: (value: string) => void;
  onSubmit?: (value: string) => void;
  placeholder?: string;
};

/**
 * A one-line text field that stays clean when text is pasted. Ink delivers a paste as one
 * chunk, so a copied line arrives with its line break inside the value and Enter never fires.
 * This field drops control characters, and a line break submits the text before it.
 */
export function FieldInput({value, focus, onChange, onSubmit, placeholder}: FieldInputProps) {
  const [submitWhen, setSubmitWhen] = useState<string | null>(null);

  // The parent's onSubmit reads the value it last rendered, so a paste that ends in a line
  // break submits after the parent has re-rendered with the pasted text.
  useEffect(() => {
    if (submitWhen !== null && submitWhen === value) {
      setSubmitWhen(null);
      onSubmit?.(value);
    }
  }, [submitWhen, value, onSubmit]);

  const change = (text: string) => {
    const lineBreak = text.search(/[\r\n]/);
    const clean = stripControl(lineBreak === -1 ? text : text.slice(0, lineBreak)).replace(
      /\t/g,
      ' ',
    );
    if (clean !== value) {
      onChange(clean);
    }

    if (lineBreak !== -1) {
      setSubmitWhen(clean);
    }
  };

  return (
    <TextInput
      value={value}
      focus={focus}
      onChange={change}
      {...(onSubmit ? {onSubmit} : {})}
      {...(placeholder === undefined ? {} : {placeholder})}
    />
  );
}
