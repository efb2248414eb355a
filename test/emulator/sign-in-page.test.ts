import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {startHaloEmulator, type HaloEmulator} from '../../source/emulator/halo-emulator.js';
import {signInWithEmulatorPage} from '../helpers/emulator-browser.js';
import {authorizeUrl, createPkce, postToken} from './emulator-fixtures.js';

let emulator: HaloEmulator;
let callbackServer: Server;
let callbacks: URL[];
let redirectUri: string;

// A stand-in for the wizard's loopback listener: it records each callback URL.
beforeEach(async () => {
  callbacks = [];
  callbackServer = createServer((request, response) => {
    callbacks.push(new URL(request.url ?? '/', 'http://127.0.0.1'));
    response.writeHead(200, {'content-type': 'text/plain'});
    response.end('signed in');
  });
  await new Promise<void>((resolve) => {
    callbackServer.listen(0, '127.0.0.1', resolve);
  });
  redirectUri = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/callback`;
  emulator = await startHaloEmulator({userCount: 10, redirectUris: [redirectUri]});
});

afterEach(async () => {
  await emulator.close();
  callbackServer.closeAllConnections();
  await new Promise((resolve) => {
    callbackServer.close(resolve);
  });
});

describe('sign-in page', () => {
  it('signs the demo agent in and reaches the callback', async () => {
    const pkce = createPkce();
    const url = authorizeUrl(emulator, {code_challenge: pkce.challenge, state: 'round-trip'});
    const result = await signInWithEmulatorPage(url.href, emulator.demoCredentials);

    expect(result.loginPageStatus).toBe(302);
    expect(result.callbackStatus).toBe(200);
    expect(result.callbackBody).toBe('signed in');
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]?.searchParams.get('state')).toBe('round-trip');

    const tokens = await postToken(emulator, {
      grant_type: 'authorization_code',
      client_id: emulator.application.clientId,
      code: callbacks[0]?.searchParams.get('code') ?? '',
      redirect_uri: redirectUri,
      code_verifier: pkce.verifier,
    });
    expect(tokens.status).toBe(200);
  });

  it('shows the page with the product, application and demo credentials', async () => {
    const response = await fetch(authorizeUrl(emulator));
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('HaloPSA');
    expect(html).toContain('halo-wizard');
    expect(html).toContain(emulator.demoCredentials.username);
    expect(html).toContain(emulator.demoCredentials.password);
    expect(html).toContain('name="action" value="approve"');
    expect(html).toContain('name="action" value="cancel"');
  });

  it('sets a restrictive content security policy', async () => {
    const response = await fetch(authorizeUrl(emulator));
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`form-action 'self' ${new URL(redirectUri).origin}`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
  });

  it('escapes the state in hidden inputs', async () => {
    const response = await fetch(authorizeUrl(emulator, {state: '"><script>alert(1)</script>'}));
    const html = await response.text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('shows the page again for a wrong password', async () => {
    const result = await signInWithEmulatorPage(authorizeUrl(emulator).href, {
      username: emulator.demoCredentials.username,
      password: 'wrong',
    });
    expect(result.loginPageStatus).toBe(200);
    expect(result.redirectedTo).toBeNull();
    expect(result.loginPageBody).toContain('The username or password is incorrect.');
    expect(callbacks).toHaveLength(0);
  });

  it('refuses a disabled agent', async () => {
    const login = emulator.data.logins.find((candidate) => candidate.agentId === 7);
    const result = await signInWithEmulatorPage(authorizeUrl(emulator).href, {
      username: login?.username ?? '',
      password: emulator.demoCredentials.password,
    });
    expect(result.loginPageStatus).toBe(200);
    expect(result.loginPageBody).toContain('This account is disabled.');
    expect(callbacks).toHaveLength(0);
  });

  it('redirects access_denied on cancel', async () => {
    const result = await signInWithEmulatorPage(
      authorizeUrl(emulator).href,
      {...emulator.demoCredentials, action: 'cancel'},
    );
    expect(result.callbackStatus).toBe(200);
    expect(callbacks[0]?.searchParams.get('error')).toBe('access_denied');
    expect(callbacks[0]?.searchParams.get('state')).toBe('state-1');
    expect(callbacks[0]?.searchParams.has('code')).toBe(false);
  });

  it('redirects access_denied when agent logins are off', async () => {
    emulator.application.allowAgents = false;
    await signInWithEmulatorPage(authorizeUrl(emulator).href, emulator.demoCredentials);
    expect(callbacks[0]?.searchParams.get('error')).toBe('access_denied');
  });

  it('reports an unregistered redirect without reaching the callback', async () => {
    const url = authorizeUrl(emulator, {redirect_uri: `${redirectUri}/`});
    const result = await signInWithEmulatorPage(url.href, emulator.demoCredentials);
    expect(result.loginPageStatus).toBe(400);
    expect(result.redirectedTo).toBeNull();
    expect(callbacks).toHaveLength(0);
  });
});
