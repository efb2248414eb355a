import type {IncomingHttpHeaders, ServerResponse} from 'node:http';
import {listAgents} from './agent-listing.js';
import {sendApiError} from './api-errors.js';
import type {EmulatorContext} from './emulator-context.js';
import type {EmulatorRoute} from './emulator-options.js';
import {fullUserOnlyFields, type HaloAgent, type HaloUser} from './halo-records.js';
import {withHostileAgentName, withHostileUserName} from './hostile-names.js';
import {sendEmpty, sendJsonText} from './http-helpers.js';
import {toJsonWithDoubles} from './json-writer.js';
import {allowsUserListing} from './scopes.js';
import {applyDrift, canSeeUser, listUsers} from './user-listing.js';

const doubleKeys = new Set(['site_id']);

/** The API route of a lower-cased path, with the id for `/{id}` routes. */
export type ApiRouteMatch = {route: EmulatorRoute; id: number | null} | null;

/** Matches a lower-cased `/api/...` path; Halo's routing ignores case. */
export function matchApiRoute(path: string): ApiRouteMatch {
  const trimmed = path.replace(/\/+$/, '');
  const fixed: Record<string, EmulatorRoute> = {
    '/api/authinfo': 'authinfo',
    '/api/agent': 'agents',
    '/api/agent/me': 'agent-me',
    '/api/users': 'users',
  };
  const route = fixed[trimmed];
  if (route !== undefined) {
    return {route, id: null};
  }

  const single = /^\/api\/(agent|users)\/(\d{1,9})$/.exec(trimmed);
  if (single?.[1] === undefined || single[2] === undefined) {
    return null;
  }

  return {route: single[1] === 'agent' ? 'agent' : 'user', id: Number.parseInt(single[2], 10)};
}

/** Handles `GET /api/authinfo`, which needs no token. */
export function handleAuthInfo(context: EmulatorContext, response: ServerResponse): void {
  if (context.options.authinfo === 'not-found') {
    const html = '<!doctype html><title>404 Not Found</title><h1>Not Found</h1>';
    response.writeHead(
      404,
      {'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html)},
    );
    response.end(html);
    return;
  }

  const slash = context.options.authinfo === 'no-trailing-slash' ? '' : '/';
  const tenant = context.options.sharedAuthHost?.tenant ?? context.options.tenantId;
  sendJsonText(
    response,
    200,
    JSON.stringify({auth_url: `${context.authUrl}${slash}`, tenant_id: tenant}),
  );
}

/**
 * Handles an authenticated API route. A missing, unknown, expired or revoked token gets 401
 * with an empty body and `WWW-Authenticate: Bearer`, as Halo's resource server sends.
 * Returns the JSON text sent, so the caller can apply the `malformedJson` fault first.
 */
export function handleApiRoute(
  context: EmulatorContext,
  match: NonNullable<ApiRouteMatch>,
  query: Map<string, string>,
  headers: IncomingHttpHeaders,
  response: ServerResponse,
): {status: number; body: string} | null {
  const token = /^bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
  const grant = token === undefined ? null : context.registry.findAccessToken(token);
  const viewer = context.data.agents.find((agent) => agent.id === grant?.agentId);
  if (grant === null || viewer === undefined) {
    sendEmpty(response, 401, {'www-authenticate': 'Bearer'});
    return null;
  }

  const {options} = context;
  const fail = (status: number, message: string): null => {
    sendApiError(response, status, message, options.errorShape);
    return null;
  };
  switch (match.route) {
    case 'agents': {
      const agents = listAgents(
        context.data.agents,
        query,
      ).map((agent) => presentAgent(context, agent));
      return {status: 200, body: JSON.stringify(agents)};
    }

    case 'agent-me': {
      return {status: 200, body: JSON.stringify(presentAgent(context, viewer))};
    }

    case 'agent': {
      const agent = context.data.agents.find((candidate) => candidate.id === match.id);
      if (agent === undefined) {
        return fail(404, `Agent ${match.id ?? ''} not found.`);
      }

      const record = presentAgent(context, agent);
      return {status: 200, body: JSON.stringify(options.wrapSingle ? {agents: [record]} : record)};
    }

    case 'users': {
      if (!allowsUserListing(grant.scope)) {
        return fail(
          403,
          'You do not have permission to view users. The read:customers scope is required.',
        );
      }

      const listing = listUsers(context.data.users, query, viewer, options);
      const users = listing.users.map((user) => 'client_id' in user ? presentUser(
        context,
        user,
        false,
      ) : user);
      if (listing.page_no !== undefined && options.driftPerPage !== 0) {
        applyDrift(context.data.users, options.driftPerPage);
      }

      return {status: 200, body: toJsonWithDoubles({...listing, users}, doubleKeys)};
    }

    case 'user': {
      if (!allowsUserListing(grant.scope)) {
        return fail(
          403,
          'You do not have permission to view users. The read:customers scope is required.',
        );
      }

      const user = context.data.users.find((candidate) => candidate.id === match.id);
      if (user === undefined || !canSeeUser(viewer, user)) {
        return fail(404, `User ${match.id ?? ''} not found.`);
      }

      const record = presentUser(context, user, true);
      return {status: 200, body: toJsonWithDoubles(
        options.wrapSingle ? {users: [record]} : record,
        doubleKeys,
      )};
    }

    case 'authinfo':
    case 'authorize':
    case 'token': {
      return fail(404, 'Not found.');
    }
  }
}

function presentAgent(context: EmulatorContext, agent: HaloAgent): HaloAgent {
  return withHostileAgentName(agent, context.options.hostileNames);
}

// List items follow Halo's shorter Users_List projection; `/api/Users/{id}` sends everything.
function presentUser(context: EmulatorContext, user: HaloUser, full: boolean): Partial<HaloUser> {
  const presented: Partial<HaloUser> = {...withHostileUserName(user, context.options.hostileNames)};
  if (!full) {
    for (const field of fullUserOnlyFields) {
      delete presented[field];
    }
  }

  return presented;
}
