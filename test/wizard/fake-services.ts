import {HaloWizardError} from '../../source/errors.js';
import type {Account, StatusCheck, TokenSet} from '../../source/halo/types.js';
import type {
  SignInSession,
  StatusReport,
  WizardServices,
} from '../../source/wizard/wizard-services.js';

/** A promise the test settles by hand. */
export type Deferred<T> = {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
};

export function createDeferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((resolvePromise, rejectPromise) => {
    resolve = resolvePromise;
    reject = rejectPromise;
  });
  return {promise, resolve, reject};
}

export const tokens: TokenSet = {
  accessToken: 'access-token-value',
  refreshToken: 'refresh-token-value',
  expiresAt: 1_900_000_000_000,
  scope: 'all offline_access',
};

export const accounts: Account[] = [
  {
    type: 'agent',
    id: 1,
    name: 'Ada Agent',
    email: 'ada@example.com',
    organisation: 'Service Desk',
    active: true,
    lastLogin: null,
  },
  {
    type: 'user',
    id: 2,
    name: 'Bob User',
    email: null,
    organisation: 'Acme / Head Office',
    active: false,
    lastLogin: null,
  },
];

export function passedCheck(id: StatusCheck['id'], label: string): StatusCheck {
  return {id, label, state: 'passed', detail: 'ok', durationMs: 12, error: null};
}

export function usageError(code: string, message: string, field: HaloWizardError['field']) {
  return new HaloWizardError(code, message, {kind: 'usage', field, nextStep: `Fix ${field ?? 'it'}.`});
}

/** Records of what the wizard asked the fake services to do. */
export type ServiceCalls = {
  checkInstance: string[];
  discoverAuthServer: string[];
  openUrl: string[];
  startSignIn: number;
  saveConnection: number;
  signInSignals: AbortSignal[];
};

/**
 * Creates services that resolve at once with plausible results. Tests replace single methods
 * to hold a promise open or to fail.
 */
export function createFakeServices(overrides: Partial<WizardServices> = {}) {
  const calls: ServiceCalls = {
    checkInstance: [],
    discoverAuthServer: [],
    openUrl: [],
    startSignIn: 0,
    saveConnection: 0,
    signInSignals: [],
  };
  const report: StatusReport = {
    ok: true,
    checks: [passedCheck('instance', 'Instance reachable'), passedCheck('users', 'Users listed')],
    accounts,
  };

  const services: WizardServices = {
    resolveWorkspace(input) {
      const value = input.trim();
      if (/^[a-z\d-]+$/i.test(value)) {
        return {instanceUrl: `https://${value.toLowerCase()}.halopsa.com`, workspaceKey: value};
      }

      if (/^https?:\/\/[^\s]+$/.test(value)) {
        return {instanceUrl: value.replace(/\/+$/, ''), workspaceKey: null};
      }

      throw usageError('invalid-workspace', `"${value}" is not a workspace key or URL.`, 'workspace');
    },
    async checkInstance(instanceUrl) {
      calls.checkInstance.push(instanceUrl);
      return {ok: true, detail: 'HTTP 200', error: null};
    },
    async discoverAuthServer(instanceUrl) {
      calls.discoverAuthServer.push(instanceUrl);
      return {baseUri: `${instanceUrl}/auth`, tenant: null, source: 'authinfo', detail: 'auth_url read'};
    },
    validateBaseUri(input) {
      if (!/^https?:\/\/\S+$/.test(input.trim())) {
        throw usageError('invalid-base-uri', `"${input}" is not an http(s) URL.`, 'baseUri');
      }

      return input.trim().replace(/\/+$/, '');
    },
    validateRedirectUri(input) {
      if (!/^http:\/\/(127\.0\.0\.1|localhost):\d+\/\S*$/.test(input)) {
        throw usageError('invalid-redirect-uri', `"${input}" is not a loopback URL.`, 'redirectUri');
      }

      return input;
    },
    validateClientId(input) {
      if (input.trim() === '') {
        throw usageError('missing-client-id', 'The Client ID is missing.', 'clientId');
      }

      const isGuid = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i.test(input.trim());
      return {clientId: input.trim(), warning: isGuid ? null : 'This does not look like a GUID.'};
    },
    async openUrl(url) {
      calls.openUrl.push(url);
      return {opened: true, reason: null};
    },
    async preflight() {
      return {verdict: 'ok', detail: 'The authorisation server accepts the client.'};
    },
    async startSignIn(): Promise<SignInSession> {
      calls.startSignIn += 1;
      return {
        authorizationUrl: 'http://127.0.0.1:9/auth/authorize?client_id=abc&state=xyz',
        async waitForTokens({signal}) {
          calls.signInSignals.push(signal);
          return tokens;
        },
        async completeFromPastedUrl() {
          return tokens;
        },
        async close() {},
      };
    },
    async saveConnection() {
      calls.saveConnection += 1;
    },
    async runStatusChecks(_settings, _tokens, onUpdate) {
      onUpdate(report.checks);
      return report;
    },
    ...overrides,
  };

  return {services, calls};
}
