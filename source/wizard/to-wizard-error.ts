import {HaloWizardError, isHaloWizardError} from '../errors.js';
import {clipForDisplay} from '../text/strip-control.js';

/**
 * Returns `error` when it is an expected failure, or wraps anything else in an `unexpected`
 * HaloWizardError whose message starts with `context` and quotes the original message.
 */
export function toWizardError(error: unknown, context: string): HaloWizardError {
  if (isHaloWizardError(error)) {
    return error;
  }

  const message = error instanceof Error ? error.message : String(error);
  return new HaloWizardError('unexpected-error', `${context}: ${clipForDisplay(message)}`, {
    kind: 'unexpected',
    nextStep: 'Try again; if it fails the same way, report the message above.',
    cause: error,
  });
}
