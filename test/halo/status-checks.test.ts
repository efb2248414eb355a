import http from 'node:http';
import {afterEach, describe, expect, it} from 'vitest';
import {runStatusChecks, type StatusChecksInput} from '../../source/halo/status-checks.js';
import type {StatusCheck, TokenSet} from '../../source/halo/types.js';
import {settingsFor} from './api-fixtures.js';
import {sendJson, startLocalServer, type LocalServer} from './local-server.js';

const environment = {fetch: globalThis.fetch, now: Date.now, env: {}};

let server: LocalServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function freshTokens(): TokenSet {
  return {
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    expiresAt: Date.now() + 3_600_000,
    scope: 'all offline_access',
  };
}

// A tiny Halo: authinfo, the auth base, the signed-in agent, two agents, five users in pages of 2.
function haloRoutes(overrides: Record<string, (response: http.ServerResponse) => void> = {}) {
  return (request: http.IncomingMessage, response: http.ServerResponse) => {
    const url = new URL(request.url ?? '', 'http://localhost');
    const override = overrides[url.pathname];
    if (override !== undefined) {
      override(response);
      return;
    }

    if (url.pathname === '/api/authinfo') {
      sendJson(response, 200, {auth_url: `http://${request.headers.host}/auth/`, tenant_id: ''});
    } else if (url.pathname === '/api/Agent/me') {
      sendJson(response, 200, {id: 3, name: 'Maren Okafor'});
    } else if (url.pathname === '/api/Agent') {
      sendJson(response, 200, [{id: 3, name: 'Maren Okafor'}, {id: 7, isdisabled: true}]);
    } else if (url.pathname === '/api/Users') {
      const page = Number(url.searchParams.get('page_no'));
      const users = [1, 2, 3, 4, 5].slice((page - 1) * 2, page * 2);
      const records = users.map((id) => ({id, inactive: id === 5}));
      sendJson(response, 200, {record_count: 5, users: records});
    } else {
      response.writeHead(200, {'content-type': 'text/html'}).end('<p>Halo</p>');
    }
  };
}

function inputFor(url: string, updates: StatusCheck[][]): StatusChecksInput {
  return {
    settings: settingsFor(url),
    tokens: freshTokens(),
    environment,
    refresh: async () => freshTokens(),
    onTokens: async () => undefined,
    onUpdate: (checks) => updates.push(checks),
  };
}

function states(checks: StatusCheck[]): Record<string, string> {
  return Object.fromEntries(checks.map((check) => [check.id, check.state]));
}

describe('runStatusChecks', () => {
  it('passes every check against a working instance', async () => {
    server = await startLocalServer(haloRoutes());
    const updates: StatusCheck[][] = [];

    const result = await runStatusChecks(inputFor(server.url, updates));

    expect(result.ok).toBe(true);
    expect(result.checks.map((check) => check.id)).toEqual([
      'instance',
      'auth-server',
      'session',
      'agent',
      'agents',
      'users',
    ]);
    expect(result.checks.every((check) => check.durationMs !== null)).toBe(true);
    expect(result.checks[3]).toMatchObject({label: 'Signed in as', detail: 'Maren Okafor'});
    expect(result.checks[4]?.detail).toBe('2 agents, 1 disabled');
    expect(result.checks[5]?.detail).toBe('5 users, 1 inactive');
    expect(result.agent).toEqual({id: 3, name: 'Maren Okafor'});
    expect(result.accounts).toHaveLength(7);
    expect(updates[0]?.[0]?.state).toBe('running');
    expect(updates[0]?.[5]?.state).toBe('pending');
    const userDetails = updates.map((checks) => checks[5]?.detail);
    expect(userDetails).toContain('page 2 of 3');
  });

  it('skips the api checks without a sign-in', async () => {
    server = await startLocalServer(haloRoutes());

    const result = await runStatusChecks({...inputFor(server.url, []), tokens: null});

    expect(result.ok).toBe(false);
    expect(states(result.checks)).toEqual({
      instance: 'passed',
      'auth-server': 'passed',
      session: 'failed',
      agent: 'skipped',
      agents: 'skipped',
      users: 'skipped',
    });
    expect(result.checks[2]?.error?.code).toBe('not-signed-in');
    expect(result.checks[3]?.detail).toBe('needs "Session"');
    expect(server.requests.some((request) => request.url.startsWith('/api/Agent'))).toBe(false);
  });

  it('skips everything when the instance is unreachable', async () => {
    server = await startLocalServer(haloRoutes());
    const url = server.url;
    await server.close();
    server = undefined;

    const result = await runStatusChecks(inputFor(url, []));

    expect(result.checks[0]?.state).toBe('failed');
    expect(result.checks[0]?.error?.code).toBe('connection-refused');
    expect(result.checks.slice(1).every((check) => check.state === 'skipped')).toBe(true);
    expect(result.accounts).toEqual([]);
  });

  it('fails only the users check on a 403', async () => {
    server = await startLocalServer(
      haloRoutes({'/api/Users': (response) => sendJson(response, 403, {Message: 'Denied'})}),
    );

    const result = await runStatusChecks(inputFor(server.url, []));

    expect(result.ok).toBe(false);
    expect(states(result.checks)).toMatchObject({agents: 'passed', users: 'failed'});
    expect(result.checks[5]?.error?.code).toBe('permission-denied');
    expect(result.accounts).toHaveLength(2);
  });

  it('fails the auth server check when the base uri does not answer', async () => {
    server = await startLocalServer(haloRoutes());
    const input = inputFor(server.url, []);

    const result = await runStatusChecks({
      ...input,
      settings: {...input.settings, baseUri: 'http://127.0.0.1:1/auth'},
    });

    expect(result.checks[1]?.state).toBe('failed');
    expect(result.checks[1]?.error?.field).toBe('baseUri');
    expect(result.checks[2]?.state).toBe('passed');
  });

  it('marks the rest cancelled on abort', async () => {
    const controller = new AbortController();
    server = await startLocalServer(
      haloRoutes({
        '/api/Agent/me': () => {
          controller.abort(new Error('stopped by test'));
        },
      }),
    );

    const result = await runStatusChecks({...inputFor(server.url, []), signal: controller.signal});

    expect(states(result.checks)).toMatchObject({
      session: 'passed',
      agent: 'skipped',
      agents: 'skipped',
      users: 'skipped',
    });
    expect(result.checks[3]?.detail).toBe('cancelled');
  });
});
