import {afterEach, describe, expect, it} from 'vitest';
import {HaloWizardError} from '../../source/errors.js';
import {createHaloApi, type HaloApiInput} from '../../source/halo/halo-api.js';
import type {TokenSet} from '../../source/halo/types.js';
import {
  environment,
  fixedNow,
  recordingSleep,
  settingsFor,
  tokensValidForAnHour,
} from './api-fixtures.js';
import {sendHtml, sendJson, startLocalServer, type LocalServer} from './local-server.js';

const refreshedTokens: TokenSet = {
  accessToken: 'access-2',
  refreshToken: 'refresh-2',
  expiresAt: fixedNow + 3_600_000,
  scope: 'all offline_access',
};

let server: LocalServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function apiInput(url: string, overrides: Partial<HaloApiInput> = {}): HaloApiInput {
  return {
    settings: settingsFor(url),
    tokens: tokensValidForAnHour(),
    environment,
    refresh: async () => refreshedTokens,
    onTokens: async () => undefined,
    sleep: recordingSleep().sleep,
    ...overrides,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<HaloWizardError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HaloWizardError) {
      return error;
    }

    throw error;
  }

  throw new Error('expected the request to fail');
}

describe('createHaloApi', () => {
  it('sends the bearer token', async () => {
    server = await startLocalServer((_request, response) => {
      sendJson(response, 200, {id: 3, name: 'Maren Okafor'});
    });

    const agent = await createHaloApi(apiInput(server.url)).getCurrentAgent();

    expect(agent).toEqual({id: 3, name: 'Maren Okafor'});
    expect(server.requests[0]?.url).toBe('/api/Agent/me');
    expect(server.requests[0]?.authorization).toBe('Bearer access-1');
  });

  it('refreshes once for concurrent 401s', async () => {
    const events: string[] = [];
    let rejectedCount = 0;
    let releaseRefresh: () => void = () => undefined;
    const allRejected = new Promise<void>((resolve) => {
      releaseRefresh = resolve;
    });

    server = await startLocalServer((request, response) => {
      events.push(`request ${request.headers.authorization}`);
      if (request.headers.authorization === 'Bearer access-1') {
        rejectedCount += 1;
        if (rejectedCount === 3) {
          releaseRefresh();
        }

        response.writeHead(401, {'www-authenticate': 'Bearer'}).end();
        return;
      }

      sendJson(response, 200, request.url?.startsWith('/api/Agent/me') ? {id: 3} : []);
    });

    let refreshCalls = 0;
    const api = createHaloApi(
      apiInput(server.url, {
        async refresh(refreshToken) {
          refreshCalls += 1;
          events.push(`refresh ${refreshToken}`);
          // Holding the refresh until all three 401s arrived makes the race certain.
          await allRejected;
          return refreshedTokens;
        },
        async onTokens(tokens) {
          await new Promise((resolve) => setImmediate(resolve));
          events.push(`saved ${tokens.accessToken}`);
        },
      }),
    );

    const results = await Promise.all([api.getCurrentAgent(), api.listAgents(), api.listAgents()]);

    expect(results[0]).toEqual({id: 3, name: 'Agent 3'});
    expect(refreshCalls).toBe(1);
    expect(api.tokens().accessToken).toBe('access-2');
    const saved = events.indexOf('saved access-2');
    const firstRetry = events.indexOf('request Bearer access-2');
    expect(saved).toBeGreaterThan(-1);
    expect(saved).toBeLessThan(firstRetry);
    expect(events.filter((event) => event === 'request Bearer access-2')).toHaveLength(3);
  });

  it('refreshes first when the token expires within a minute', async () => {
    server = await startLocalServer((_request, response) => {
      sendJson(response, 200, []);
    });
    const saved: TokenSet[] = [];
    const api = createHaloApi(
      apiInput(server.url, {
        tokens: tokensValidForAnHour({expiresAt: fixedNow + 30_000}),
        refresh: async () => ({...refreshedTokens, refreshToken: null}),
        onTokens: async (tokens) => {
          saved.push(tokens);
        },
      }),
    );

    await api.listAgents();

    expect(server.requests.map((request) => request.authorization)).toEqual(['Bearer access-2']);
    expect(saved).toHaveLength(1);
    // Halo may omit a new refresh token; the old one then stays in use.
    expect(saved[0]?.refreshToken).toBe('refresh-1');
    expect(api.tokens().refreshToken).toBe('refresh-1');
  });

  it('reports a second 401 after refreshing', async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(401).end();
    });

    const failure = await failureOf(createHaloApi(apiInput(server.url)).listAgents());

    expect(failure.code).toBe('access-token-rejected');
    expect(failure.kind).toBe('sign-in');
    expect(server.requests).toHaveLength(2);
  });

  it('asks for a new sign-in when nothing can refresh', async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(401).end();
    });

    const rejected = await failureOf(
      createHaloApi(
        apiInput(server.url, {tokens: tokensValidForAnHour({refreshToken: null})}),
      ).listAgents(),
    );
    const expired = await failureOf(
      createHaloApi(
        apiInput(server.url, {
          tokens: tokensValidForAnHour({refreshToken: null, expiresAt: fixedNow - 1}),
        }),
      ).listAgents(),
    );

    expect(rejected.code).toBe('session-expired');
    expect(rejected.field).toBeNull();
    expect(rejected.nextStep).toContain('halo-wizard login');
    expect(expired.code).toBe('session-expired');
    expect(server.requests).toHaveLength(1);
  });

  it('passes a refresh failure on', async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(401).end();
    });
    const refreshFailure = new HaloWizardError('refresh-rejected', 'Sign-in lost.', {
      kind: 'sign-in',
    });

    const failure = await failureOf(
      createHaloApi(
        apiInput(server.url, {
          refresh: async () => {
            throw refreshFailure;
          },
        }),
      ).listAgents(),
    );

    expect(failure).toBe(refreshFailure);
  });

  it('explains a 403 without refreshing', async () => {
    server = await startLocalServer((_request, response) => {
      sendJson(response, 403, {Message: 'Access denied'});
    });
    let refreshCalls = 0;
    const api = createHaloApi(
      apiInput(server.url, {
        tokens: tokensValidForAnHour({scope: 'read:tickets'}),
        refresh: async () => {
          refreshCalls += 1;
          return refreshedTokens;
        },
      }),
    );

    const failure = await failureOf(api.listUsers());

    expect(failure.code).toBe('permission-denied');
    expect(failure.kind).toBe('rejected');
    expect(failure.message).toContain('GET /api/Users');
    expect(failure.message).toContain('Granted scopes: read:tickets');
    expect(failure.message).toContain('Access denied');
    expect(failure.nextStep).toContain('Permissions tab');
    expect(failure.nextStep).toContain('sign in as an agent');
    expect(refreshCalls).toBe(0);
  });

  it('points a 404 at the instance url', async () => {
    server = await startLocalServer((_request, response) => {
      sendHtml(response, 404, '<html><head><title>Page not found</title></head></html>');
    });

    const failure = await failureOf(createHaloApi(apiInput(server.url)).listAgents());

    expect(failure.code).toBe('api-not-found');
    expect(failure.field).toBe('workspace');
    expect(failure.message).toContain('Page not found');
  });

  it('waits retry-after seconds on 429', async () => {
    let calls = 0;
    server = await startLocalServer((_request, response) => {
      calls += 1;
      if (calls === 1) {
        response.writeHead(429, {'retry-after': '1'}).end();
        return;
      }

      sendJson(response, 200, []);
    });
    const {waits, sleep} = recordingSleep();
    const reported: number[] = [];

    await createHaloApi(
      apiInput(server.url, {sleep, onRetryWait: (wait) => reported.push(wait.delayMs)}),
    ).listAgents();

    expect(waits).toEqual([1000]);
    expect(reported).toEqual([1000]);
    expect(server.requests.map((request) => request.url)).toEqual([
      '/api/Agent?includedisabled=true',
      '/api/Agent?includedisabled=true',
    ]);
  });

  it('waits until a retry-after date', async () => {
    let calls = 0;
    server = await startLocalServer((_request, response) => {
      calls += 1;
      if (calls === 1) {
        const date = new Date(fixedNow + 7000).toUTCString();
        response.writeHead(429, {'retry-after': date}).end();
        return;
      }

      sendJson(response, 200, []);
    });
    const {waits, sleep} = recordingSleep();

    await createHaloApi(apiInput(server.url, {sleep})).listAgents();

    expect(waits).toEqual([7000]);
  });

  it('backs off and gives up on repeated 429', async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(429).end('slow down');
    });
    const {waits, sleep} = recordingSleep();

    const failure = await failureOf(createHaloApi(apiInput(server.url, {sleep})).listAgents());

    expect(waits).toEqual([5000, 10_000, 20_000, 40_000, 60_000, 60_000]);
    expect(failure.code).toBe('rate-limited');
    expect(failure.message).toContain('slow down');
    expect(server.requests).toHaveLength(7);
  });

  it('waits out a real short retry-after', async () => {
    let calls = 0;
    server = await startLocalServer((_request, response) => {
      calls += 1;
      if (calls === 1) {
        response.writeHead(429, {'retry-after': '0'}).end();
        return;
      }

      sendJson(response, 200, [{id: 1}]);
    });
    const input = apiInput(server.url);
    delete input.sleep;

    const agents = await createHaloApi(input).listAgents();

    expect(agents).toEqual([{id: 1}]);
  });

  it('retries a 5xx three times', async () => {
    let calls = 0;
    server = await startLocalServer((_request, response) => {
      calls += 1;
      if (calls <= 2) {
        sendHtml(response, 502, '<h1>Bad gateway</h1>');
        return;
      }

      sendJson(response, 200, []);
    });
    const {waits, sleep} = recordingSleep();

    await createHaloApi(apiInput(server.url, {sleep})).listAgents();

    expect(waits).toEqual([1000, 2000]);
    expect(server.requests).toHaveLength(3);
  });

  it('reports a 5xx that persists', async () => {
    server = await startLocalServer((_request, response) => {
      sendHtml(response, 500, '<html><body><h1>Server Error</h1><script>x()</script></body>');
    });
    const {waits, sleep} = recordingSleep();

    const failure = await failureOf(createHaloApi(apiInput(server.url, {sleep})).listAgents());

    expect(failure.code).toBe('server-error');
    expect(failure.message).toContain('HTTP 500');
    expect(failure.message).toContain('Server Error');
    expect(failure.message).not.toContain('x()');
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(server.requests).toHaveLength(4);
  });

  it('explains an html page instead of json', async () => {
    server = await startLocalServer((_request, response) => {
      sendHtml(response, 200, '<html><title>Sign in with SSO</title>{"id": 1}</html>');
    });

    const failure = await failureOf(createHaloApi(apiInput(server.url)).getCurrentAgent());

    expect(failure.code).toBe('response-not-json');
    expect(failure.message).toContain('an HTML page instead of JSON');
    expect(failure.message).toContain('Sign in with SSO');
    expect(failure.nextStep).toContain('proxy');
  });

  it('reports truncated json', async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(200, {'content-type': 'application/json'});
      response.end('[{"id": 1}, {"id"');
    });

    const failure = await failureOf(createHaloApi(apiInput(server.url)).listAgents());

    expect(failure.code).toBe('response-not-json');
    expect(failure.message).toContain('cannot be parsed');
  });

  it('reports a refused connection', async () => {
    server = await startLocalServer(() => undefined);
    const url = server.url;
    await server.close();
    server = undefined;

    const failure = await failureOf(createHaloApi(apiInput(url)).listAgents());

    expect(failure.code).toBe('connection-refused');
  });

  it('rejects with the reason when aborted', async () => {
    server = await startLocalServer(() => undefined);
    const controller = new AbortController();
    const listing = createHaloApi(apiInput(server.url, {signal: controller.signal})).listAgents();

    await expect.poll(() => server?.requests.length).toBe(1);
    controller.abort(new Error('stopped by test'));

    await expect(listing).rejects.toThrow('stopped by test');
  });
});
