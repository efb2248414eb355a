import type {HaloClient, SeedData} from './halo-records.js';
import {seedAgents} from './seed-agents.js';
import {seedUsers} from './seed-users.js';

/** Password of every seeded agent on the emulator's sign-in page. */
export const demoPassword = 'harbourline-demo';

/** Sign-in name of the admin agent the demo signs in as. */
export const demoUsername = 'maren.okafor';

/** Id of the admin agent behind the demo credentials. */
export const demoAgentId = 3;

/** The customers; Harbourline IT is the MSP that runs the Halo instance. */
export const seedClients: HaloClient[] = [
  {
    id: 9,
    name: 'Harbourline IT',
    domain: 'harbourline-it.test',
    sites: [
      {id: 5, name: 'Bristol', timezone: 'GMT Standard Time'},
      {id: 6, name: 'Plymouth', timezone: 'GMT Standard Time'},
    ],
  },
  {
    id: 14,
    name: 'Meadowbank Vets',
    domain: 'meadowbank-vets.test',
    sites: [
      {id: 22, name: 'Head Office', timezone: 'GMT Standard Time'},
      {id: 23, name: 'Riverside Clinic', timezone: 'GMT Standard Time'},
    ],
  },
  {
    id: 17,
    name: 'Ashgrove Dental',
    domain: 'ashgrove-dental.test',
    sites: [{id: 30, name: 'Main Surgery', timezone: 'GMT Standard Time'}],
  },
  {
    id: 21,
    name: 'Kestrel Logistics',
    domain: 'kestrel-logistics.test',
    sites: [
      {id: 40, name: 'Head Office', timezone: 'GMT Standard Time'},
      {id: 41, name: 'Depot North', timezone: 'GMT Standard Time'},
      {id: 42, name: 'Depot South', timezone: 'GMT Standard Time'},
      {id: 43, name: 'Warehouse', timezone: 'GMT Standard Time'},
    ],
  },
  {
    id: 25,
    name: 'Nordlys Arkitekter',
    domain: 'nordlys-arkitekter.test',
    sites: [
      {id: 50, name: 'Oslo', timezone: 'W. Europe Standard Time'},
      {id: 51, name: 'Bergen', timezone: 'W. Europe Standard Time'},
    ],
  },
  {
    id: 28,
    name: 'Café Lumière',
    domain: 'cafe-lumiere.test',
    sites: [{id: 60, name: 'Lyon', timezone: 'Romance Standard Time'}],
  },
];

export type SeedOptions = {
  seed: number;
  agentCount: number;
  disabledAgentCount: number;
  userCount: number;
};

/** Builds the clients, agents and users; the same options always give the same records. */
export function createSeedData(options: SeedOptions): SeedData {
  if (options.userCount < 10 || options.userCount > 50_000) {
    throw new RangeError(`userCount must be 10 to 50000, got ${options.userCount}`);
  }

  const random = createRandom(options.seed);
  const {agents, logins} = seedAgents(seedClients, options, random);
  const users = seedUsers(seedClients, options.userCount, random);
  return {clients: seedClients, agents, users, logins};
}

/** A deterministic pseudo-random source returning numbers in [0, 1). */
export type RandomSource = () => number;

/** Returns a mulberry32 generator: small, fast and good enough for test data. */
export function createRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d_2b_79_f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Picks one element of a non-empty list. */
export function pick<T>(random: RandomSource, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) {
    throw new RangeError('pick needs a non-empty list');
  }

  return item;
}

/** Returns a date-time the way Halo writes it: ISO 8601 without a zone. */
export function haloDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19);
}

/** Returns "first.last" in plain ASCII for mail addresses and sign-in names. */
export function toMailbox(firstname: string, surname: string): string {
  const ascii = `${firstname}.${surname}`.normalize('NFD').replace(/[^A-Za-z.-]/g, '');
  return ascii.toLowerCase();
}
