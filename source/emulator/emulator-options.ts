/** Authentication Method of an API application, as offered in Halo's application form. */
export type ApplicationMethod =
  | 'authorization-code'
  | 'services'
  | 'implicit'
  | 'username-password'
  | 'api-key';

/** The API application registered in Halo. Read on every request, so tests may change it. */
export type EmulatorApplication = {
  /** Application name shown on the sign-in page. */
  name: string;
  clientId: string;
  /** Login Redirect URLs; `redirect_uri` must equal one of them byte for byte. */
  redirectUris: string[];
  method: ApplicationMethod;
  active: boolean;
  allowAgents: boolean;
  allowUsers: boolean;
  /** The Permissions tab. */
  scopes: string[];
  /** Secret for the Services method; an authorization-code app normally has none. */
  clientSecret: string | null;
  /** Agent the Services method acts as (Halo's "Agent to log in as"). */
  loginAsAgentId: number;
};

/** Emulator routes, named for per-route faults. */
export type EmulatorRoute =
  | 'authinfo'
  | 'authorize'
  | 'token'
  | 'agents'
  | 'agent-me'
  | 'agent'
  | 'users'
  | 'user';

/** Shape of API error bodies for 400, 403 and 404, after the shapes clients meet at Halo. */
export type ErrorShape =
  | 'result-code'
  | 'class-name'
  | 'message'
  | 'oauth'
  | 'validation'
  | 'text'
  | 'html'
  | 'empty';

/** Rate limit on `/api/*`: `limit` requests per `windowS` seconds of the emulator clock. */
export type RateLimitFault = {
  limit: number;
  windowS: number;
  /** Form of the wait in a 429: `Retry-After` in seconds, as an HTTP date, or none. */
  retryAfter: 'seconds' | 'date' | 'absent';
};

/** Server errors on `/api/*`: the next `next` calls fail, or every `everyNth` call fails. */
export type ServerErrorFault = {
  status: 500 | 502;
  next?: number;
  everyNth?: number;
};

/** Behaviour and fault switches, read on every request; faults start off. */
export type EmulatorOptions = {
  /** TCP port on 127.0.0.1; 0 lets the system pick a free one. */
  port: number;
  /** Seed of the generated agents and users; the same seed gives the same records. */
  seed: number;
  /** Number of end users, 10 to 50,000; fixed records come first. */
  userCount: number;
  /** Number of agents including the fixed ones (at least 12). */
  agentCount: number;
  /** Number of disabled agents (two by default). */
  disabledAgentCount: number;
  /** Silent maximum of users per page when `pageinate=true`. */
  pageCap: number;
  /** Users returned without `pageinate=true` and without `count`. */
  defaultCap: number;
  /** Lifetime of an authorization code, in seconds. */
  codeTtlS: number;
  /** Lifetime of an access token, in seconds (`expires_in`). */
  tokenTtlS: number;
  /** Lifetime of a refresh token, in seconds. */
  refreshTtlS: number;
  /** Sign this agent in at `GET /auth/authorize` without showing the page. */
  autoApprove: {agentId: number} | null;
  /** `tenant_id` returned by `/api/authinfo`. */
  tenantId: string;
  /** Issue a refresh token even when `offline_access` was not requested. */
  refreshWithoutOffline: boolean;
  /** `/api/authinfo` responds normally, with 404 and HTML, or without the trailing slash. */
  authinfo: 'normal' | 'not-found' | 'no-trailing-slash';
  /** `iss` on the authorization response: absent, the issuer, or the issuer plus `/`. */
  iss: 'none' | 'exact' | 'trailing-slash';
  rateLimit: RateLimitFault | null;
  serverError: ServerErrorFault | null;
  /** Auth server on a second listener without `/auth`, requiring this tenant. Start-up only. */
  sharedAuthHost: {tenant: string} | null;
  /** Control characters, bidi overrides and a 500-character name in some records. */
  hostileNames: boolean;
  /** `/api/Agent/{id}` and `/api/Users/{id}` return `{"agents": [obj]}` or `{"users": [obj]}`. */
  wrapSingle: boolean;
  /** A refresh response carries no new refresh token (the old one stays valid). */
  omitRotatedRefresh: boolean;
  tokenFormat: 'jwt' | 'opaque';
  /** Delay before responding, in milliseconds, for every route or per route. */
  latencyMs: number | Partial<Record<EmulatorRoute, number>>;
  /** Routes that accept the request and never respond. */
  hang: EmulatorRoute[];
  /** Routes that respond 200 with truncated JSON. */
  malformedJson: EmulatorRoute[];
  errorShape: ErrorShape;
  /** Users added (positive) or removed (negative) at the front of the list after each page. */
  driftPerPage: number;
};

