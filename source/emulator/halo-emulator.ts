import {randomUUID} from 'node:crypto';
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {handleApiRoute, handleAuthInfo, matchApiRoute} from './api-routes.js';
import {handleAuthorizeGet, handleAuthorizePost} from './authorize-route.js';
import type {EmulatorContext} from './emulator-context.js';
import {
  splitStartOptions,
  type EmulatorApplication,
  type EmulatorOptions,
  type EmulatorRoute,
  type EmulatorStartOptions,
} from './emulator-options.js';
import {FaultState} from './faults.js';
import type {SeedData} from './halo-records.js';
import {parseParameters, readBody, sendHtml, sendJson, sendJsonText} from './http-helpers.js';
import {renderApplicationPage} from './login-page.js';
import {createJwtSigner} from './jwt.js';
import {redactParameters, type RequestLogEntry} from './request-log.js';
import {createSeedData, demoPassword, demoUsername} from './seed-data.js';
import {TokenRegistry} from './token-registry.js';
import {handleToken} from './token-route.js';

export type {
  EmulatorApplication,
  EmulatorOptions,
  EmulatorStartOptions,
} from './emulator-options.js';
export type {RequestLogEntry} from './request-log.js';

/** A running emulator. Change `application` and `options` freely; each request reads them. */
export type HaloEmulator = {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  instanceUrl: string;
  /** `<instanceUrl>/auth`, or with `sharedAuthHost` the second listener's origin. */
  authUrl: string;
  application: EmulatorApplication;
  options: EmulatorOptions;
  demoCredentials: {username: string; password: string};
  /** The seeded records, served as they are; `logins` are the sign-in names of agents. */
  data: SeedData;
  requests: RequestLogEntry[];
  /** Moves the emulator clock forward, which expires codes and tokens without waiting. */
  advanceClock(ms: number): void;
  /** Gives the application a new Client ID, as saving it in Halo can, and returns it. */
  rotateClientId(): string;
  revokeAccessTokens(): void;
  /** Stops both listeners and drops open connections, hung requests included. */
  close(): Promise<void>;
};

/** Starts the emulator on 127.0.0.1. The seed is generated before the port opens. */
export async function startHaloEmulator(
  startOptions: EmulatorStartOptions = {},
): Promise<HaloEmulator> {
  const {options, application} = splitStartOptions(startOptions);
  const data = createSeedData(options);
  let clockOffset = 0;
  const now = (): number => Date.now() + clockOffset;
  const context: EmulatorContext = {
    options,
    application,
    data,
    registry: new TokenRegistry(now),
    signJwt: createJwtSigner(),
    now,
    instanceUrl: '',
    authUrl: '',
    demoCredentials: {username: demoUsername, password: demoPassword},
  };
  const requests: RequestLogEntry[] = [];
  const faults = new FaultState();

  const handle = (listener: Listener) => (request: IncomingMessage, response: ServerResponse) => {
    const entry = logRequest(request, requests, now());
    response.on('finish', () => {
      entry.status = response.statusCode;
    });
    route(context, faults, listener, request, response, entry).catch((error: unknown) => {
      // The emulator has no logger, so the failure is kept in the request log for tests to read.
      entry.error = error instanceof Error ? error.message : String(error);
      if (response.headersSent) {
        response.destroy();
        return;
      }

      const tooLarge = error instanceof RangeError;
      const message = tooLarge ? 'The request body is too large.' : 'The emulator failed.';
      sendJson(response, tooLarge ? 413 : 500, {Message: message});
    });
  };

  const shared = options.sharedAuthHost !== null;
  const servers: Server[] = [createServer(handle({authPrefix: '/auth', servesApi: true}))];
  if (shared) {
    servers.push(createServer(handle({authPrefix: '', servesApi: false})));
  }

  // Only the first listener honours `port`; the shared auth host always takes a free port.
  const ports = [await listen(servers[0]!, options.port)];
  if (shared) {
    ports.push(await listen(servers[1]!, 0));
  }

  context.instanceUrl = `http://127.0.0.1:${ports[0]}`;
  context.authUrl = shared ? `http://127.0.0.1:${ports[1]}` : `${context.instanceUrl}/auth`;
  return {
    instanceUrl: context.instanceUrl,
    authUrl: context.authUrl,
    application,
    options,
    demoCredentials: context.demoCredentials,
    data,
    requests,
    advanceClock(ms) {
      clockOffset += ms;
    },
    rotateClientId() {
      application.clientId = randomUUID();
      return application.clientId;
    },
    revokeAccessTokens() {
      context.registry.revokeAccessTokens();
    },
    async close() {
      await Promise.all(servers.map(async (server) => closeServer(server)));
    },
  };
}

