import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {HaloWizardError} from '../../source/errors.js';
import {createHaloApi, type HaloApi} from '../../source/halo/halo-api.js';
import type {UsersPage} from '../../source/halo/accounts.js';
import {environment, settingsFor, tokensValidForAnHour} from './api-fixtures.js';
import {sendJson, startLocalServer, type LocalServer} from './local-server.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const openApiPath = path.resolve(repoRoot, '..', 'shared', 'halo-openapi', 'halo-api-subset.json');

let server: LocalServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function apiFor(url: string): HaloApi {
  return createHaloApi({
    settings: settingsFor(url),
    tokens: tokensValidForAnHour(),
    environment,
    refresh: async () => tokensValidForAnHour(),
    onTokens: async () => undefined,
  });
}

function usersWithIds(first: number, count: number): Array<{id: number; name: string}> {
  return Array.from({length: count}, (_, index) => ({
    id: first + index,
    name: `User ${first + index}`,
  }));
}

// Serves `total` users in pages of at most `cap`, whatever page_size requests, as Halo does.
async function startUsersServer(input: {
  total: number;
  cap: number;
  pageFor?: (page: number) => unknown[];
}): Promise<LocalServer> {
  return startLocalServer((request, response) => {
    const query = new URL(request.url ?? '', 'http://localhost').searchParams;
    const page = Number(query.get('page_no'));
    const users = input.pageFor?.(page) ?? usersWithIds((page - 1) * input.cap + 1, input.cap)
      .filter((user) => user.id <= input.total);
    sendJson(response, 200, {
      page_no: page,
      page_size: Number(query.get('page_size')),
      record_count: input.total,
      users,
    });
  });
}

describe('listUsers', () => {
  it('sends the paging and activity filters', async () => {
    server = await startUsersServer({total: 3, cap: 100});

    await apiFor(server.url).listUsers();

    const query = new URL(server.requests[0]?.url ?? '', 'http://localhost');
    expect(query.pathname).toBe('/api/Users');
    expect(Object.fromEntries(query.searchParams)).toEqual({
      pageinate: 'true',
      page_size: '100',
      page_no: '1',
      includeinactive: 'true',
      includeactive: 'true',
    });
  });

  it('pages until record_count with a cap of 100', async () => {
    server = await startUsersServer({total: 250, cap: 100});
    const pages: UsersPage[] = [];

    const users = await apiFor(server.url).listUsers((page) => pages.push(page));

    expect(users).toHaveLength(250);
    expect(server.requests).toHaveLength(3);
    expect(pages).toEqual([
      {page: 1, pagesEstimated: 3, received: 100, total: 250},
      {page: 2, pagesEstimated: 3, received: 200, total: 250},
      {page: 3, pagesEstimated: 3, received: 250, total: 250},
    ]);
  });

  it('follows pages smaller than requested', async () => {
    server = await startUsersServer({total: 120, cap: 50});
    const pages: UsersPage[] = [];

    const users = await apiFor(server.url).listUsers((page) => pages.push(page));

    expect(users.map((user) => user.id)).toEqual(usersWithIds(1, 120).map((user) => user.id));
    expect(server.requests).toHaveLength(3);
    expect(pages.map((page) => page.pagesEstimated)).toEqual([3, 3, 3]);
  });

  it('drops duplicates across pages', async () => {
    // Users added between requests shift page 2 back by three records.
    const pagesById: Record<number, unknown[]> = {
      1: usersWithIds(1, 10),
      2: usersWithIds(8, 10),
      3: usersWithIds(18, 3),
    };
    server = await startUsersServer({total: 20, cap: 10, pageFor: (page) => pagesById[page] ?? []});

    const users = await apiFor(server.url).listUsers();

    expect(users.map((user) => user.id)).toEqual(usersWithIds(1, 20).map((user) => user.id));
    expect(server.requests).toHaveLength(3);
  });

  it('stops at an empty page', async () => {
    server = await startUsersServer({
      total: 500,
      cap: 100,
      pageFor: (page) => (page <= 2 ? usersWithIds((page - 1) * 100 + 1, 100) : []),
    });

    const users = await apiFor(server.url).listUsers();

    expect(users).toHaveLength(200);
    expect(server.requests).toHaveLength(3);
  });

  it('stops when a page brings nothing new', async () => {
    server = await startUsersServer({total: 500, cap: 100, pageFor: () => usersWithIds(1, 100)});

    const users = await apiFor(server.url).listUsers();

    expect(users).toHaveLength(100);
    expect(server.requests).toHaveLength(2);
  });

  it('rejects a body without users', async () => {
    server = await startLocalServer((_request, response) => {
      sendJson(response, 200, [{id: 1}]);
    });

    await expect(apiFor(server.url).listUsers()).rejects.toMatchObject({
      code: 'response-invalid',
    });
  });
});

