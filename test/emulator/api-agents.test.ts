import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {startHaloEmulator, type HaloEmulator} from '../../source/emulator/halo-emulator.js';
import {getApi, signIn} from './emulator-fixtures.js';

type AgentJson = {
  id: number;
  name: string;
  isdisabled: boolean;
  isapiagent: boolean;
  email: string | null;
};

let emulator: HaloEmulator;
let accessToken: string;

beforeEach(async () => {
  emulator = await startHaloEmulator({userCount: 20});
  accessToken = (await signIn(emulator)).access_token;
});

afterEach(async () => {
  await emulator.close();
});

async function listAgents(query: string): Promise<AgentJson[]> {
  const response = await getApi(emulator, `/api/Agent${query}`, accessToken);
  expect(response.status).toBe(200);
  return JSON.parse(response.text) as AgentJson[];
}

describe('api authentication', () => {
  it('answers 401 with an empty body without a token', async () => {
    const response = await getApi(emulator, '/api/Agent', null);
    expect(response.status).toBe(401);
    expect(response.text).toBe('');
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('answers 401 for an unknown token', async () => {
    expect((await getApi(emulator, '/api/Agent', 'not-a-token')).status).toBe(401);
  });

  it('answers 401 after revokeAccessTokens', async () => {
    expect((await getApi(emulator, '/api/Agent/me', accessToken)).status).toBe(200);
    emulator.revokeAccessTokens();
    expect((await getApi(emulator, '/api/Agent/me', accessToken)).status).toBe(401);
  });

  it('matches paths and query names case-insensitively', async () => {
    const lower = await getApi(emulator, '/api/agent/ME', accessToken);
    expect(lower.status).toBe(200);
    expect((JSON.parse(lower.text) as AgentJson).id).toBe(3);

    const agents = await listAgents('?IncludeDisabled=TRUE');
    expect(agents.some((agent) => agent.isdisabled)).toBe(true);
  });

  it('serves authinfo without a token', async () => {
    const response = await getApi(emulator, '/api/authinfo', null);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({auth_url: `${emulator.authUrl}/`, tenant_id: 'harbourline'});
  });
});

describe('agent listing', () => {
  it('returns a bare array without hidden agents by default', async () => {
    const agents = await listAgents('');
    const ids = agents.map((agent) => agent.id);
    expect(ids).not.toContain(1);
    expect(ids).not.toContain(2);
    expect(agents.every((agent) => !agent.isdisabled)).toBe(true);
    expect(agents).toHaveLength(25 - 4);
  });

  it('shows each hidden kind only with its include flag', async () => {
    const disabled = await listAgents('?includedisabled=true');
    expect(disabled.filter((agent) => agent.isdisabled).map((agent) => agent.id)).toEqual([7, 12]);

    const unassigned = await listAgents('?includeunassigned=true');
    expect(unassigned.map((agent) => agent.id)).toContain(1);

    const api = await listAgents('?includeapiagents=true');
    expect(api.filter((agent) => agent.isapiagent).map((agent) => agent.id)).toEqual([2]);
  });

  it('hides enabled agents with includeenabled false', async () => {
    const agents = await listAgents('?includeenabled=false&includedisabled=true');
    expect(agents.map((agent) => agent.id)).toEqual([7, 12]);
  });

  it('seeds the requested number of disabled agents', async () => {
    await emulator.close();
    emulator = await startHaloEmulator({userCount: 10, agentCount: 30, disabledAgentCount: 10});
    accessToken = (await signIn(emulator)).access_token;
    const agents = await listAgents('?includedisabled=true&includeunassigned=true&includeapiagents=true');
    expect(agents).toHaveLength(30);
    expect(agents.filter((agent) => agent.isdisabled)).toHaveLength(10);
  });

  it('filters by search', async () => {
    const agents = await listAgents('?search=okafor');
    expect(agents.map((agent) => agent.id)).toEqual([3]);
  });

  it('seeds the special agents', async () => {
    const agents = emulator.data.agents;
    expect(agents.find((agent) => agent.id === 1)?.name).toBe('Unassigned');
    expect(agents.some((agent) => agent.email === null && agent.id !== 1)).toBe(true);
    expect(agents.some((agent) => agent.name?.length === 80)).toBe(true);
    expect(agents.some((agent) => /[^\u0000-\u024F\s]/.test(agent.name ?? ''))).toBe(true);
    expect(agents.filter((agent) => agent.clients.length === 2)).toHaveLength(1);
  });
});

describe('single agents', () => {
  it('returns the bare object for an id', async () => {
    const response = await getApi(emulator, '/api/Agent/7', accessToken);
    expect(response.status).toBe(200);
    expect((JSON.parse(response.text) as AgentJson).name).toBe('Joss Whitcombe');
  });

  it('wraps the object when wrapSingle is on', async () => {
    emulator.options.wrapSingle = true;
    const response = await getApi(emulator, '/api/Agent/7', accessToken);
    const body = JSON.parse(response.text) as {agents: AgentJson[]};
    expect(body.agents[0]?.id).toBe(7);
  });

  it('answers 404 for an unknown id', async () => {
    const response = await getApi(emulator, '/api/Agent/9999', accessToken);
    expect(response.status).toBe(404);
    expect(JSON.parse(response.text)).toEqual({Message: 'Agent 9999 not found.'});
  });

  it('uses the chosen error shape', async () => {
    emulator.options.errorShape = 'result-code';
    const response = await getApi(emulator, '/api/Agent/9999', accessToken);
    expect(JSON.parse(response.text)).toEqual({resultCode: 404, errorMessage: 'Agent 9999 not found.'});

    emulator.options.errorShape = 'empty';
    expect((await getApi(emulator, '/api/Agent/9999', accessToken)).text).toBe('');
  });

  it('returns the token agent from me', async () => {
    const other = (await signIn(emulator, {agentId: 8})).access_token;
    const response = await getApi(emulator, '/api/Agent/me', other);
    expect((JSON.parse(response.text) as AgentJson).id).toBe(8);
  });
});
