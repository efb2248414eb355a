import type {Account} from './types.js';
import {readInteger, readLine, type HaloRecord} from './halo-record.js';

/**
 * Maps Halo's agent and end-user records to account rows, agents first, each list in the
 * order given. Names and other text are one drawable line; a record without an integer
 * `id` is left out.
 */
export function toAccounts(agents: HaloRecord[], users: HaloRecord[]): Account[] {
  const rows: Account[] = [];
  for (const agent of agents) {
    const row = agentToAccount(agent);
    if (row !== null) {
      rows.push(row);
    }
  }

  for (const user of users) {
    const row = userToAccount(user);
    if (row !== null) {
      rows.push(row);
    }
  }

  return rows;
}

function agentToAccount(agent: HaloRecord): Account | null {
  const id = readInteger(agent['id']);
  if (id === null) {
    return null;
  }

  return {
    type: 'agent',
    id,
    name: displayName(agent) ?? `Agent ${id}`,
    // Agents carry `email`; end users carry `emailaddress` instead.
    email: readLine(agent['email']),
    organisation: readLine(agent['team']),
    active: agent['isdisabled'] !== true,
    lastLogin: readLine(agent['lastlogindate']),
  };
}

function userToAccount(user: HaloRecord): Account | null {
  const id = readInteger(user['id']);
  if (id === null) {
    return null;
  }

  const place = [readLine(user['client_name']), readLine(user['site_name'])].filter(
    (part): part is string => part !== null,
  );

  return {
    type: 'user',
    id,
    name: displayName(user) ?? `User ${id}`,
    email: readLine(user['emailaddress']),
    organisation: place.length > 0 ? place.join(' / ') : null,
    active: user['inactive'] !== true,
    lastLogin: readLine(user['lastlogindate']),
  };
}

// `name` is Halo's display name; first name and surname stand in when it is blank.
function displayName(record: HaloRecord): string | null {
  const name = readLine(record['name']);
  if (name !== null) {
    return name;
  }

  const parts = [readLine(record['firstname']), readLine(record['surname'])];
  const joined = parts.filter((part): part is string => part !== null).join(' ');
  return joined === '' ? null : joined;
}
