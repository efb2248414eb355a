import {fieldError, parseWebUrl, quote, requireHttps} from './url-rules.js';

export {joinUrl} from './url-rules.js';
export {validateBaseUri, validateClientId, validateRedirectUri} from './settings-fields.js';

/** A workspace as the rest of halo-wizard uses it. */
export type ResolvedWorkspace = {
  /** Origin plus any path prefix, without a trailing slash. */
  instanceUrl: string;
  /** The first DNS label of a `*.halopsa.com` instance, else null. */
  workspaceKey: string | null;
};

const workspaceNextStep =
  'Enter the workspace key (the "acme" of acme.halopsa.com) or the address you open Halo at.';

// A DNS label: letters, digits and inner hyphens, at most 63 characters.
const workspaceKeyPattern = /^[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?$/i;

const hostedSuffix = '.halopsa.com';

// Pages an admin may copy instead of the instance address; each sits directly under it.
const knownSuffixes = ['/api/swagger', '/apidoc', '/api', '/auth'];

/**
 * Resolves what the admin typed as a workspace into an instance URL: a bare word is a key on
 * halopsa.com, anything else a URL (https:// assumed). Throws a usage error on `workspace`.
 */
export function resolveWorkspace(input: string): ResolvedWorkspace {
  const text = input.trim();
  if (text === '') {
    throw fieldError({
      code: 'workspace-missing',
      field: 'workspace',
      message: 'The workspace is empty.',
      nextStep: workspaceNextStep,
    });
  }

  if (!/[.:/]/.test(text)) {
    return resolveWorkspaceKey(text);
  }

  const url = parseWebUrl(text, 'workspace', 'workspace', workspaceNextStep);
  requireHttps(url, 'workspace', 'workspace', workspaceNextStep);

  const instanceUrl = url.origin + stripKnownSuffix(url.pathname);
  return {instanceUrl, workspaceKey: keyOfHostedInstance(url.hostname)};
}

function resolveWorkspaceKey(text: string): ResolvedWorkspace {
  if (!workspaceKeyPattern.test(text)) {
    throw fieldError({
      code: 'workspace-invalid',
      field: 'workspace',
      message:
        `${quote(text)} is not a valid workspace key: ` +
        'use letters, digits and hyphens, as in the first part of acme.halopsa.com.',
      nextStep: workspaceNextStep,
    });
  }

  const workspaceKey = text.toLowerCase();
  return {instanceUrl: `https://${workspaceKey}${hostedSuffix}`, workspaceKey};
}

function stripKnownSuffix(pathname: string): string {
  const path = pathname.replace(/\/+$/, '');
  const lowerPath = path.toLowerCase();

  // HaloPSA routes are case-insensitive, so "/API" is cut as well.
  const suffix = knownSuffixes.find((candidate) => lowerPath.endsWith(candidate));
  if (suffix === undefined) {
    return path;
  }

  return path.slice(0, -suffix.length).replace(/\/+$/, '');
}

function keyOfHostedInstance(hostname: string): string | null {
  if (!hostname.endsWith(hostedSuffix)) {
    return null;
  }

  const key = hostname.slice(0, -hostedSuffix.length);
  return workspaceKeyPattern.test(key) ? key : null;
}
