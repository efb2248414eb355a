import {afterEach, describe, expect, it} from 'vitest';
import {startHaloEmulator, type HaloEmulator} from '../../source/emulator/halo-emulator.js';
import {getApi, signIn} from './emulator-fixtures.js';

type UserJson = {
  id: number;
  name: string | null;
  inactive: boolean;
  client_id: number;
  site_id: number | null;
};
type UsersEnvelope = {
  page_no?: number;
  page_size?: number;
  record_count: number;
  users: UserJson[];
};

let emulator: HaloEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(userCount: number): Promise<{emulator: HaloEmulator; accessToken: string}> {
  emulator = await startHaloEmulator({userCount});
  const accessToken = (await signIn(emulator)).access_token;
  return {emulator, accessToken};
}

async function listUsers(
  target: HaloEmulator,
  accessToken: string,
  query: string,
): Promise<UsersEnvelope> {
  const response = await getApi(target, `/api/Users${query}`, accessToken);
  expect(response.status).toBe(200);
  return JSON.parse(response.text) as UsersEnvelope;
}

describe('user listing', () => {
  it('pages 250 users in three pages of 100', async () => {
    const {emulator: target, accessToken} = await start(250);
    const all = '&includeinactive=true&includeactive=true';
    const pages = await Promise.all([1, 2, 3, 4].map(async (page) =>
      listUsers(target, accessToken, `?pageinate=true&page_size=100&page_no=${page}${all}`)));
    expect(pages.map((page) => page.users.length)).toEqual([100, 100, 50, 0]);
    expect(pages.every((page) => page.record_count === 250)).toBe(true);
    expect(pages[1]?.page_no).toBe(2);

    const ids = new Set(pages.flatMap((page) => page.users.map((user) => user.id)));
    expect(ids.size).toBe(250);
  });

  it('caps a page at 100 when 500 are requested', async () => {
    const {emulator: target, accessToken} = await start(250);
    const page = await listUsers(
      target,
      accessToken,
      '?pageinate=true&page_size=500&page_no=1&includeinactive=true',
    );
    expect(page.users).toHaveLength(100);
    expect(page.record_count).toBe(250);
  });

  it('returns 50 users without pageinate', async () => {
    const {emulator: target, accessToken} = await start(250);
    const listing = await listUsers(target, accessToken, '?page_size=100&page_no=2');
    expect(listing.users).toHaveLength(50);
    expect(listing.page_no).toBeUndefined();
    expect(listing.users[0]?.id).toBe(201);
  });

  it('sizes an unpaged list with count', async () => {
    const {emulator: target, accessToken} = await start(250);
    const listing = await listUsers(target, accessToken, '?count=120');
    expect(listing.users).toHaveLength(120);
  });

  it('lists inactive users only when asked', async () => {
    const {emulator: target, accessToken} = await start(250);
    const inactiveTotal = target.data.users.filter((user) => user.inactive).length;
    expect(inactiveTotal).toBeGreaterThan(10);

    const active = await listUsers(target, accessToken, '?pageinate=true&page_size=100');
    expect(active.record_count).toBe(250 - inactiveTotal);

    const both = await listUsers(
      target,
      accessToken,
      '?pageinate=true&page_size=100&includeinactive=true',
    );
    expect(both.record_count).toBe(250);

    const onlyInactive = await listUsers(
      target,
      accessToken,
      '?pageinate=true&page_size=100&activeinactive=false,true',
    );
    expect(onlyInactive.record_count).toBe(inactiveTotal);
  });

  it('writes site_id as a float in the raw body', async () => {
    const {emulator: target, accessToken} = await start(20);
    const response = await getApi(target, '/api/Users?client_id=14&count=5', accessToken);
    expect(response.text).toContain('"site_id":22.0');
    expect(response.text).toContain('"site_id_int":22,');
  });

  it('leaves full-record fields out of list items', async () => {
    const {emulator: target, accessToken} = await start(20);
    const list = await getApi(target, '/api/Users?count=1', accessToken);
    expect(list.text).not.toContain('datecreated');

    const single = await getApi(target, '/api/Users/201', accessToken);
    expect(single.text).toContain('datecreated');
    expect(single.text).toContain('"site_id":5.0');
  });

  it('shows a restricted agent only its clients users', async () => {
    const {emulator: target} = await start(250);
    const restricted = (await signIn(target, {agentId: 8})).access_token;
    const listing = await listUsers(target, restricted, '?count=500&includeinactive=true');
    const clientIds = new Set(listing.users.map((user) => user.client_id));
    expect([...clientIds].sort()).toEqual([14, 17]);

    const outside = target.data.users.find((user) => user.client_id === 9);
    expect((await getApi(target, `/api/Users/${outside?.id ?? 0}`, restricted)).status).toBe(404);
  });

  it('answers 403 without a customers scope', async () => {
    const {emulator: target} = await start(20);
    const narrow = (await signIn(target, {scope: 'read:tickets offline_access'})).access_token;
    const response = await getApi(target, '/api/Users', narrow);
    expect(response.status).toBe(403);
    expect((await getApi(target, '/api/Agent', narrow)).status).toBe(200);
  });

  it('answers 403 when the permissions tab lacks customers', async () => {
    emulator = await startHaloEmulator({userCount: 20, appScopes: ['read:tickets']});
    const tokens = await signIn(emulator);
    expect(tokens.scope).toBe('offline_access');
    expect((await getApi(emulator, '/api/Users', tokens.access_token)).status).toBe(403);
  });

  it('moves later pages when users drift', async () => {
    const {emulator: target, accessToken} = await start(250);
    target.options.driftPerPage = 5;
    const query = '?pageinate=true&page_size=100&includeinactive=true&page_no=';
    const first = await listUsers(target, accessToken, `${query}1`);
    const second = await listUsers(target, accessToken, `${query}2`);
    expect(second.record_count).toBe(255);
    const firstIds = new Set(first.users.map((user) => user.id));
    expect(second.users.filter((user) => firstIds.has(user.id))).toHaveLength(5);
  });

  it('seeds 50000 users and serves a page quickly', async () => {
    const started = performance.now();
    const {emulator: target, accessToken} = await start(50_000);
    const seededMs = performance.now() - started;
    expect(target.data.users).toHaveLength(50_000);

    const pageStarted = performance.now();
    const page = await listUsers(
      target,
      accessToken,
      '?pageinate=true&page_size=100&page_no=400&includeinactive=true',
    );
    const pageMs = performance.now() - pageStarted;
    expect(page.users).toHaveLength(100);
    expect(page.record_count).toBe(50_000);
    // Generous bounds for a slow CI machine; the point is no quadratic work per request.
    expect(seededMs).toBeLessThan(5_000);
    expect(pageMs).toBeLessThan(1_000);
  });
});

describe('user seed', () => {
  it('is the same for the same seed', async () => {
    const first = await startHaloEmulator({userCount: 300});
    const second = await startHaloEmulator({userCount: 300});
    try {
      expect(second.data.users).toEqual(first.data.users);
      expect(second.data.agents).toEqual(first.data.agents);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('contains the fixed records', async () => {
    const {emulator: target} = await start(10);
    const users = target.data.users;
    expect(users).toHaveLength(10);
    expect(users.filter((user) => user.name === 'General User')).toHaveLength(6);
    expect(users.find((user) => user.linked_agent_id === 3)?.emailaddress).toBe('maren.okafor@harbourline-it.test');
    expect(users.filter((user) => user.name === 'Sam Taylor').map((user) => user.client_id)).toEqual([
      14,
      21,
    ]);
    expect(users.some((user) => user.site_id === null && user.isserviceaccount)).toBe(true);
  });
});
