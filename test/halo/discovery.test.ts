import {afterEach, describe, expect, it} from 'vitest';
import {discoverAuthServer} from '../../source/halo/discovery.js';
import type {Environment} from '../../source/halo/types.js';
import {sendHtml, sendJson, startLocalServer, type LocalServer} from './local-server.js';

const environment: Environment = {fetch: globalThis.fetch, now: Date.now, env: {}};

let server: LocalServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('discoverAuthServer', () => {
  it('reads auth_url and tenant_id from authinfo', async () => {
    server = await startLocalServer((_request, response) => {
      sendJson(response, 200, {auth_url: 'http://127.0.0.1:9/auth', tenant_id: 'acme'});
    });

    const found = await discoverAuthServer(server.url, environment);

    expect(found.baseUri).toBe('http://127.0.0.1:9/auth');
    expect(found.tenant).toBe('acme');
    expect(found.source).toBe('authinfo');
    expect(server.requests.map((request) => request.url)).toEqual(['/api/authinfo']);
  });

  it('strips a trailing slash from auth_url', async () => {
    server = await startLocalServer((_request, response) => {
      sendJson(response, 200, {auth_url: 'http://127.0.0.1:9/auth/', tenant_id: ''});
    });

    const found = await discoverAuthServer(`${server.url}/`, environment);

    expect(found.baseUri).toBe('http://127.0.0.1:9/auth');
    expect(found.tenant).toBeNull();
    expect(server.requests[0]?.url).toBe('/api/authinfo');
  });

  it('falls back on a 404 html page', async () => {
    server = await startLocalServer((_request, response) => {
      sendHtml(response, 404, '<html><title>Not Found</title></html>');
    });

    const found = await discoverAuthServer(server.url, environment);

    expect(found).toMatchObject({baseUri: `${server.url}/auth`, tenant: null, source: 'fallback'});
    expect(found.detail).toContain('HTTP 404');
  });

  it('falls back on bad json', async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(200, {'content-type': 'application/json'});
      response.end('{"auth_url": "http://127.0.0.1:9/au');
    });

    const found = await discoverAuthServer(server.url, environment);

    expect(found.source).toBe('fallback');
    expect(found.baseUri).toBe(`${server.url}/auth`);
  });

  it('falls back on a non-json content type', async () => {
    server = await startLocalServer((_request, response) => {
      sendHtml(response, 200, JSON.stringify({auth_url: 'http://127.0.0.1:9/elsewhere'}));
    });

    const found = await discoverAuthServer(server.url, environment);

    expect(found.source).toBe('fallback');
    expect(found.detail).toContain('text/html');
  });

  it('falls back when auth_url is missing or plain http', async () => {
    const bodies = [{tenant_id: 'acme'}, {auth_url: 'http://auth.example.com/auth'}];
    let index = 0;
    server = await startLocalServer((_request, response) => {
      sendJson(response, 200, bodies[index++]);
    });

    const missing = await discoverAuthServer(server.url, environment);
    const insecure = await discoverAuthServer(server.url, environment);

    expect(missing.source).toBe('fallback');
    expect(missing.detail).toContain('auth_url is missing');
    expect(insecure.source).toBe('fallback');
    expect(insecure.detail).toContain('plain HTTP');
  });

  it('falls back after the timeout', async () => {
    server = await startLocalServer(() => {
      // Never answers.
    });

    const found = await discoverAuthServer(server.url, environment, {timeoutMs: 100});

    expect(found.source).toBe('fallback');
    expect(found.detail).toContain('timeout');
  });

  it('rejects when the caller aborts', async () => {
    server = await startLocalServer(() => {
      // Never answers.
    });
    const controller = new AbortController();

    const discovery = discoverAuthServer(server.url, environment, {signal: controller.signal});
    await expect.poll(() => server?.requests.length).toBe(1);
    controller.abort(new Error('cancelled by test'));

    await expect(discovery).rejects.toThrow('cancelled by test');
  });
});
