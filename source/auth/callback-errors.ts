import {fixFor} from '../diagnosis/diagnose.js';
import {HaloWizardError} from '../errors.js';
import {clipForDisplay} from '../text/strip-control.js';

// NOTE: how Halo words a refusal for an application with Allow Agent Logins off is not
// known. The emulator sends "Agent logins are not allowed", and this pattern matches that.
const agentLoginsOffPattern = /agent log-?ins? (?:are |is )?not allowed/i;

/**
 * Explains an `error` redirect from Halo's authorise endpoint. `access_denied` means the
 * person declined or cancelled; the application-setting codes name what to change in Halo.
 */
export function explainAuthorizationError(
  error: string,
  description: string | undefined,
): HaloWizardError {
  const shownError = clipForDisplay(error, 60);
  const detail = description === undefined ? '' : ` (${clipForDisplay(description)})`;

  switch (error) {
    case 'access_denied': {
      if (description !== undefined && agentLoginsOffPattern.test(description)) {
        return new HaloWizardError(
          'agent-logins-not-allowed',
          `HaloPSA refused the agent sign-in${detail}: the application does not allow agent ` +
            'logins.',
          {kind: 'rejected', nextStep: fixFor('agent-logins-not-allowed')},
        );
      }

      return new HaloWizardError(
        'sign-in-declined',
        `Sign-in was declined or cancelled in the browser${detail}. Nothing is broken.`,
        {kind: 'sign-in', nextStep: fixFor('sign-in-declined')},
      );
    }

    case 'unauthorized_client':
    case 'unsupported_response_type': {
      return new HaloWizardError(
        'wrong-authentication-method',
        `HaloPSA rejected the sign-in with ${shownError}${detail}: the application does not ` +
          'allow the authorisation code flow.',
        {
          kind: 'rejected',
          field: 'clientId',
          nextStep: fixFor('wrong-authentication-method'),
        },
      );
    }

    case 'invalid_scope': {
      return new HaloWizardError(
        'scope-not-allowed',
        `HaloPSA rejected the requested scopes${detail}.`,
        {
          kind: 'rejected',
          nextStep: fixFor('scope-not-allowed'),
        },
      );
    }

    default: {
      return new HaloWizardError(
        'authorization-failed',
        `HaloPSA ended the sign-in with the error ${shownError}${detail}.`,
        {
          kind: 'sign-in',
          nextStep: 'Start the sign-in again. If the error repeats, check the application in Halo.',
        },
      );
    }
  }
}
