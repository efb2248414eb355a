/** One request the emulator received, with secret parameter values replaced. */
export type RequestLogEntry = {
  method: string;
  /** Path as received, case kept. */
  path: string;
  /** Query parameters under their names as received; secrets read `[redacted]`. */
  query: Record<string, string>;
  /** Form fields of a POST body (token requests, the sign-in form), redacted the same way. */
  form: Record<string, string> | null;
  /** Status sent, or 0 while no response was sent (always so under the `hang` fault). */
  status: number;
  /** Emulator clock at arrival, epoch milliseconds. */
  at: number;
  /** Message of an unexpected failure that ended in a 500, else null. */
  error: string | null;
};

// Values that would let a reader of the log sign in or replay a step. The PKCE challenge and
// `state` are not secret but are kept out as well, so the log shows no value of the flow.
const secretNames = new Set([
  'code',
  'code_verifier',
  'code_challenge',
  'state',
  'refresh_token',
  'access_token',
  'id_token',
  'token',
  'password',
  'client_secret',
  'client_assertion',
]);

/** Returns the parameters with every secret value replaced by `[redacted]`. */
export function redactParameters(search: URLSearchParams): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [name, value] of search) {
    redacted[name] = secretNames.has(name.toLowerCase()) ? '[redacted]' : value;
  }

  return redacted;
}
