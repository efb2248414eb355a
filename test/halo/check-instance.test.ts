import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {checkInstance} from '../../source/halo/check-instance.js';
import type {Environment} from '../../source/halo/types.js';
import {sendHtml, startLocalServer, type LocalServer} from './local-server.js';

const environment: Environment = {fetch: globalThis.fetch, now: Date.now, env: {}};

// DNS failures are not emulated, so this fetch fails the way Node's does for an unknown host.
const unknownHostFetch: typeof globalThis.fetch = async () => {
  const cause = Object.assign(new Error('getaddrinfo ENOTFOUND nosuch.halopsa.com'), {
    code: 'ENOTFOUND',
  });
  throw new TypeError('fetch failed', {cause});
};

const untrustedCertificateFetch: typeof globalThis.fetch = async () => {
  const cause = Object.assign(new Error('self-signed certificate in certificate chain'), {
    code: 'SELF_SIGNED_CERT_IN_CHAIN',
  });
  throw new TypeError('fetch failed', {cause});
};

async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const {port} = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
  });
  return `http://127.0.0.1:${port}`;
}

let server: LocalServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('checkInstance', () => {
  it('counts any http response as an answer', async () => {
    server = await startLocalServer((_request, response) => {
      sendHtml(response, 503, '<p>maintenance</p>');
    });

    const result = await checkInstance(server.url, environment);

    expect(result.ok).toBe(true);
    expect(result.error).toBeNull();
    expect(result.detail).toContain('HTTP 503');
  });

  it('does not follow a redirect', async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(302, {location: '/login'}).end();
    });

    const result = await checkInstance(server.url, environment);

    expect(result.ok).toBe(true);
    expect(result.detail).toContain('HTTP 302');
    expect(server.requests).toHaveLength(1);
  });

  it('reports a refused connection', async () => {
    const url = await closedPortUrl();

    const result = await checkInstance(url, environment);

    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('connection-refused');
    expect(result.error?.field).toBe('workspace');
    expect(result.detail).toContain(new URL(url).host);
    expect(result.error?.nextStep).toBeTruthy();
  });

  it('names a port that fetch refuses to use', async () => {
    const result = await checkInstance('http://127.0.0.1:6000', environment);

    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('port-blocked');
    expect(result.error?.field).toBe('workspace');
  });

  it('reports an unknown host', async () => {
    const result = await checkInstance('https://nosuch.halopsa.com', {
      ...environment,
      fetch: unknownHostFetch,
    });

    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('host-not-found');
    expect(result.error?.kind).toBe('rejected');
    expect(result.detail).toBe('No such host: nosuch.halopsa.com.');
  });

  it('suggests NODE_EXTRA_CA_CERTS for an untrusted certificate', async () => {
    const result = await checkInstance(
      'https://halo.internal.test',
      {...environment, fetch: untrustedCertificateFetch},
      {field: 'baseUri'},
    );

    expect(result.error?.code).toBe('tls-failed');
    expect(result.error?.field).toBe('baseUri');
    expect(result.error?.nextStep).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('reports a timeout', async () => {
    server = await startLocalServer(() => {
      // Never answers.
    });

    const result = await checkInstance(server.url, environment, {timeoutMs: 100});

    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('request-timed-out');
  });
});