describe('listAgents', () => {
  it('reads a bare array', async () => {
    server = await startLocalServer((_request, response) => {
      sendJson(response, 200, [{id: 3, name: 'A'}, {id: 7.0, name: 'B'}, {name: 'no id'}]);
    });

    const agents = await apiFor(server.url).listAgents();

    expect(agents.map((agent) => agent.id)).toEqual([3, 7]);
    expect(server.requests[0]?.url).toBe('/api/Agent?includedisabled=true');
  });

  it('reads an agents envelope', async () => {
    server = await startLocalServer((_request, response) => {
      sendJson(response, 200, {agents: [{id: 3}, {id: 3}, {id: 4}]});
    });

    const agents = await apiFor(server.url).listAgents();

    expect(agents.map((agent) => agent.id)).toEqual([3, 4]);
  });

  it('rejects any other shape', async () => {
    server = await startLocalServer((_request, response) => {
      sendJson(response, 200, {record_count: 1});
    });

    const failure = await apiFor(server.url).listAgents().catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(HaloWizardError);
    expect((failure as HaloWizardError).code).toBe('response-invalid');
  });
});

describe('getCurrentAgent', () => {
  it('reads a wrapped agent and cleans its name', async () => {
    server = await startLocalServer((_request, response) => {
      sendJson(response, 200, {agents: [{id: 5.0, name: 'Ana\u001B[31m\nLima'}]});
    });

    expect(await apiFor(server.url).getCurrentAgent()).toEqual({id: 5, name: 'Ana Lima'});
  });

  it('rejects an agent without an id', async () => {
    server = await startLocalServer((_request, response) => {
      sendJson(response, 200, {name: 'Nobody'});
    });

    await expect(apiFor(server.url).getCurrentAgent()).rejects.toMatchObject({
      code: 'response-invalid',
    });
  });
});

describe('account queries', () => {
  it('use only parameters of the openapi export', async (context) => {
    if (!fs.existsSync(openApiPath)) {
      context.skip(`Halo's OpenAPI subset is missing at ${openApiPath}`);
      return;
    }

    const document = JSON.parse(fs.readFileSync(openApiPath, 'utf8')) as {
      paths: Record<string, {get: {parameters?: Array<{name: string}>}}>;
    };
    const parametersOf = (route: string) =>
      new Set((document.paths[route]?.get.parameters ?? []).map((parameter) => parameter.name));
    server = await startLocalServer((request, response) => {
      sendJson(response, 200, request.url?.startsWith('/api/Users') ? {users: []} : []);
    });
    const api = apiFor(server.url);

    await api.listAgents();
    await api.listUsers();

    const [agentQuery, usersQuery] = server.requests.map(
      (request) => new URL(request.url, 'http://localhost'),
    );
    const agentNames = [...(agentQuery?.searchParams.keys() ?? [])];
    const userNames = [...(usersQuery?.searchParams.keys() ?? [])];
    expect(agentNames.length).toBeGreaterThan(0);
    expect(agentNames.filter((name) => !parametersOf('/Agent').has(name))).toEqual([]);
    expect(userNames.length).toBeGreaterThan(0);
    expect(userNames.filter((name) => !parametersOf('/Users').has(name))).toEqual([]);
  });
});
