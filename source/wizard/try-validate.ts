import type {HaloWizardError} from '../errors.js';
import {toWizardError} from './to-wizard-error.js';

/** A validator's result: the accepted value, or the failure it raised. */
export type Validation<T> = {ok: true; value: T} | {ok: false; error: HaloWizardError};

/** Runs a throwing validator and returns its value or its error, for live display. */
export function tryValidate<T>(validate: () => T): Validation<T> {
  try {
    return {ok: true, value: validate()};
  } catch (error) {
    return {ok: false, error: toWizardError(error, 'Validation failed')};
  }
}
