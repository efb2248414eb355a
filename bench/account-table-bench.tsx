// Times the account table and the user listing at 50,000 rows. Run with `npm run bench`,
// which compiles this file with esbuild; the numbers go into docs/benchmarks.md.
import net from 'node:net';
import os from 'node:os';
import {performance} from 'node:perf_hooks';
import {render} from 'ink-testing-library';
import {startSignIn} from '../source/auth/sign-in-session.js';
import {startHaloEmulator} from '../source/emulator/halo-emulator.js';
import {createHaloApi} from '../source/halo/halo-api.js';
import {toAccounts} from '../source/halo/to-accounts.js';
import type {Account} from '../source/halo/types.js';
import {AccountTable} from '../source/ui/account-table.js';

const rowCount = 50_000;
const environment = {fetch: globalThis.fetch, now: Date.now, env: {}};

function makeAccounts(count: number): Account[] {
  return Array.from({length: count}, (_, index) => ({
    type: index % 50 === 0 ? 'agent' : 'user',
    id: index + 1,
    name: `Person ${String(count - index).padStart(5, '0')} Ørsted-Nakamura`,
    email: `person${index + 1}@example.test`,
    organisation: index % 50 === 0 ? 'Service Desk' : 'Harbourline / Quay Street',
    active: index % 9 !== 0,
    lastLogin: index % 4 === 0 ? null : `2024-0${(index % 9) + 1}-1${index % 10}T08:00:00`,
  }));
}

// Ink draws a frame one macrotask after input, so each measured key waits for the frame.
async function nextFrame(): Promise<void> {
  await new Promise(resolve => setImmediate(resolve));
  await new Promise(resolve => setImmediate(resolve));
}

async function timeKeys(
  stdin: {write(data: string): void},
  key: string,
  count: number,
): Promise<number> {
  const start = performance.now();
  for (let index = 0; index < count; index += 1) {
    stdin.write(key);
    await nextFrame();
  }

  return (performance.now() - start) / count;
}

async function benchTable(): Promise<Record<string, number>> {
  const accounts = makeAccounts(rowCount);
  let start = performance.now();
  const table = render(<AccountTable accounts={accounts} width={120} height={40} />);
  await nextFrame();
  const firstFrameMs = performance.now() - start;

  const downMs = await timeKeys(table.stdin, '\u001B[B', 200);
  const pageDownMs = await timeKeys(table.stdin, '\u001B[6~', 100);
  const sortMs = await timeKeys(table.stdin, 's', 6);
  const hideInactiveMs = await timeKeys(table.stdin, 'i', 4);

  table.stdin.write('/');
  await nextFrame();
  start = performance.now();
  for (const letter of '0420') {
    table.stdin.write(letter);
    await nextFrame();
    await nextFrame();
  }

  const filterKeyMs = (performance.now() - start) / 4;
  table.unmount();
  return {firstFrameMs, downMs, pageDownMs, sortMs, hideInactiveMs, filterKeyMs};
}

async function findFreePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

async function benchListing(): Promise<Record<string, number>> {
  const redirectUri = `http://127.0.0.1:${await findFreePort()}/callback`;
  const emulator = await startHaloEmulator({
    userCount: rowCount,
    autoApprove: {agentId: 3},
    redirectUris: [redirectUri],
  });
  try {
    const settings = {
      workspace: emulator.instanceUrl,
      instanceUrl: emulator.instanceUrl,
      baseUri: emulator.authUrl,
      tenant: null,
      clientId: emulator.application.clientId,
      redirectUri,
      scope: 'all offline_access',
    };
    const session = await startSignIn({settings, environment});
    const waiting = session.waitForTokens({timeoutMs: 10_000});
    await fetch(session.authorizationUrl);
    const tokens = await waiting;
    await session.close();

    const api = createHaloApi({
      settings,
      tokens,
      environment,
      refresh: async () => tokens,
      onTokens: async () => undefined,
    });
    const start = performance.now();
    const users = await api.listUsers();
    const listMs = performance.now() - start;
    const mapStart = performance.now();
    const accounts = toAccounts([], users);
    const mapMs = performance.now() - mapStart;
    if (accounts.length !== rowCount) {
      throw new Error(`Listed ${accounts.length} users, expected ${rowCount}.`);
    }

    return {listMs, mapMs, pages: Math.ceil(rowCount / 100)};
  } finally {
    await emulator.close();
  }
}

const cpus = os.cpus();
console.log(`Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
const table = await benchTable();
const listing = await benchListing();
const format = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(`Account table, ${rowCount.toLocaleString('en-US')} rows, 120×40:`);
console.log(`  first frame          ${format(table.firstFrameMs!)}`);
console.log(`  Down (per key)       ${format(table.downMs!)}`);
console.log(`  PgDn (per key)       ${format(table.pageDownMs!)}`);
console.log(`  s, sort (per key)    ${format(table.sortMs!)}`);
console.log(`  i, hide (per key)    ${format(table.hideInactiveMs!)}`);
console.log(`  filter (per letter)  ${format(table.filterKeyMs!)}`);
console.log(`Listing ${rowCount.toLocaleString('en-US')} users from the emulator:`);
console.log(`  ${listing.pages} pages          ${format(listing.listMs!)}`);
console.log(`  toAccounts           ${format(listing.mapMs!)}`);
