import {fixFor} from '../diagnosis/diagnose.js';
import {identifyHaloInstance} from '../diagnosis/identify-instance.js';
import {compareScopes} from '../diagnosis/scope-gap.js';
import {HaloWizardError} from '../errors.js';
import {clipForDisplay} from '../text/strip-control.js';
import {toAccounts, type CurrentAgent, type HaloRecord} from './accounts.js';
import {checkInstance} from './check-instance.js';
import {createCheckRunner} from './check-runner.js';
import {discoverAuthServer} from './discovery.js';
import {createHaloApi, type HaloApi} from './halo-api.js';
import type {RetryWait, Sleep} from './retry.js';
import type {Account, ConnectionSettings, Environment, StatusCheck, TokenSet} from './types.js';

/** Dependencies and hooks of `runStatusChecks`. */
export type StatusChecksInput = {
  settings: ConnectionSettings;
  /** Saved tokens, or null when the profile was never signed in. */
  tokens: TokenSet | null;
  environment: Environment;
  refresh: (refreshToken: string) => Promise<TokenSet>;
  onTokens: (tokens: TokenSet) => Promise<void>;
  /** Receives a fresh copy of every check after each change. */
  onUpdate: (checks: StatusCheck[]) => void;
  signal?: AbortSignal;
  /** Waits between API retries. @default real timers */
  sleep?: Sleep;
};

/** The outcome of all checks, with what the account table needs. */
export type StatusChecksResult = {
  /** True when every check passed. */
  ok: boolean;
  checks: StatusCheck[];
  accounts: Account[];
  agent: CurrentAgent | null;
};

/**
 * Runs the status checks in order (instance, auth server, session, signed-in agent, agents,
 * users), reporting each change through `onUpdate`. A check whose prerequisite failed is
 * skipped; an abort skips the rest. Failures end up in the checks, so this never rejects.
 */
export async function runStatusChecks(input: StatusChecksInput): Promise<StatusChecksResult> {
  const {settings, environment, signal} = input;
  const runner = createCheckRunner({now: environment.now, onUpdate: input.onUpdate, signal});
  let api: HaloApi | null = null;
  let agent: CurrentAgent | null = null;
  let agents: HaloRecord[] = [];
  let users: HaloRecord[] = [];

  await runner.run('instance', async () => {
    const result = await checkInstance(settings.instanceUrl, environment, withSignal(signal));
    if (result.error !== null) {
      throw result.error;
    }

    const notHalo = await identifyHaloInstance(
      settings.instanceUrl,
      environment,
      withSignal(signal),
    );
    if (notHalo !== null) {
      throw notHalo;
    }

    return result.detail;
  });

  await runner.run('auth-server', async () => {
    const found = await discoverAuthServer(settings.instanceUrl, environment, withSignal(signal));
    const probe = await checkInstance(settings.baseUri, environment, {
      field: 'baseUri',
      ...withSignal(signal),
    });
    if (probe.error !== null) {
      throw probe.error;
    }

    // A shared auth host can legitimately differ from what authinfo names, so a mismatch
    // is shown rather than failed: the saved value is what sign-in uses.
    if (found.source === 'authinfo' && found.baseUri !== settings.baseUri) {
      return clipForDisplay(`${settings.baseUri} responds; authinfo names ${found.baseUri}`);
    }

    const origin = found.source === 'authinfo' ? 'as authinfo names' : 'authinfo unavailable';
    return clipForDisplay(`${settings.baseUri} responds (${origin})`);
  });

  await runner.run('session', async () => {
    if (input.tokens === null) {
      throw new HaloWizardError('not-signed-in', 'This profile has no saved sign-in.', {
        kind: 'sign-in',
        nextStep: fixFor('not-signed-in'),
      });
    }

    api = createHaloApi({
      settings,
      tokens: input.tokens,
      environment,
      refresh: input.refresh,
      onTokens: input.onTokens,
      onRetryWait: (wait) => runner.progress(describeWait(wait)),
      ...(input.sleep === undefined ? {} : {sleep: input.sleep}),
      ...withSignal(signal),
    });
    const before = api.tokens();
    const tokens = await api.ensureFreshTokens();
    const minutes = Math.max(0, Math.floor((tokens.expiresAt - environment.now()) / 60_000));
    const validity = `access token valid for ${minutes} min`;
    const scopes = compareScopes(settings.scope, tokens.scope).detail;
    return tokens === before ? `${validity}; ${scopes}` : `refreshed; ${validity}; ${scopes}`;
  });

  await runner.run('agent', async () => {
    agent = await requireApi(api).getCurrentAgent();
    return agent.name;
  });

  await runner.run('agents', async () => {
    agents = await requireApi(api).listAgents();
    const disabled = agents.filter((record) => record['isdisabled'] === true).length;
    return `${count(agents.length, 'agent')}${disabled > 0 ? `, ${disabled} disabled` : ''}`;
  });

  await runner.run('users', async () => {
    users = await requireApi(api).listUsers((page) => {
      runner.progress(`page ${page.page} of ${page.pagesEstimated}`);
    });
    const inactive = users.filter((record) => record['inactive'] === true).length;
    return `${count(users.length, 'user')}${inactive > 0 ? `, ${inactive} inactive` : ''}`;
  });

  const checks = runner.snapshot();
  return {
    ok: checks.every((check) => check.state === 'passed'),
    checks,
    accounts: toAccounts(agents, users),
    agent,
  };
}

function withSignal(signal: AbortSignal | undefined): {signal?: AbortSignal} {
  return signal === undefined ? {} : {signal};
}

// The session check creates the client; the checks after it run only when it passed.
function requireApi(api: HaloApi | null): HaloApi {
  if (api === null) {
    throw new Error('The API client is used before the session check created it.');
  }

  return api;
}

function describeWait(wait: RetryWait): string {
  const seconds = Math.ceil(wait.delayMs / 1000);
  const reasonText = wait.reason === 'rate-limited' ? 'rate limited' : 'server error';
  return `${reasonText}; retry ${wait.attempt} in ${seconds} s`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
