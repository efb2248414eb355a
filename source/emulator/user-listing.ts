import type {HaloAgent, HaloUser} from './halo-records.js';
import {isTrue, toInteger} from './http-helpers.js';
import {fixedUserCount} from './seed-users.js';

/** A `GET /api/Users` response body before serialisation; paging fields only when paged. */
export type UserListing = {
  page_no?: number;
  page_size?: number;
  record_count: number;
  users: HaloUser[] | Array<{id: number}>;
};

export type UserListingLimits = {pageCap: number; defaultCap: number};

/**
 * Lists users as `GET /api/Users` does. Paging needs `pageinate=true`. Each page is silently
 * capped at `pageCap` while `record_count` stays the full total.
 * NOTE: `page_size` echoes the request, because Halo's echo of a capped size is not known.
 * Unpaged lists return `count` users, or `defaultCap` without it. An agent restricted to some
 * clients gets only their users.
 */
export function listUsers(
  users: HaloUser[],
  query: Map<string, string>,
  viewer: HaloAgent,
  limits: UserListingLimits,
): UserListing {
  const matches = users.filter(createUserFilter(query, viewer));
  if (query.get('order')?.toLowerCase() === 'name') {
    matches.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
  }

  if (isTrue(query.get('pageinate')) && !isTrue(query.get('idonly'))) {
    const pageSize = Math.max(1, toInteger(query.get('page_size'), limits.defaultCap));
    const pageNo = Math.max(1, toInteger(query.get('page_no'), 1));
    const served = Math.min(pageSize, limits.pageCap);
    const start = (pageNo - 1) * served;
    return {
      page_no: pageNo,
      page_size: pageSize,
      record_count: matches.length,
      users: matches.slice(start, start + served),
    };
  }

  const count = Math.max(0, toInteger(query.get('count'), limits.defaultCap));
  const page = matches.slice(0, count);
  const listed = isTrue(query.get('idonly')) ? page.map((user) => ({id: user.id})) : page;
  return {record_count: matches.length, users: listed};
}

/** Returns whether the viewer's client restrictions let it see the user. */
export function canSeeUser(viewer: HaloAgent, user: HaloUser): boolean {
  const restrictions = viewer.clients;
  return (
    restrictions.length === 0 ||
    restrictions.some((restriction) => restriction.client_id === user.client_id)
  );
}

/**
 * Adds (positive `drift`) or removes (negative) users just after the fixed records, so every
 * later page shifts. A client paging by number then receives duplicates or misses users.
 */
export function applyDrift(users: HaloUser[], drift: number): void {
  if (drift < 0) {
    users.splice(fixedUserCount, -drift);
    return;
  }

  // Copies of the last user: the listing only needs new ids and names to shift the pages.
  const template = users[users.length - 1];
  if (template === undefined) {
    return;
  }

  let nextId = users.reduce((max, user) => Math.max(max, user.id), 0) + 1;
  const added: HaloUser[] = [];
  for (let index = 0; index < drift; index++) {
    const id = nextId++;
    const surname = `Starter ${id}`;
    added.push({...template, id, name: `New ${surname}`, firstname: 'New', surname});
  }

  users.splice(fixedUserCount, 0, ...added);
}

function createUserFilter(
  query: Map<string,
  string>,
  viewer: HaloAgent,
): (user: HaloUser) => boolean {
  let includeActive = query.get('includeactive')?.toLowerCase() !== 'false';
  let includeInactive = isTrue(query.get('includeinactive'));
  const activeInactive = query.get('activeinactive')?.split(',');
  if (activeInactive !== undefined) {
    includeActive = isTrue(activeInactive[0]);
    includeInactive = isTrue(activeInactive[1]);
  }

  const includeServiceAccounts = query.get('includeserviceaccount')?.toLowerCase() !== 'false';
  const includeOthers = query.get('includenonserviceaccount')?.toLowerCase() !== 'false';
  const excludeAgents = isTrue(query.get('exclude_agents'));
  const excludeGeneralUser = isTrue(query.get('exclude_generaluser'));
  const clientId = toInteger(query.get('client_id'), -1);
  const siteId = toInteger(query.get('site_id'), -1);
  const search = query.get('search')?.toLowerCase() ?? '';
  return (user) =>
    canSeeUser(viewer, user) &&
    (user.inactive ? includeInactive : includeActive) &&
    (user.isserviceaccount ? includeServiceAccounts : includeOthers) &&
    !(excludeAgents && user.linked_agent_id > 0) &&
    !(excludeGeneralUser && user.firstname === 'General' && user.surname === 'User') &&
    (clientId < 0 || user.client_id === clientId) &&
    (siteId < 0 || user.site_id_int === siteId) &&
    (search === '' || [
      user.name,
      user.emailaddress,
      user.login,
    ].some((field) => field?.toLowerCase().includes(search) === true));
}
