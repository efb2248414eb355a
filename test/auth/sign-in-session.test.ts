import net from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {HaloWizardError} from '../../source/errors.js';
import {startSignIn, type SignInSession} from '../../source/auth/sign-in-session.js';
import {
  callbackUrl,
  createEnvironment,
  createSettings,
  stateOf,
  visit,
} from './auth-fixtures.js';

const sessions: SignInSession[] = [];
const blockers: net.Server[] = [];

afterEach(async () => {
  await Promise.all(sessions.splice(0).map(async (session) => session.close()));
  await Promise.all(
    blockers.splice(0).map(async (server) => new Promise((resolve) => server.close(resolve))),
  );
});

async function start(overrides: Parameters<typeof createSettings>[0] = {}) {
  const session = await startSignIn({
    settings: createSettings(overrides),
    environment: createEnvironment(),
  });
  sessions.push(session);
  return session;
}

async function occupyPort(): Promise<number> {
  const server = net.createServer();
  blockers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();

  if (typeof address !== 'object' || address === null) {
    throw new Error('The blocking listener has no port.');
  }

  return address.port;
}

async function isListening(url: string): Promise<boolean> {
  return visit(url).then(
    () => true,
    () => false,
  );
}

async function rejectionOf(promise: Promise<unknown>): Promise<HaloWizardError> {
  const error = await promise.then(
    () => {
      throw new Error('Expected a rejection.');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(HaloWizardError);
  return error as HaloWizardError;
}

describe('startSignIn', () => {
  it('reports the bound port in the redirect uri', async () => {
    const session = await start();
    const redirectUri = new URL(session.redirectUri);

    expect(redirectUri.hostname).toBe('127.0.0.1');
    expect(Number(redirectUri.port)).toBeGreaterThan(0);
    expect(new URL(session.authorizationUrl).searchParams.get('redirect_uri')).toBe(
      session.redirectUri,
    );
  });

  it('answers 404 off the callback path and keeps waiting', async () => {
    const session = await start();
    const failure = rejectionOf(session.waitForTokens({timeoutMs: 10_000}));
    const origin = new URL(session.redirectUri).origin;

    const favicon = await visit(`${origin}/favicon.ico`);
    const other = await visit(`${origin}/callback/extra?state=${stateOf(session.authorizationUrl)}`);
    const declined = await visit(
      callbackUrl(session.redirectUri, {
        error: 'access_denied',
        state: stateOf(session.authorizationUrl),
      }),
    );

    expect(favicon.status).toBe(404);
    expect(other.status).toBe(404);
    expect(declined.body).toContain('Sign-in failed');
    expect((await failure).code).toBe('sign-in-declined');
  });

  it('refuses a wrong or missing state and keeps waiting', async () => {
    const session = await start();
    const failure = rejectionOf(session.waitForTokens({timeoutMs: 10_000}));

    const wrong = await visit(callbackUrl(session.redirectUri, {code: 'abc', state: 'stale'}));
    const missing = await visit(callbackUrl(session.redirectUri, {code: 'abc'}));

    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain('out of date');
    expect(missing.status).toBe(400);
    expect(missing.body).toContain('out of date');

    await visit(
      callbackUrl(session.redirectUri, {
        error: 'access_denied',
        state: stateOf(session.authorizationUrl),
      }),
    );
    expect((await failure).code).toBe('sign-in-declined');
  });

  it('explains error callbacks with kind and field', async () => {
    const cases = [
      {error: 'access_denied', code: 'sign-in-declined', kind: 'sign-in', field: null},
      {
        error: 'unauthorized_client',
        code: 'wrong-authentication-method',
        kind: 'rejected',
        field: 'clientId',
      },
      {error: 'invalid_scope', code: 'scope-not-allowed', kind: 'rejected', field: null},
      {error: 'server_error', code: 'authorization-failed', kind: 'sign-in', field: null},
    ];

    for (const testCase of cases) {
      const session = await start();
      const failure = rejectionOf(session.waitForTokens({timeoutMs: 10_000}));
      const page = await visit(
        callbackUrl(session.redirectUri, {
          error: testCase.error,
          error_description: '<b>described</b>',
          state: stateOf(session.authorizationUrl),
        }),
      );
      const error = await failure;

      expect(error.code).toBe(testCase.code);
      expect(error.kind).toBe(testCase.kind);
      expect(error.field).toBe(testCase.field);
      expect(page.body).toContain('&lt;b&gt;described&lt;/b&gt;');
      expect(page.body).not.toContain('<b>described</b>');
    }
  });

  it('names the unauthorized_client fix in the next step', async () => {
    const session = await start();
    const failure = rejectionOf(session.waitForTokens({timeoutMs: 10_000}));
    await visit(
      callbackUrl(session.redirectUri, {
        error: 'unauthorized_client',
        state: stateOf(session.authorizationUrl),
      }),
    );

    expect((await failure).nextStep).toContain(
      'Authorisation Code (Native Application)',
    );
  });

  it('closes the listener after the first callback with the right state', async () => {
    const session = await start();
    const failure = rejectionOf(session.waitForTokens({timeoutMs: 10_000}));
    const state = stateOf(session.authorizationUrl);

    await visit(callbackUrl(session.redirectUri, {error: 'access_denied', state}));
    await failure;

    await expect.poll(async () => isListening(session.redirectUri)).toBe(false);
  });

  it('times out with sign-in-timed-out', async () => {
    const session = await start();
    const error = await rejectionOf(session.waitForTokens({timeoutMs: 50}));

    expect(error.code).toBe('sign-in-timed-out');
    expect(error.kind).toBe('sign-in');
  });

  it('ends the wait with sign-in-cancelled on abort', async () => {
    const session = await start();
    const controller = new AbortController();
    const failure = rejectionOf(
      session.waitForTokens({signal: controller.signal, timeoutMs: 10_000}),
    );

    controller.abort();

    const error = await failure;
    expect(error.code).toBe('sign-in-cancelled');
    expect(error.kind).toBe('sign-in');
  });

  it('ends a wait with an already aborted signal at once', async () => {
    const session = await start();
    const error = await rejectionOf(
      session.waitForTokens({signal: AbortSignal.abort(), timeoutMs: 10_000}),
    );

    expect(error.code).toBe('sign-in-cancelled');
  });

  it('ends a pending wait and frees the port on close', async () => {
    const session = await start();
    const failure = rejectionOf(session.waitForTokens({timeoutMs: 10_000}));

    await session.close();
    await session.close();

    expect((await failure).code).toBe('sign-in-cancelled');
    await expect.poll(async () => isListening(session.redirectUri)).toBe(false);
  });

  it('fails with port-in-use before building a url', async () => {
    const port = await occupyPort();
    const error = await rejectionOf(start({redirectUri: `http://127.0.0.1:${port}/callback`}));

    expect(error.code).toBe('port-in-use');
    expect(error.kind).toBe('usage');
    expect(error.field).toBe('redirectUri');
    expect(error.message).toContain(String(port));
    expect(error.nextStep).toContain('--redirect-uri');
    expect(error.nextStep).toContain('Login Redirect URL');
  });

  it('binds localhost redirect uris on 127.0.0.1', async () => {
    const session = await start({redirectUri: 'http://localhost:0/callback'});
    const port = new URL(session.redirectUri).port;
    const page = await visit(`http://127.0.0.1:${port}/favicon.ico`);

    expect(new URL(session.redirectUri).hostname).toBe('localhost');
    expect(page.status).toBe(404);
  });

  it('rejects a redirect uri on another host', async () => {
    const error = await rejectionOf(start({redirectUri: 'http://192.0.2.1:47135/callback'}));

    expect(error.code).toBe('redirect-uri-not-loopback');
    expect(error.kind).toBe('usage');
    expect(error.field).toBe('redirectUri');
  });
});

describe('startSignIn issuer check', () => {
  const baseUri = 'http://127.0.0.1:9/auth';

  it('accepts iss equal to the base uri', async () => {
    const session = await start({baseUri});
    const failure = rejectionOf(session.waitForTokens({timeoutMs: 10_000}));
    const state = stateOf(session.authorizationUrl);

    await visit(callbackUrl(session.redirectUri, {error: 'access_denied', state, iss: baseUri}));

    expect((await failure).code).toBe('sign-in-declined');
  });

  it('accepts iss with a trailing slash', async () => {
    const session = await start({baseUri});
    const failure = rejectionOf(session.waitForTokens({timeoutMs: 10_000}));
    const state = stateOf(session.authorizationUrl);

    await visit(
      callbackUrl(session.redirectUri, {error: 'access_denied', state, iss: `${baseUri}/`}),
    );

    expect((await failure).code).toBe('sign-in-declined');
  });

  it('rejects iss from another server', async () => {
    const session = await start({baseUri});
    const failure = rejectionOf(session.waitForTokens({timeoutMs: 10_000}));
    const state = stateOf(session.authorizationUrl);

    await visit(
      callbackUrl(session.redirectUri, {
        code: 'abc',
        state,
        iss: 'http://127.0.0.2:9/auth',
      }),
    );
    const error = await failure;

    expect(error.code).toBe('issuer-mismatch');
    expect(error.field).toBe('baseUri');
  });
});

describe('completeFromPastedUrl', () => {
  it('applies the state and error checks to a pasted address', async () => {
    const session = await start();
    const state = stateOf(session.authorizationUrl);

    const stale = await rejectionOf(
      session.completeFromPastedUrl(callbackUrl(session.redirectUri, {code: 'x', state: 'old'})),
    );
    const declined = await rejectionOf(
      session.completeFromPastedUrl(
        callbackUrl(session.redirectUri, {error: 'access_denied', state}),
      ),
    );

    expect(stale.code).toBe('state-mismatch');
    expect(declined.code).toBe('sign-in-declined');
  });

  it('rejects text that holds no sign-in response', async () => {
    const session = await start();

    const notUrl = await rejectionOf(session.completeFromPastedUrl('not an address'));
    const noCode = await rejectionOf(session.completeFromPastedUrl(session.redirectUri));

    expect(notUrl.code).toBe('pasted-address-invalid');
    expect(noCode.code).toBe('pasted-address-invalid');
  });

  it('settles a pending wait and closes the listener', async () => {
    const session = await start();
    const failure = rejectionOf(session.waitForTokens({timeoutMs: 10_000}));
    const state = stateOf(session.authorizationUrl);

    await rejectionOf(
      session.completeFromPastedUrl(
        callbackUrl(session.redirectUri, {error: 'access_denied', state}),
      ),
    );

    expect((await failure).code).toBe('sign-in-declined');
    await expect.poll(async () => isListening(session.redirectUri)).toBe(false);
  });
});
