import {HaloWizardError} from '../errors.js';
import type {ConnectionSettings, Environment, TokenSet} from '../halo/types.js';
import {createAuthorizationServer} from './authorization-server.js';
import {isCallbackForAttempt, validateCallback} from './authorization-response.js';
import {createAuthorizationRequest, type AuthorizationRequest} from './authorize-url.js';
import {defaultScope} from './defaults.js';
import {startLoopbackReceiver, type CallbackResult} from './loopback-receiver.js';
import {parsePastedCallback, staleAddressError} from './pasted-callback.js';
import {
  alreadyHandledPage,
  failedSignInPage,
  signedInPage,
  staleCallbackPage,
} from './sign-in-pages.js';
import {exchangeAuthorizationCode} from './token-exchange.js';
import {signInCancelledError, waitForOutcome} from './wait-for-outcome.js';

/** A started browser sign-in whose loopback receiver is already listening. */
export type SignInSession = {
  authorizationUrl: string;
  /** The redirect URI sent to Halo, with the bound port when the configured one was 0. */
  redirectUri: string;
  /**
   * Resolves with tokens after one callback with the expected state and a successful code
   * exchange. Rejects with HaloWizardError on an error callback, an exchange failure,
   * timeout (`sign-in-timed-out`) or abort (`sign-in-cancelled`). A timeout during the code
   * exchange waits for the exchange, which its own time limit ends.
   */
  waitForTokens(options: {signal?: AbortSignal; timeoutMs: number}): Promise<TokenSet>;
  /** Completes the sign-in from the address the browser ended on, with the same checks. */
  completeFromPastedUrl(address: string): Promise<TokenSet>;
  /** Frees the port and ends a pending wait with `sign-in-cancelled`; idempotent. */
  close(): Promise<void>;
};

/**
 * Binds the loopback receiver first, so a busy port fails before any browser opens, then
 * draws state and PKCE verifier and builds the authorisation URL.
 */
export async function startSignIn(input: {
  settings: ConnectionSettings;
  environment: Environment;
  /** Time limit of the code exchange. @default tokenRequestTimeoutMs */
  tokenRequestTimeoutMs?: number;
}): Promise<SignInSession> {
  const {settings, environment, tokenRequestTimeoutMs} = input;
  const server = createAuthorizationServer(settings, environment);
  const outcome = createOutcome();

  let request: AuthorizationRequest | null = null;
  let isSettled = false;
  let isExchanging = false;

  const handleCallback = async (parameters: URLSearchParams): Promise<CallbackResult> => {
    if (request === null || !isCallbackForAttempt(parameters, request.state)) {
      return {page: staleCallbackPage, isFinal: false};
    }

    if (isSettled) {
      return {page: alreadyHandledPage, isFinal: false};
    }

    isSettled = true;
    isExchanging = true;

    try {
      const callback = validateCallback({server, parameters, state: request.state});
      const tokens = await exchangeAuthorizationCode({
        server: callback.server,
        callbackParameters: callback.parameters,
        redirectUri: receiver.redirectUri,
        codeVerifier: request.codeVerifier,
        environment,
        ...(tokenRequestTimeoutMs === undefined ? {} : {timeoutMs: tokenRequestTimeoutMs}),
      });
      outcome.resolve(tokens);
      return {page: signedInPage, isFinal: true};
    } catch (error) {
      const failure = toHaloWizardError(error);
      outcome.reject(failure);
      return {page: failedSignInPage(failure), isFinal: true};
    } finally {
      isExchanging = false;
    }
  };

  const receiver = await startLoopbackReceiver({
    redirectUri: settings.redirectUri,
    onCallback: handleCallback,
  });

  try {
    request = await createAuthorizationRequest({
      server,
      redirectUri: receiver.redirectUri,
      scope: settings.scope.trim() === '' ? defaultScope : settings.scope,
    });
  } catch (error) {
    await receiver.close();
    throw error;
  }

  const {state} = request;

  const close = async (): Promise<void> => {
    if (!isSettled) {
      isSettled = true;
      outcome.reject(signInCancelledError());
    }

    await receiver.close();
  };

  return {
    authorizationUrl: request.authorizationUrl,
    redirectUri: receiver.redirectUri,
    waitForTokens: async (options) => {
      try {
        return await waitForOutcome(outcome.promise, options);
      } catch (error) {
        // The callback has arrived, so the exchange decides the outcome and its own time
        // limit ends it. A "no sign-in response" timeout would wrongly blame the redirect URL.
        const isTimedOut = error instanceof HaloWizardError && error.code === 'sign-in-timed-out';
        if (isExchanging && isTimedOut) {
          return outcome.promise;
        }

        throw error;
      }
    },
    completeFromPastedUrl: async (address) => {
      const parameters = parsePastedCallback(address);

      if (!isCallbackForAttempt(parameters, state)) {
        throw staleAddressError();
      }

      if (!isSettled) {
        await handleCallback(parameters);
        await receiver.close();
      }

      return outcome.promise;
    },
    close,
  };
}

type Outcome = {
  promise: Promise<TokenSet>;
  resolve: (tokens: TokenSet) => void;
  reject: (error: HaloWizardError) => void;
};

// Promise.withResolvers needs Node 22; the wizard supports Node 20.
function createOutcome(): Outcome {
  let resolve!: Outcome['resolve'];
  let reject!: Outcome['reject'];
  const promise = new Promise<TokenSet>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });

  // A failure may come before anyone waits; a later waiter still receives it.
  promise.catch(() => undefined);
  return {promise, resolve, reject};
}

function toHaloWizardError(error: unknown): HaloWizardError {
  if (error instanceof HaloWizardError) {
    return error;
  }

  return new HaloWizardError('sign-in-failed', 'The sign-in failed unexpectedly.', {
    kind: 'unexpected',
    nextStep: 'Start the sign-in again.',
    cause: error,
  });
}
