import type {FailureKind} from './errors.js';

/** Process exit codes, documented in readme.md under "Exit codes". */
export const exitCodes = {
  success: 0,
  unexpected: 1,
  usage: 2,
  rejected: 3,
  signIn: 4,
} as const;

/** Returns the exit code for a failure of the given kind. */
export function exitCodeFor(kind: FailureKind): number {
  switch (kind) {
    case 'usage': {
      return exitCodes.usage;
    }

    case 'rejected': {
      return exitCodes.rejected;
    }

    case 'sign-in': {
      return exitCodes.signIn;
    }

    case 'unexpected': {
      return exitCodes.unexpected;
    }
  }
}
