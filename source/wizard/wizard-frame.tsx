import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {stepNumber, steps, type StepId} from './wizard-state.js';

export type WizardFrameProps = {
  step: StepId;
  /** The keys this screen reads, e.g. "Enter: continue · Esc: back". */
  keys: string;
  children: ReactNode;
};

/** Draws the progress line "Step N of 6 · title", the step's body and its key help. */
export function WizardFrame({step, keys, children}: WizardFrameProps) {
  const title = steps.find(entry => entry.id === step)?.title ?? step;
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold color="cyan">
        Step {stepNumber(step)} of {steps.length} · {title}
      </Text>
      <Box flexDirection="column">{children}</Box>
      <Text dimColor>{keys} · Ctrl+C: quit</Text>
    </Box>
  );
}
