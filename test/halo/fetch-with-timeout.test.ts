import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {fetchWithTimeout} from '../../source/halo/network.js';

let server: Server;
let url: string;

beforeEach(async () => {
  // Accepts every request and never responds, as a hung proxy would.
  server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('fetchWithTimeout', () => {
  it('times out while the caller signal stays open', async () => {
    const caller = new AbortController();

    const failure = await fetchWithTimeout(fetch, url, {}, {timeoutMs: 200, signal: caller.signal})
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(DOMException);
    expect((failure as DOMException).name).toBe('TimeoutError');
  });

  it('passes on the caller abort reason', async () => {
    const caller = new AbortController();
    const reason = new Error('stopped by the caller');
    setTimeout(() => caller.abort(reason), 50);

    const failure = await fetchWithTimeout(fetch, url, {}, {timeoutMs: 5000, signal: caller.signal})
      .catch((error: unknown) => error);

    expect(failure).toBe(reason);
  });

  it('rejects at once for an aborted caller signal', async () => {
    const reason = new Error('already stopped');

    const failure = await fetchWithTimeout(fetch, url, {}, {
      timeoutMs: 5000,
      signal: AbortSignal.abort(reason),
    }).catch((error: unknown) => error);

    expect(failure).toBe(reason);
  });
});
