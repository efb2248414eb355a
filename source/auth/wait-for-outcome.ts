import {fixFor} from '../diagnosis/diagnose.js';
import {HaloWizardError} from '../errors.js';
import type {TokenSet} from '../halo/types.js';

/**
 * Waits for the sign-in outcome until `timeoutMs` passes or `signal` aborts, then rejects
 * with `sign-in-timed-out` or `sign-in-cancelled`. The sign-in itself is left running, so
 * the caller may still paste the address or wait again.
 */
export async function waitForOutcome(
  outcome: Promise<TokenSet>,
  options: {signal?: AbortSignal; timeoutMs: number},
): Promise<TokenSet> {
  const {signal, timeoutMs} = options;

  if (signal?.aborted) {
    throw signInCancelledError();
  }

  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;

  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(timedOutError(timeoutMs)), timeoutMs);
    onAbort = () => reject(signInCancelledError());
    signal?.addEventListener('abort', onAbort, {once: true});
  });

  try {
    return await Promise.race([outcome, limit]);
  } finally {
    clearTimeout(timer);

    if (onAbort !== undefined) {
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

function timedOutError(timeoutMs: number): HaloWizardError {
  const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;

  return new HaloWizardError(
    'sign-in-timed-out',
    `No sign-in response arrived within ${limit}.`,
    {
      kind: 'sign-in',
      nextStep: fixFor('sign-in-timed-out'),
    },
  );
}

/** Returns the error for a sign-in ended by the person or by closing the session. */
export function signInCancelledError(): HaloWizardError {
  return new HaloWizardError('sign-in-cancelled', 'The sign-in was cancelled.', {
    kind: 'sign-in',
    nextStep: 'Start the sign-in again when you are ready.',
  });
}
