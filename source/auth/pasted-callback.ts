import {fixFor} from '../diagnosis/diagnose.js';
import {HaloWizardError} from '../errors.js';

const pasteNextStep =
  'Copy the whole address from the browser tab that showed the sign-in result, after ' +
  'approving in Halo, and paste it again.';

/**
 * Reads the query of the address a person pasted from the browser, for when the redirect
 * never reached the loopback receiver. Throws a usage error when it contains no sign-in
 * response (neither `code` nor `error`).
 */
export function parsePastedCallback(address: string): URLSearchParams {
  let url: URL;

  try {
    url = new URL(address.trim());
  } catch (error) {
    throw new HaloWizardError('pasted-address-invalid', 'The pasted text is not an address.', {
      kind: 'usage',
      nextStep: pasteNextStep,
      cause: error,
    });
  }

  const parameters = url.searchParams;

  if (!parameters.has('code') && !parameters.has('error')) {
    throw new HaloWizardError(
      'pasted-address-invalid',
      'The pasted address contains no sign-in response (no code or error parameter).',
      {kind: 'usage', nextStep: pasteNextStep},
    );
  }

  return parameters;
}

/** Returns the error for a pasted address whose `state` belongs to another sign-in attempt. */
export function staleAddressError(): HaloWizardError {
  return new HaloWizardError(
    'state-mismatch',
    'The pasted address belongs to another sign-in attempt (its state does not match).',
    {
      kind: 'sign-in',
      nextStep: fixFor('state-mismatch'),
    },
  );
}
