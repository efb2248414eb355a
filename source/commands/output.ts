import type {Writable} from 'node:stream';
import {type HaloWizardError, isHaloWizardError} from '../errors.js';
import {exitCodeFor, exitCodes} from '../exit-codes.js';
import {clipForDisplay, stripControl} from '../text/strip-control.js';

/** The streams and environment a command writes to; the real process or a test's. */
export type CommandIo = {
  stdout: Writable & {isTTY?: boolean; columns?: number; rows?: number};
  stderr: Writable & {isTTY?: boolean};
  env: NodeJS.ProcessEnv;
};

/** Writes one JSON document and a newline: the only thing on stdout under --json. */
export function writeJson(io: CommandIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Builds the `error` object of a --json failure. */
export function failureJson(error: HaloWizardError): Record<string, unknown> {
  return {
    code: error.code,
    message: stripControl(error.message),
    field: error.field,
    nextStep: error.nextStep === undefined ? null : stripControl(error.nextStep),
  };
}

/**
 * Reports a failure on stderr (and as JSON on stdout under --json) and returns its exit code.
 * Expected failures show their message and next step; anything else is a bug, shown with its
 * stack only when HALO_WIZARD_DEBUG is set.
 */
export function reportFailure(io: CommandIo, error: unknown, options: {json: boolean}): number {
  if (isHaloWizardError(error)) {
    if (options.json) {
      writeJson(io, {status: 'failed', error: failureJson(error)});
    }

    io.stderr.write(`✖ ${stripControl(error.message)}\n`);
    if (error.nextStep) {
      io.stderr.write(`  ${stripControl(error.nextStep)}\n`);
    }

    return exitCodeFor(error.kind);
  }

  const message = clipForDisplay(error instanceof Error ? error.message : String(error), 500);
  if (options.json) {
    writeJson(io, {
      status: 'failed',
      error: {code: 'unexpected', message, field: null, nextStep: null},
    });
  }

  io.stderr.write(`✖ Unexpected error: ${message}\n`);
  if (io.env['HALO_WIZARD_DEBUG'] && error instanceof Error && error.stack) {
    io.stderr.write(`${stripControl(error.stack)}\n`);
  } else {
    io.stderr.write('  Run again with HALO_WIZARD_DEBUG=1 to see where it happened.\n');
  }

  return exitCodes.unexpected;
}
