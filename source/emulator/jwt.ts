import {generateKeyPairSync, randomBytes, sign, type KeyObject} from 'node:crypto';

/** Signs compact JWTs; `type` goes into the `typ` header (`at+jwt`, `JWT`). */
export type JwtSigner = (payload: Record<string, unknown>, type: string) => string;

let processKey: KeyObject | undefined;

/**
 * Returns an RS256 signer. oauth4webapi 3 rejects an id_token whose `alg` is not RS256
 * unless the client configures another, so an HMAC signature would break its code exchange.
 * The key is generated once per process because RSA generation takes up to a second on a slow
 * machine. No JWKS is published, so clients cannot verify the signature.
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
