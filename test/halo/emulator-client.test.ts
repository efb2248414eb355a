import {afterEach, describe, expect, it} from 'vitest';
import {startHaloEmulator, type HaloEmulator} from '../../source/emulator/halo-emulator.js';
import {createHaloApi} from '../../source/halo/halo-api.js';
import {runStatusChecks} from '../../source/halo/status-checks.js';
import type {ConnectionSettings, Environment, TokenSet} from '../../source/halo/types.js';
import {postToken, signIn} from '../emulator/emulator-fixtures.js';

const environment: Environment = {fetch: globalThis.fetch, now: Date.now, env: {}};

let emulator: HaloEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

function settingsOf(running: HaloEmulator): ConnectionSettings {
  return {
    workspace: running.instanceUrl,
    instanceUrl: running.instanceUrl,
    baseUri: running.authUrl,
    tenant: null,
    clientId: running.application.clientId,
    redirectUri: running.application.redirectUris[0] ?? '',
    scope: 'all offline_access',
  };
}

async function signedInTokens(running: HaloEmulator): Promise<TokenSet> {
  const body = await signIn(running);
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? null,
    expiresAt: Date.now() + 3_600_000,
    scope: body.scope,
  };
}

// Uses the emulator's token endpoint directly, as the sign-in module does for real.
function refresherFor(running: HaloEmulator): (refreshToken: string) => Promise<TokenSet> {
  return async (refreshToken) => {
    const {status, body} = await postToken(running, {
      grant_type: 'refresh_token',
      client_id: running.application.clientId,
      refresh_token: refreshToken,
    });
    if (status !== 200) {
      throw new Error(`refresh failed with HTTP ${status}`);
    }

    return {
      accessToken: String(body['access_token']),
      refreshToken: typeof body['refresh_token'] === 'string' ? body['refresh_token'] : null,
      expiresAt: Date.now() + 3_600_000,
      scope: typeof body['scope'] === 'string' ? body['scope'] : null,
    };
  };
}

describe('halo client against the emulator', () => {
  it('passes every status check', async () => {
    emulator = await startHaloEmulator({userCount: 250});

    const result = await runStatusChecks({
      settings: settingsOf(emulator),
      tokens: await signedInTokens(emulator),
      environment,
      refresh: refresherFor(emulator),
      onTokens: async () => undefined,
      onUpdate: () => undefined,
    });

    expect(result.checks.filter((check) => check.state !== 'passed')).toEqual([]);
    expect(result.agent?.id).toBe(3);
    const users = result.accounts.filter((account) => account.type === 'user');
    expect(users.length).toBe(emulator.data.users.length);
  });

  it('refreshes after the emulator revokes tokens', async () => {
    emulator = await startHaloEmulator();
    const saved: TokenSet[] = [];
    const api = createHaloApi({
      settings: settingsOf(emulator),
      tokens: await signedInTokens(emulator),
      environment,
      refresh: refresherFor(emulator),
      onTokens: async (tokens) => {
        saved.push(tokens);
      },
    });
    await api.listAgents();

    emulator.revokeAccessTokens();
    const agents = await Promise.all([api.listAgents(), api.getCurrentAgent()]);

    expect(agents[0].length).toBeGreaterThan(0);
    expect(saved).toHaveLength(1);
  });

  it('waits out the emulator rate limit', async () => {
    emulator = await startHaloEmulator({
      userCount: 450,
      rateLimit: {limit: 2, windowS: 60, retryAfter: 'seconds'},
    });
    const running = emulator;
    const waits: number[] = [];
    const api = createHaloApi({
      settings: settingsOf(running),
      tokens: await signedInTokens(running),
      environment,
      refresh: refresherFor(running),
      onTokens: async () => undefined,
      // Moving the emulator's clock replaces waiting in real time.
      sleep: async (ms) => {
        waits.push(ms);
        running.advanceClock(ms);
      },
    });

    const users = await api.listUsers();

    expect(users.length).toBe(running.data.users.length);
    expect(waits.length).toBeGreaterThan(0);
  });
});
