import {HaloWizardError} from '../errors.js';
import {readInteger, readLine, type HaloRecord} from './halo-record.js';

export {toAccounts} from './to-accounts.js';
export type {HaloRecord} from './halo-record.js';

/** Sends an authorized GET relative to the instance URL and returns the parsed JSON. */
export type GetJson = (path: string) => Promise<unknown>;

/** The signed-in agent, name safe to draw. */
export type CurrentAgent = {id: number; name: string};

/** Progress of a user listing after each page. */
export type UsersPage = {
  /** 1-based number of the page just received. */
  page: number;
  /** Pages expected in all, from `record_count` and the size of the pages received. */
  pagesEstimated: number;
  /** Distinct users received so far. */
  received: number;
  /** `record_count` as the latest page gave it. */
  total: number;
};

const agentsPath = 'api/Agent?includedisabled=true';

// "pageinate" is Halo's spelling; without it page_size and page_no are silently ignored.
const usersPath = (page: number) =>
  `api/Users?pageinate=true&page_size=100&page_no=${page}&includeinactive=true&includeactive=true`;

/** Reads the signed-in agent from `GET /api/Agent/me`, bare or wrapped in `{agents: [...]}`. */
export async function fetchCurrentAgent(getJson: GetJson): Promise<CurrentAgent> {
  const body = await getJson('api/Agent/me');
  const record = isRecord(body) && Array.isArray(body['agents']) ? body['agents'][0] : body;
  const id = isRecord(record) ? readInteger(record['id']) : null;
  if (!isRecord(record) || id === null) {
    throw invalidBody('GET /api/Agent/me', 'an agent with an id');
  }

  return {id, name: readLine(record['name']) ?? `Agent ${id}`};
}

/** Lists every agent, disabled ones included: Halo sends a bare array, some versions `{agents}`. */
export async function fetchAgents(getJson: GetJson): Promise<HaloRecord[]> {
  const body = await getJson(agentsPath);
  const list = Array.isArray(body) ? body : isRecord(body) ? body['agents'] : undefined;
  if (!Array.isArray(list)) {
    throw invalidBody('GET /api/Agent', 'a list of agents');
  }

  return distinctById(list, new Map()).records;
}

/**
 * Lists every end user page by page. Halo caps pages (100 today) whatever `page_size`
 * requests, so the loop follows what arrives: it stops when the distinct users reach
 * `record_count`, or a page is empty or brings nothing new.
 */
export async function fetchUsers(
  getJson: GetJson,
  onPage?: (page: UsersPage) => void,
): Promise<HaloRecord[]> {
  const byId = new Map<number, HaloRecord>();
  let firstPageSize = 0;

  for (let page = 1; ; page += 1) {
    const body = await getJson(usersPath(page));
    const users = isRecord(body) ? body['users'] : undefined;
    if (!isRecord(body) || !Array.isArray(users)) {
      throw invalidBody('GET /api/Users', 'an object with a "users" list');
    }

    const {added} = distinctById(users, byId);
    const countField = readInteger(body['record_count']);
    const total = countField ?? byId.size;
    firstPageSize ||= users.length;
    const pagesEstimated = Math.max(page, Math.ceil(total / Math.max(firstPageSize, 1)));
    onPage?.({page, pagesEstimated, received: byId.size, total});

    if (users.length === 0 || added === 0 || byId.size >= total) {
      return [...byId.values()];
    }
  }
}

// Adds records with a usable id to `byId`, keeping the first of each id.
function distinctById(
  list: unknown[],
  byId: Map<number, HaloRecord>,
): {records: HaloRecord[]; added: number} {
  let added = 0;
  for (const item of list) {
    const id = isRecord(item) ? readInteger(item['id']) : null;
    if (!isRecord(item) || id === null || byId.has(id)) {
      continue;
    }

    byId.set(id, {...item, id});
    added += 1;
  }

  return {records: [...byId.values()], added};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalidBody(request: string, expected: string): HaloWizardError {
  return new HaloWizardError('response-invalid', `${request} did not return ${expected}.`, {
    kind: 'rejected',
    field: 'workspace',
    nextStep: 'Check that the instance URL is the address you open Halo at.',
  });
}