/**
 * Options of `startHaloEmulator`: any option, plus settings of the registered application,
 * either as `application` or under the short names below (`application` wins when both are set).
 */
export type EmulatorStartOptions = Partial<EmulatorOptions> & {
  application?: Partial<EmulatorApplication>;
  clientId?: string;
  redirectUris?: string[];
  appMethod?: ApplicationMethod;
  appActive?: boolean;
  allowAgents?: boolean;
  allowUsers?: boolean;
  appScopes?: string[];
};

/** Splits start options into behaviour options and the application's settings. */
export function splitStartOptions(start: EmulatorStartOptions): {
  options: EmulatorOptions;
  application: EmulatorApplication;
} {
  const {
    application = {},
    clientId,
    redirectUris,
    appMethod,
    appActive,
    allowAgents,
    allowUsers,
    appScopes,
    ...options
  } = start;
  const shortNames: Partial<EmulatorApplication> = {
    ...(clientId === undefined ? {} : {clientId}),
    ...(redirectUris === undefined ? {} : {redirectUris}),
    ...(appMethod === undefined ? {} : {method: appMethod}),
    ...(appActive === undefined ? {} : {active: appActive}),
    ...(allowAgents === undefined ? {} : {allowAgents}),
    ...(allowUsers === undefined ? {} : {allowUsers}),
    ...(appScopes === undefined ? {} : {scopes: appScopes}),
  };
  return {
    options: resolveOptions(options),
    application: resolveApplication({...shortNames, ...application}),
  };
}

/** Client ID of the seeded application, fixed so the demo prints the same one on every run. */
export const defaultClientId = '7d3f9a2e-4b1c-4e8a-9f60-2c5d8b1e0a47';

/** The wizard's default loopback redirect URL. */
export const defaultRedirectUri = 'http://127.0.0.1:47135/callback';

/** Returns the default options with `overrides` applied. */
export function resolveOptions(overrides: Partial<EmulatorOptions>): EmulatorOptions {
  return {
    port: 0,
    seed: 20_240_601,
    userCount: 200,
    agentCount: 25,
    disabledAgentCount: 2,
    pageCap: 100,
    defaultCap: 50,
    codeTtlS: 300,
    tokenTtlS: 3600,
    refreshTtlS: 14 * 24 * 3600,
    autoApprove: null,
    tenantId: 'harbourline',
    refreshWithoutOffline: false,
    authinfo: 'normal',
    iss: 'none',
    rateLimit: null,
    serverError: null,
    sharedAuthHost: null,
    hostileNames: false,
    wrapSingle: false,
    omitRotatedRefresh: false,
    tokenFormat: 'jwt',
    latencyMs: 0,
    hang: [],
    malformedJson: [],
    errorShape: 'message',
    driftPerPage: 0,
    ...overrides,
  };
}

/** Returns the seeded application with `overrides` applied. */
export function resolveApplication(
  overrides: Partial<EmulatorApplication>,
): EmulatorApplication {
  return {
    name: 'halo-wizard',
    clientId: defaultClientId,
    redirectUris: [defaultRedirectUri],
    method: 'authorization-code',
    active: true,
    allowAgents: true,
    allowUsers: true,
    scopes: ['all'],
    clientSecret: null,
    loginAsAgentId: 3,
    ...overrides,
  };
}
