import type {HaloWizardError} from '../errors.js';
import type {CallbackPage} from './callback-page.js';

/** The page after tokens arrived. */
export const signedInPage: CallbackPage = {
  status: 'success',
  heading: 'Signed in to HaloPSA',
  paragraphs: ['You can close this tab and return to the terminal.'],
};

/** The page for a callback from an older tab or another page: the terminal keeps waiting. */
export const staleCallbackPage: CallbackPage = {
  status: 'failure',
  heading: 'This sign-in page is out of date',
  paragraphs: [
    'It belongs to an older or different sign-in attempt, so halo-wizard ignored it.',
    'Return to the terminal: the current sign-in is still waiting.',
  ],
};

/** The page for a second callback after the sign-in already ended. */
export const alreadyHandledPage: CallbackPage = {
  status: 'failure',
  heading: 'This sign-in is already handled',
  paragraphs: ['Return to the terminal.'],
};

/** Builds the page for a failed sign-in from the error's message and next step. */
export function failedSignInPage(error: HaloWizardError): CallbackPage {
  const paragraphs = [error.message];

  if (error.nextStep !== undefined) {
    paragraphs.push(error.nextStep);
  }

  paragraphs.push('Return to the terminal.');
  return {status: 'failure', heading: 'Sign-in failed', paragraphs};
}
