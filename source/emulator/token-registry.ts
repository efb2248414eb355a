import {createHash} from 'node:crypto';
import {randomToken} from './jwt.js';

/** The rights a sign-in grants. Codes, access and refresh tokens each carry one. */
export type Grant = {
  agentId: number;
  clientId: string;
  /** Granted scopes, space-separated. */
  scope: string;
  /** Every token issued from one sign-in shares a family, revoked together on replay. */
  familyId: string;
};

/** An authorization code waiting to be redeemed. */
type CodeEntry = Grant & {
  redirectUri: string;
  codeChallenge: string;
  expiresAt: number;
  redeemed: boolean;
};

type TokenEntry = Grant & {expiresAt: number; revoked: boolean};

/** The reason a code or refresh token was rejected, in words safe to send to the client. */
export type GrantFailure = {ok: false; description: string};

/**
 * Codes, access and refresh tokens of one emulator, looked up on every request so that expiry,
 * revocation and replay take effect at once. Times are epoch milliseconds from `now`.
 */
export class TokenRegistry {
  private readonly codes = new Map<string, CodeEntry>();
  private readonly accessTokens = new Map<string, TokenEntry>();
  private readonly refreshTokens = new Map<string, TokenEntry & {spent: boolean}>();
  private readonly revokedFamilies = new Set<string>();

  constructor(private readonly now: () => number) {}

  /** Stores a new code bound to the client, redirect URI and PKCE challenge. */
  issueCode(
    grant: Omit<Grant,
    'familyId'>,
    binding: {redirectUri: string; codeChallenge: string; ttlS: number},
  ): string {
    const code = randomToken();
    this.codes.set(code, {
      ...grant,
      familyId: randomToken(12),
      redirectUri: binding.redirectUri,
      codeChallenge: binding.codeChallenge,
      expiresAt: this.now() + binding.ttlS * 1000,
      redeemed: false,
    });
    return code;
  }

  /**
   * Redeems a code once. A second redemption fails and revokes every token issued from the
   * first, as RFC 6749 §4.1.2 recommends. Each mismatch fails with its own description.
   */
  redeemCode(
    code: string,
    request: {clientId: string; redirectUri: string; codeVerifier: string},
  ): {ok: true; grant: Grant} | GrantFailure {
    const entry = this.codes.get(code);
    if (entry === undefined) {
      return {ok: false, description: 'The specified authorization code is invalid.'};
    }

    if (entry.redeemed) {
      this.revokedFamilies.add(entry.familyId);
      return failure('The specified authorization code has already been redeemed.');
    }

    entry.redeemed = true;
    if (entry.expiresAt <= this.now()) {
      return {ok: false, description: 'The specified authorization code is no longer valid.'};
    }

    if (entry.clientId !== request.clientId) {
      return failure('The specified authorization code was issued to another client.');
    }

    if (entry.redirectUri !== request.redirectUri) {
      return failure("The 'redirect_uri' differs from the one the code was issued for.");
    }

    const challenge = createHash('sha256').update(request.codeVerifier).digest('base64url');
    if (challenge !== entry.codeChallenge) {
      return {ok: false, description: "The specified 'code_verifier' is invalid."};
    }

    return {ok: true, grant: toGrant(entry)};
  }

  /** Registers an access token for `grant` that lives `ttlS` seconds. */
  addAccessToken(token: string, grant: Grant, ttlS: number): void {
    this.accessTokens.set(token, {...grant, expiresAt: this.now() + ttlS * 1000, revoked: false});
  }

  /** Registers a single-use refresh token for `grant`. */
  addRefreshToken(grant: Grant, ttlS: number): string {
    const token = randomToken();
    this.refreshTokens.set(token, {
      ...grant,
      expiresAt: this.now() + ttlS * 1000,
      revoked: false,
      spent: false,
    });
    return token;
  }

  /**
   * Spends a refresh token. Replaying a spent one revokes its whole family, so a client that
   * lost a refresh race must sign in again. With `keep` the token stays usable, which models
   * a server that responds without a new refresh token.
   */
  spendRefreshToken(
    token: string,
    clientId: string,
    keep: boolean,
  ): {ok: true; grant: Grant} | GrantFailure {
    const entry = this.refreshTokens.get(token);
    if (entry === undefined || entry.clientId !== clientId) {
      return {ok: false, description: 'The specified refresh token is invalid.'};
    }

    if (entry.spent) {
      this.revokedFamilies.add(entry.familyId);
      return {ok: false, description: 'The specified refresh token has already been redeemed.'};
    }

    if (this.revokedFamilies.has(entry.familyId) || entry.revoked) {
      return {ok: false, description: 'The specified refresh token has been revoked.'};
    }

    if (entry.expiresAt <= this.now()) {
      return {ok: false, description: 'The specified refresh token is no longer valid.'};
    }

    entry.spent = !keep;
    return {ok: true, grant: toGrant(entry)};
  }

  /** Returns the grant behind a live access token, or null when unknown, expired or revoked. */
  findAccessToken(token: string): Grant | null {
    const entry = this.accessTokens.get(token);
    if (entry === undefined || entry.revoked || this.revokedFamilies.has(entry.familyId)) {
      return null;
    }

    return entry.expiresAt > this.now() ? toGrant(entry) : null;
  }

  /** Revokes every access token issued so far; refresh tokens stay valid. */
  revokeAccessTokens(): void {
    for (const entry of this.accessTokens.values()) {
      entry.revoked = true;
    }
  }
}

function failure(description: string): GrantFailure {
  return {ok: false, description};
}

function toGrant(entry: Grant): Grant {
  return {
    agentId: entry.agentId,
    clientId: entry.clientId,
    scope: entry.scope,
    familyId: entry.familyId,
  };
}
