import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {startHaloEmulator, type HaloEmulator} from '../../source/emulator/halo-emulator.js';
import {getApi, postToken, signIn} from './emulator-fixtures.js';

let emulator: HaloEmulator;

beforeEach(async () => {
  emulator = await startHaloEmulator({userCount: 20});
});

afterEach(async () => {
  await emulator.close();
});

async function refresh(refreshToken: string): Promise<Awaited<ReturnType<typeof postToken>>> {
  return postToken(emulator, {
    grant_type: 'refresh_token',
    client_id: emulator.application.clientId,
    refresh_token: refreshToken,
  });
}

describe('refresh tokens', () => {
  it('rotates the refresh token on each use', async () => {
    const tokens = await signIn(emulator);
    const first = await refresh(tokens.refresh_token ?? '');
    expect(first.status).toBe(200);
    expect(typeof first.body.refresh_token).toBe('string');
    expect(first.body.refresh_token).not.toBe(tokens.refresh_token);
    expect(first.body.access_token).not.toBe(tokens.access_token);
    expect(first.body.expires_in).toBe(3600);

    const second = await refresh(String(first.body.refresh_token));
    expect(second.status).toBe(200);
  });

  it('revokes the family when a spent token is replayed', async () => {
    const tokens = await signIn(emulator);
    const rotated = await refresh(tokens.refresh_token ?? '');

    const replay = await refresh(tokens.refresh_token ?? '');
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe('invalid_grant');

    const successor = await refresh(String(rotated.body.refresh_token));
    expect(successor.status).toBe(400);
    expect(successor.body.error).toBe('invalid_grant');

    const api = await getApi(emulator, '/api/Agent/me', String(rotated.body.access_token));
    expect(api.status).toBe(401);
  });

  it('issues a refresh token only with offline_access', async () => {
    const withoutOffline = await signIn(emulator, {scope: 'all'});
    expect(withoutOffline.refresh_token).toBeUndefined();

    emulator.options.refreshWithoutOffline = true;
    const flipped = await signIn(emulator, {scope: 'all'});
    expect(typeof flipped.refresh_token).toBe('string');
  });

  it('keeps the old refresh token when rotation is omitted', async () => {
    emulator.options.omitRotatedRefresh = true;
    const tokens = await signIn(emulator);
    const first = await refresh(tokens.refresh_token ?? '');
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).toBeUndefined();

    const again = await refresh(tokens.refresh_token ?? '');
    expect(again.status).toBe(200);
  });

  it('rejects a refresh token after a client id rotation', async () => {
    const tokens = await signIn(emulator);
    emulator.rotateClientId();
    const result = await refresh(tokens.refresh_token ?? '');
    expect(result.status).toBe(400);
    expect(result.body.error).toBe('invalid_grant');
  });

  it('refuses to widen the scope on refresh', async () => {
    const tokens = await signIn(emulator, {scope: 'read:tickets offline_access'});
    const result = await postToken(emulator, {
      grant_type: 'refresh_token',
      client_id: emulator.application.clientId,
      refresh_token: tokens.refresh_token ?? '',
      scope: 'all',
    });
    expect(result.status).toBe(400);
    expect(result.body.error).toBe('invalid_scope');
  });

  it('lets access tokens expire with the clock', async () => {
    emulator.options.tokenTtlS = 5;
    const tokens = await signIn(emulator);
    expect((await getApi(emulator, '/api/Agent/me', tokens.access_token)).status).toBe(200);

    emulator.advanceClock(5_000);
    expect((await getApi(emulator, '/api/Agent/me', tokens.access_token)).status).toBe(401);
    expect((await refresh(tokens.refresh_token ?? '')).status).toBe(200);
  });

  it('issues opaque access tokens when asked', async () => {
    emulator.options.tokenFormat = 'opaque';
    const tokens = await signIn(emulator);
    expect(tokens.access_token.split('.')).toHaveLength(1);
    expect((await getApi(emulator, '/api/Agent/me', tokens.access_token)).status).toBe(200);
  });
});
