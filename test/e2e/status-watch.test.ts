import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {
  changedChecks,
  exitCodeOfRound,
  watchStatus,
  type WatchRound,
} from '../../source/commands/status-watch.js';
import type {StatusResult} from '../../source/commands/status-command.js';
import {type HaloEmulator, startHaloEmulator} from '../../source/emulator/halo-emulator.js';
import {HaloWizardError} from '../../source/errors.js';
import type {StatusCheck} from '../../source/halo/types.js';
import {runWithSignIn, setupArgs} from '../helpers/cli-sign-in.js';
import {findFreePort} from '../helpers/free-port.js';
import {runCli, startCli} from '../helpers/run-cli.js';

function check(id: StatusCheck['id'], state: StatusCheck['state'], detail = ''): StatusCheck {
  const error =
    state === 'failed'
      ? new HaloWizardError('rate-limited', 'Rate limited.', {kind: 'rejected'})
      : null;
  return {id, label: id, state, detail, durationMs: 1, error};
}

function result(checks: StatusCheck[]): StatusResult {
  return {
    ok: checks.every((entry) => entry.state === 'passed'),
    checks,
    accounts: [],
    agent: null,
  };
}

describe('changedChecks', () => {
  it('marks every check in the first round', () => {
    const next = [check('instance', 'passed'), check('users', 'passed')];

    expect([...changedChecks(null, next)]).toEqual(['instance', 'users']);
  });

  it('marks a changed state or detail only', () => {
    const before = [check('instance', 'passed', 'a'), check('agents', 'passed', '5 agents')];
    const after = [check('instance', 'passed', 'a'), check('agents', 'failed', '5 agents')];

    expect([...changedChecks(before, after)]).toEqual(['agents']);
  });
});

describe('watchStatus', () => {
  it('reports rounds until aborted with the last exit code', async () => {
    const controller = new AbortController();
    const rounds: WatchRound[] = [];
    const outcomes = [
      result([check('instance', 'passed')]),
      result([check('instance', 'failed')]),
    ];

    const exitCode = await watchStatus({
      intervalMs: 1,
      signal: controller.signal,
      now: () => 0,
      runRound: async () => outcomes[rounds.length] ?? result([]),
      onUpdate: () => undefined,
      onRound(round) {
        rounds.push(round);
        if (round.number === 2) {
          controller.abort();
        }
      },
      wait: async () => undefined,
    });

    expect(rounds.map((round) => round.exitCode)).toEqual([0, 3]);
    expect(exitCode).toBe(3);
    expect([...(rounds[1]?.changed ?? [])]).toEqual(['instance']);
  });

  it('drops a round cut short by ctrl+c', async () => {
    const controller = new AbortController();
    const rounds: WatchRound[] = [];

    const exitCode = await watchStatus({
      intervalMs: 1,
      signal: controller.signal,
      now: () => 0,
      async runRound() {
        if (rounds.length === 1) {
          controller.abort();
          return result([check('instance', 'failed')]);
        }

        return result([check('instance', 'passed')]);
      },
      onUpdate: () => undefined,
      onRound: (round) => rounds.push(round),
      wait: async () => undefined,
    });

    expect(rounds).toHaveLength(1);
    expect(exitCode).toBe(0);
  });

  it('gives the failure kind as exit code', () => {
    expect(exitCodeOfRound(result([check('users', 'failed')]))).toBe(3);
  });
});

describe('status --watch', () => {
  let emulator: HaloEmulator;
  let configDirectory: string;

  beforeEach(async () => {
    const redirectUri = `http://127.0.0.1:${await findFreePort()}/callback`;
    emulator = await startHaloEmulator({redirectUris: [redirectUri], userCount: 30});
    configDirectory = await mkdtemp(path.join(tmpdir(), 'halo-wizard-watch-'));
    const setup = await runWithSignIn({
      args: setupArgs(emulator, redirectUri),
      emulator,
      env: {HALO_WIZARD_CONFIG_DIR: configDirectory},
    });
    expect(setup.code).toBe(0);
  });

  afterEach(async () => {
    await emulator.close();
    await rm(configDirectory, {recursive: true, force: true});
  });

  it('prints only the changes and ends on ctrl+c', {timeout: 40_000}, async () => {
    const run = startCli(['status', '--watch', '5'], {HALO_WIZARD_CONFIG_DIR: configDirectory});
    await vi.waitFor(() => expect(run.stdout()).toContain('Round 1 at'), {timeout: 15_000});
    // From the second round on, the agent list is rate-limited for an hour.
    emulator.options.rateLimit = {limit: 1, windowS: 3600, retryAfter: 'seconds'};

    await vi.waitFor(() => expect(run.stdout()).toContain('Round 2 at'), {timeout: 20_000});
    run.child.kill('SIGINT');

    expect(await run.exited()).toBe(3);
    const [first = '', second = ''] = run.stdout().split(/^(?=Round 2)/m);
    expect(first).toMatch(/^Round 1 at \d\d:\d\d:\d\d UTC: ✔ every check passed$/m);
    expect(first).toContain('✔ Instance reachable:');
    expect(second).toMatch(/^Round 2 at .*: ✖ 2 of 6 checks failed$/m);
    expect(second).toContain('✖ Agents: HaloPSA kept rate-limiting');
    expect(second).toContain('✖ End users: HaloPSA kept rate-limiting');
    expect(second).toContain('Likely cause: Many requests in a short time');
    expect(second).not.toContain('Instance reachable');
    expect(run.stderr()).toContain('exit code 3 from the last round');
  });

  it('rejects an interval below five seconds', async () => {
    const {code, stderr} = await runCli(['status', '--watch', '2'], {
      HALO_WIZARD_CONFIG_DIR: configDirectory,
    });

    expect(code).toBe(2);
    expect(stderr).toContain('--watch takes a whole number from 5 to 86400');
  });
});
