import {generateKeyPairSync, randomBytes, sign, type KeyObject} from 'node:crypto';

/** Signs compact JWTs; `type` goes into the `typ` header (`at+jwt`, `JWT`). */
export type JwtSigner = (payload: Record<string, unknown>, type: string) => string;

let processKey: KeyObject | undefined;

/**
 * Returns an RS256 signer. Halo's auth server signs with RS256, and clients such as
 * oauth4webapi 3 reject an id_token with any other `alg` unless told otherwise, so an HMAC
 * would not do. The key is drawn once per process because RSA generation takes tens of
 * milliseconds; no JWKS is published, so nobody can check the signature anyway.
 */
export function createJwtSigner(): JwtSigner {
  processKey ??= generateKeyPairSync('rsa', {modulusLength: 2048}).privateKey;
  const key = processKey;
  const keyId = randomBytes(8).toString('hex');
  return (payload, type) => {
    const header = encodeSegment({alg: 'RS256', typ: type, kid: keyId});
    const body = encodeSegment(payload);
    const signature = sign('sha256', Buffer.from(`${header}.${body}`), key).toString('base64url');
    return `${header}.${body}.${signature}`;
  };
}

/** Returns `bytes` random bytes as unpadded base64url, for codes and opaque tokens. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}
