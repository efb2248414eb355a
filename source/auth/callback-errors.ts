import {HaloWizardError} from '../errors.js';
import {clipForDisplay} from '../text/strip-control.js';

const applicationPath =
  'Configuration > Integrations > HaloPSA API > View Applications, open this application';

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
      return new HaloWizardError(
        'sign-in-declined',
        `Sign-in was declined or cancelled in the browser${detail}. Nothing is broken.`,
        {
          kind: 'sign-in',
          nextStep:
            'Start the sign-in again and approve the request. If Halo refused the login, ' +
            'tick Allow Agent Logins on the application and sign in as a normal agent.',
        },
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
          nextStep:
            `In Halo, open ${applicationPath} and set Authentication Method to ` +
            'Authorisation Code (Native Application), then save and sign in again.',
        },
      );
    }

    case 'invalid_scope': {
      return new HaloWizardError(
        'scope-not-allowed',
        `HaloPSA rejected the requested scopes${detail}.`,
        {
          kind: 'rejected',
          nextStep:
            `In Halo, open ${applicationPath}, tick \`all\` on the Permissions tab, then ` +
            'save and sign in again.',
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
