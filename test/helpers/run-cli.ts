import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));

/** The built bundle, as `npx halo-wizard` runs it. */
export const cliPath = path.join(root, 'dist', 'halo-wizard.js');

export type CliRun = {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the first stderr line matching `pattern`. */
  waitForStderrLine: (pattern: RegExp) => Promise<string>;
  /** Resolves with the exit code; kills the process when it outlives `timeoutMs`. */
  exited: (timeoutMs?: number) => Promise<number>;
};

/**
 * Starts the built CLI with pipes for all three streams (so it is never on a terminal) and an
 * environment without CI, so it behaves as on a person's machine.
 */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const {CI: _ci, ...parentEnv} = process.env;
  const child = spawn(process.execPath, [cliPath, ...args], {
    env: {...parentEnv, BROWSER: 'none', ...env},
    stdio: 'pipe',
  });
  child.stdin.end();

  let stdout = '';
  let stderr = '';
  const waiters: Array<{pattern: RegExp; resolve: (line: string) => void}> = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const waiter of [...waiters]) {
      const line = stderr.split('\n').find((candidate) => waiter.pattern.test(candidate));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });

  const exit = new Promise<number>((resolve) => {
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });

  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    async waitForStderrLine(pattern) {
      const line = stderr.split('\n').find((candidate) => pattern.test(candidate));
      if (line !== undefined) {
        return line;
      }

      return new Promise((resolve, reject) => {
        waiters.push({pattern, resolve});
        void exit.then(() =>
          reject(new Error(`The CLI exited before printing ${pattern}. stderr:\n${stderr}`)),
        );
      });
    },
    async exited(timeoutMs = 20_000) {
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      try {
        return await exit;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Runs the CLI to completion and returns its exit code and output. */
export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{code: number; stdout: string; stderr: string}> {
  const run = startCli(args, env);
  const code = await run.exited();
  return {code, stdout: run.stdout(), stderr: run.stderr()};
}