/** Routes of one listener: auth routes under `authPrefix`, and the API when `servesApi`. */
type Listener = {authPrefix: string; servesApi: boolean};

async function route(
  context: EmulatorContext,
  faults: FaultState,
  listener: Listener,
  request: IncomingMessage,
  response: ServerResponse,
  entry: RequestLogEntry,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname.toLowerCase();
  const query = parseParameters(url.searchParams);
  const method = request.method ?? 'GET';
  const apiMatch = listener.servesApi && path.startsWith('/api/') ? matchApiRoute(path) : null;
  const authRoute = authRouteOf(path, listener.authPrefix);
  const routeName: EmulatorRoute | null = apiMatch?.route ?? authRoute;
  if (routeName === null && listener.servesApi && method === 'GET' && isWebAppPath(path)) {
    const page = renderApplicationPage({
      application: context.application,
      authUrl: context.authUrl,
      tenant: context.options.tenantId,
    });
    sendHtml(response, 200, page.html, page.contentSecurityPolicy);
    return;
  }

  if (routeName === null) {
    sendJson(response, 404, {Message: 'No route matches this path.'});
    return;
  }

  const isApi = apiMatch !== null && apiMatch.route !== 'authinfo';
  const verdict = await faults.apply(context.options, routeName, isApi, context.now, response);
  if (verdict !== 'continue') {
    return;
  }

  const allowed = routeName === 'authorize' ? [
    'GET',
    'POST',
  ] : routeName === 'token' ? ['POST'] : ['GET'];
  if (!allowed.includes(method)) {
    sendJson(
      response,
      405,
      {error: 'invalid_request', error_description: `${method} is not allowed here.`},
      {allow: allowed.join(', ')},
    );
    return;
  }

  if (apiMatch !== null) {
    if (apiMatch.route === 'authinfo') {
      handleAuthInfo(context, response);
      return;
    }

    const result = handleApiRoute(context, apiMatch, query.values, request.headers, response);
    if (result !== null) {
      sendJsonText(response, result.status, result.body);
    }

    return;
  }

  const formAction = `${listener.authPrefix}/authorize`;
  if (method === 'GET') {
    handleAuthorizeGet(context, query, url.searchParams, formAction, response);
    return;
  }

  const contentType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/x-www-form-urlencoded') {
    sendJson(
      response,
      400,
      {
        error: 'invalid_request',
        error_description: 'The body must be application/x-www-form-urlencoded.',
      },
    );
    return;
  }

  const body = new URLSearchParams(await readBody(request));
  entry.form = redactParameters(body);
  if (routeName === 'token') {
    handleToken(context, query, parseParameters(body), request.headers, response);
    return;
  }

  handleAuthorizePost(context, parseParameters(body), body, formAction, response);
}

// The instance's home page and the application screen that the wizard's checklist opens. Both
// show the registered application, because the emulator has no other web app to draw.
function isWebAppPath(path: string): boolean {
  return path === '/' || path === '/config/integrations/api/applications';
}

function authRouteOf(path: string, prefix: string): EmulatorRoute | null {
  if (path === `${prefix}/authorize`) {
    return 'authorize';
  }

  return path === `${prefix}/token` ? 'token' : null;
}

function logRequest(
  request: IncomingMessage,
  requests: RequestLogEntry[],
  at: number,
): RequestLogEntry {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const entry: RequestLogEntry = {
    method: request.method ?? 'GET',
    path: url.pathname,
    query: redactParameters(url.searchParams),
    form: null,
    status: 0,
    at,
    error: null,
  };
  requests.push(entry);
  return entry;
}

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve, reject) => {
    server.close((error) => {
      if (error === undefined) {
        resolve();
      } else {
        reject(error);
      }
    });
  });
  // Idle keep-alive sockets and hung requests would otherwise hold close() open.
  server.closeAllConnections();
  await closed;
}
