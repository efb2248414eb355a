/** The wizard field a failure concerns, so the interactive flow can focus it for a retry. */
export type FailureField =
  | 'workspace'
  | 'baseUri'
  | 'clientId'
  | 'redirectUri'
  | 'tenant'
  | null;

/**
 * The kind of failure, by who must act on it. Each maps to one exit code in `exit-codes.ts`.
 * - usage: the input or the flags are wrong (exit 2)
 * - rejected: HaloPSA could not be reached at the address given, or it rejected the
 *   integration, or a status check failed (exit 3)
 * - sign-in: the browser sign-in failed, was cancelled or timed out (exit 4)
 * - unexpected: a bug, or an environment failure with no planned handling (exit 1)
 */
export type FailureKind = 'usage' | 'rejected' | 'sign-in' | 'unexpected';

export type HaloWizardErrorOptions = {
  kind: FailureKind;
  field?: FailureField;
  nextStep?: string;
  cause?: unknown;
};

/**
 * An expected failure: its message states what happened, quoting the offending value, and
 * `nextStep` states what to change and where. The CLI prints both and no stack trace.
 * Messages never contain tokens, codes or secrets.
 */
export class HaloWizardError extends Error {
  override readonly name = 'HaloWizardError';
  readonly code: string;
  readonly kind: FailureKind;
  readonly field: FailureField;
  readonly nextStep: string | undefined;

  constructor(code: string, message: string, options: HaloWizardErrorOptions) {
    super(message, options.cause === undefined ? undefined : {cause: options.cause});
    this.code = code;
    this.kind = options.kind;
    this.field = options.field ?? null;
    this.nextStep = options.nextStep;
  }
}

/** Returns whether `error` is an expected failure with a message fit to show as it is. */
export function isHaloWizardError(error: unknown): error is HaloWizardError {
  return error instanceof HaloWizardError;
}
