import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {TokenSet} from '../../source/halo/types.js';
import {openConfigStore, type ConfigStore} from '../../source/store/config-store.js';
import {
  refreshStoredTokens,
  settleRejectedRefresh,
  tokenLockPath,
} from '../../source/store/shared-refresh.js';
import {sampleSettings} from './profile-fixtures.js';

const hour = 3_600_000;
let directory: string;

beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'halo-wizard-refresh-'));
});

afterEach(() => {
  fs.rmSync(directory, {recursive: true, force: true});
});

/** Opens a store of its own over the shared directory, as a second process would. */
function openStore(): ConfigStore {
  return openConfigStore({env: {HALO_WIZARD_CONFIG_DIR: directory}, now: Date.now});
}

function tokenSet(name: string, expiresAt: number): TokenSet {
  return {accessToken: `access-${name}`, refreshToken: `refresh-${name}`, expiresAt, scope: null};
}

function saveProfile(store: ConfigStore, tokens: TokenSet | null): void {
  store.saveProfile('default', {
    settings: sampleSettings(),
    tokens,
    agent: null,
    savedAt: new Date().toISOString(),
  });
}

/** Creates a token endpoint stand-in that records exchanges and rotates the refresh token. */
function createExchange() {
  const used: string[] = [];
  return {
    used,
    async refresh(refreshToken: string): Promise<TokenSet> {
      used.push(refreshToken);
      return tokenSet(`after-${refreshToken}`, Date.now() + hour);
    },
  };
}

function refreshInput(
  store: ConfigStore,
  refreshToken: string,
  exchange: ReturnType<typeof createExchange>,
) {
  return {
    store,
    profileName: 'default',
    refreshToken,
    now: Date.now,
    marginMs: 60_000,
    refresh: exchange.refresh,
    onSignedOut: () => new Error('signed out'),
  };
}

describe('refreshStoredTokens', () => {
  it('saves the new tokens before returning them', async () => {
    const store = openStore();
    saveProfile(store, tokenSet('one', Date.now() - 1));
    const exchange = createExchange();

    const tokens = await refreshStoredTokens(refreshInput(store, 'refresh-one', exchange));

    expect(exchange.used).toEqual(['refresh-one']);
    expect(openStore().getProfile('default')?.tokens).toEqual(tokens);
    expect(fs.existsSync(tokenLockPath(store))).toBe(false);
  });

  it('uses fresh tokens another process rotated without a request', async () => {
    const store = openStore();
    const rotated = tokenSet('two', Date.now() + hour);
    saveProfile(store, rotated);
    const exchange = createExchange();

    const tokens = await refreshStoredTokens(refreshInput(openStore(), 'refresh-one', exchange));

    expect(tokens).toEqual(rotated);
    expect(exchange.used).toEqual([]);
  });

  it('refreshes with the stored token when the rotated one expired too', async () => {
    const store = openStore();
    saveProfile(store, tokenSet('two', Date.now() + 30_000));
    const exchange = createExchange();

    await refreshStoredTokens(refreshInput(store, 'refresh-one', exchange));

    expect(exchange.used).toEqual(['refresh-two']);
  });

  it('refreshes once for two stores racing', async () => {
    saveProfile(openStore(), tokenSet('one', Date.now() - 1));
    const exchange = createExchange();

    const results = await Promise.all([
      refreshStoredTokens(refreshInput(openStore(), 'refresh-one', exchange)),
      refreshStoredTokens(refreshInput(openStore(), 'refresh-one', exchange)),
    ]);

    expect(exchange.used).toEqual(['refresh-one']);
    expect(results[0]).toEqual(results[1]);
  });

  it('reports a profile whose tokens were cleared', async () => {
    const store = openStore();
    saveProfile(store, null);
    const exchange = createExchange();

    await expect(
      refreshStoredTokens(refreshInput(store, 'refresh-one', exchange)),
    ).rejects.toThrow('signed out');
    expect(exchange.used).toEqual([]);
  });
});

describe('settleRejectedRefresh', () => {
  it('clears tokens whose refresh token was rejected', () => {
    const store = openStore();
    saveProfile(store, tokenSet('one', Date.now() - 1));

    const result = settleRejectedRefresh({
      store,
      profileName: 'default',
      rejectedRefreshToken: 'refresh-one',
    });

    expect(result).toBeNull();
    expect(openStore().getProfile('default')?.tokens).toBeNull();
    expect(openStore().getProfile('default')?.settings.workspace).toBe('acme');
  });

  it('keeps tokens another process rotated', () => {
    const rotated = tokenSet('two', Date.now() + hour);
    saveProfile(openStore(), rotated);

    const result = settleRejectedRefresh({
      store: openStore(),
      profileName: 'default',
      rejectedRefreshToken: 'refresh-one',
    });

    expect(result).toEqual(rotated);
    expect(openStore().getProfile('default')?.tokens).toEqual(rotated);
  });

  it('reports a profile already signed out', () => {
    const store = openStore();
    saveProfile(store, null);

    const result = settleRejectedRefresh({
      store,
      profileName: 'default',
      rejectedRefreshToken: 'refresh-one',
    });

    expect(result).toBeNull();
  });
});
