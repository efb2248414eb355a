import {HaloWizardError, isHaloWizardError} from '../errors.js';
import {clipForDisplay} from '../text/strip-control.js';
import {fixFor} from '../diagnosis/diagnose.js';
import type {StatusCheck, StatusCheckId} from './types.js';

const labels: Record<StatusCheckId, string> = {
  instance: 'Instance reachable',
  'auth-server': 'Authorisation server',
  session: 'Session',
  agent: 'Signed in as',
  agents: 'Agents',
  users: 'End users',
};

/** The order the checks run and are drawn in. */
export const statusCheckOrder: StatusCheckId[] = [
  'instance',
  'auth-server',
  'session',
  'agent',
  'agents',
  'users',
];

// Each check runs only when the checks it depends on passed.
const prerequisites: Record<StatusCheckId, StatusCheckId[]> = {
  instance: [],
  'auth-server': ['instance'],
  session: ['instance'],
  agent: ['session'],
  agents: ['session'],
  users: ['session'],
};

// Failures that mean the session itself no longer works, even though the session check had
// passed on the token's expiry time. The checks after one are skipped rather than each
// repeating the same failing refresh (up to 30 s apiece when the token endpoint hangs).
const sessionFailureCodes = new Set([
  'session-ended',
  'session-expired',
  'access-token-rejected',
  'refresh-token-rejected',
  'token-request-timed-out',
  'token-response-invalid',
  'lock-timeout',
]);

/** Moves the status checks through their states and reports every change. */
export type CheckRunner = {
  /** Runs `body` as check `id` unless a prerequisite failed or the signal aborted. */
  run(id: StatusCheckId, body: () => Promise<string>): Promise<void>;
  /** Sets the detail of the running check, such as "page 2 of 3". */
  progress(detail: string): void;
  snapshot(): StatusCheck[];
};

/** Creates a runner with every check pending; `onUpdate` gets a copy after each change. */
export function createCheckRunner(input: {
  now: () => number;
  onUpdate: (checks: StatusCheck[]) => void;
  signal?: AbortSignal | undefined;
}): CheckRunner {
  const checks = new Map<StatusCheckId, StatusCheck>(
    statusCheckOrder.map((id) => [
      id,
      {id, label: labels[id], state: 'pending', detail: '', durationMs: null, error: null},
    ]),
  );
  let running: StatusCheckId | null = null;
  let sessionFailedIn: StatusCheckId | null = null;

  // A function, so TypeScript does not narrow the flag across the await in `run`.
  const isAborted = () => input.signal?.aborted === true;

  const snapshot = () => statusCheckOrder.map((id) => ({...checks.get(id)!}));

  function update(id: StatusCheckId, change: Partial<StatusCheck>): void {
    checks.set(id, {...checks.get(id)!, ...change});
    input.onUpdate(snapshot());
  }

  async function run(id: StatusCheckId, body: () => Promise<string>): Promise<void> {
    if (isAborted()) {
      update(id, {state: 'skipped', detail: 'cancelled'});
      return;
    }

    const unmet = prerequisites[id].find((need) => checks.get(need)?.state !== 'passed');
    if (unmet !== undefined) {
      update(id, {state: 'skipped', detail: `needs "${labels[unmet]}"`});
      return;
    }

    if (sessionFailedIn !== null && prerequisites[id].includes('session')) {
      const detail = `needs the session that failed in "${labels[sessionFailedIn]}"`;
      update(id, {state: 'skipped', detail});
      return;
    }

    const startedAt = input.now();
    running = id;
    update(id, {state: 'running'});
    try {
      const detail = await body();
      update(id, {state: 'passed', detail, durationMs: input.now() - startedAt});
    } catch (error) {
      const durationMs = input.now() - startedAt;
      if (isAborted()) {
        update(id, {state: 'skipped', detail: 'cancelled', durationMs});
        return;
      }

      const failure = asFailure(error);
      if (sessionFailureCodes.has(failure.code)) {
        sessionFailedIn = id;
      }

      update(id, {state: 'failed', detail: failure.message, durationMs, error: failure});
    } finally {
      running = null;
    }
  }

  return {
    run,
    progress(detail) {
      if (running !== null) {
        update(running, {detail});
      }
    },
    snapshot,
  };
}

// An unexpected error still ends up in its check instead of stopping the panel.
function asFailure(error: unknown): HaloWizardError {
  if (isHaloWizardError(error)) {
    return error;
  }

  // A body that arrives too slowly ends in the request's timeout signal, outside fetch.
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new HaloWizardError(
      'request-timed-out',
      'HaloPSA stopped sending the response before it was complete.',
      {kind: 'rejected', nextStep: fixFor('request-timed-out'), cause: error},
    );
  }

  const reason = error instanceof Error ? error.message : String(error);
  return new HaloWizardError('check-failed', `The check failed: ${clipForDisplay(reason)}`, {
    kind: 'unexpected',
    cause: error,
  });
}
