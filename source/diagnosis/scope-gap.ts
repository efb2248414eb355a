import {clipForDisplay} from '../text/strip-control.js';

/** Granted scopes compared with the requested ones. */
export type ScopeComparison = {
  /** Requested scope names the token response did not grant. */
  missing: string[];
  /** One line for the session check, such as "scopes: all offline_access". */
  detail: string;
};

function splitScope(scope: string): string[] {
  return scope.split(/\s+/).filter((name) => name !== '');
}

/**
 * Compares the scope granted in the token response with the one requested at sign-in.
 * A null `granted` means the response named no scope, which OAuth allows when it equals
 * the request (RFC 6749, section 5.1), so nothing is reported missing.
 */
export function compareScopes(requested: string, granted: string | null): ScopeComparison {
  if (granted === null) {
    return {missing: [], detail: 'scopes as requested'};
  }

  const grantedNames = new Set(splitScope(granted));
  const missing = splitScope(requested).filter((name) => !grantedNames.has(name));
  const shownGranted = clipForDisplay(granted === '' ? '(none)' : granted, 120);
  if (missing.length === 0) {
    return {missing, detail: `scopes: ${shownGranted}`};
  }

  const shownMissing = clipForDisplay(missing.join(' '), 120);
  return {
    missing,
    detail: `⚠ granted scopes "${shownGranted}" lack the requested "${shownMissing}"`,
  };
}
