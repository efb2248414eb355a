// Scope names Halo documents. `edit:` implies `read:` for the same area, and sites come under
// `customers`. A name outside this list fails with `invalid_scope`, as Halo does for names
// such as `read:users` that clients sometimes guess.
const areas = new Set([
  'tickets', 'calendar', 'customers', 'crm', 'timesheets', 'contracts', 'suppliers', 'items',
  'projects', 'sales', 'quotes', 'sos', 'pos', 'invoices', 'reporting', 'software',
  'softwarelicensing', 'kb', 'assets',
]);

const fixedNames = new Set([
  'all',
  'all:standard',
  'all:teams',
  'admin',
  'editMine:timesheets',
  'access:chat',
  'access:adpasswordreset',
  'offline_access',
  'openid',
]);

// Granted whatever the Permissions tab contains, because they are protocol scopes, not rights.
const protocolScopes = new Set(['offline_access', 'openid']);

/** Splits a space-separated scope string into names, dropping empty entries. */
export function splitScope(scope: string): string[] {
  return scope.split(' ').filter((name) => name !== '');
}

/** Returns whether the scope name is one Halo documents. */
export function isKnownScope(name: string): boolean {
  if (fixedNames.has(name)) {
    return true;
  }

  const match = /^(read|edit):(.+)$/.exec(name);
  return match?.[2] !== undefined && areas.has(match[2]);
}

/**
 * Returns the requested scopes that the application's Permissions tab allows. Halo's handling
 * of a ticked-off scope is not known. The emulator drops it silently, so the granted `scope`
 * is narrower than requested and the API returns 403 later.
 */
export function grantableScopes(requested: string[], permissions: string[]): string[] {
  return requested.filter((name) => isCoveredBy(name, permissions));
}

/** Returns whether a granted scope string allows listing end users (`GET /api/Users`). */
export function allowsUserListing(scope: string): boolean {
  const granted = splitScope(scope);
  return ['all', 'all:standard', 'read:customers', 'edit:customers'].some((name) =>
    granted.includes(name),
  );
}

function isCoveredBy(name: string, permissions: string[]): boolean {
  if (protocolScopes.has(name) || permissions.includes(name) || permissions.includes('all')) {
    return true;
  }

  if (permissions.includes('all:standard') && name !== 'all' && name !== 'admin') {
    return true;
  }

  return name.startsWith('read:') && permissions.includes(`edit:${name.slice('read:'.length)}`);
}
