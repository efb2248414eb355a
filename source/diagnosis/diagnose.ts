import type {FailureField, HaloWizardError} from '../errors.js';
import {clipForDisplay} from '../text/strip-control.js';
import {symptoms, type Symptom} from './symptoms.js';

const symptomsByCode = new Map<string, Symptom>(
  symptoms.flatMap((symptom) => symptom.codes.map((code) => [code, symptom] as const)),
);

/** Returns the symptom for an error code, or null for a code no symptom covers. */
export function symptomFor(code: string): Symptom | null {
  return symptomsByCode.get(code) ?? null;
}

/**
 * Returns the fix of the symptom with `code`, its `{name}` placeholders replaced by
 * `values`. Throws for a code no symptom covers, because every caller names a listed code.
 */
export function fixFor(code: string, values: Record<string, string> = {}): string {
  const symptom = symptomFor(code);
  if (symptom === null) {
    throw new Error(`No symptom lists the error code "${code}".`);
  }

  return symptom.fix.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new Error(`The fix for "${code}" needs a value for ${placeholder}.`);
    }

    return clipForDisplay(value, 200);
  });
}

/** A failure explained for a person: what happened, why, where, and what to change. */
export type Diagnosis = {
  /** The symptom heading, or "Failed" for a failure no symptom covers. */
  heading: string;
  /** The error's own message, which quotes the values involved. */
  happened: string;
  /** The likely cause, or null when no symptom covers the failure. */
  cause: string | null;
  field: FailureField;
  /** The error's next step, else the symptom's fix when it has no placeholders. */
  fix: string | null;
};

/** Explains `error` with the symptom listed for its code. Every string is one clipped line. */
export function diagnose(error: HaloWizardError): Diagnosis {
  const symptom = symptomFor(error.code);
  // A fix with unfilled placeholders would show "{redirectUri}", so it is left out.
  const symptomFix = symptom === null || /\{\w+\}/.test(symptom.fix) ? null : symptom.fix;
  const fix = error.nextStep ?? symptomFix;
  return {
    heading: symptom?.heading ?? 'Failed',
    happened: clipForDisplay(error.message, 500),
    cause: symptom === null ? null : symptom.cause,
    field: error.field ?? symptom?.field ?? null,
    fix: fix === null ? null : clipForDisplay(fix, 500),
  };
}
