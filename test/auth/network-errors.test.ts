import {describe, expect, it} from 'vitest';
import {explainNetworkFailure} from '../../source/auth/network-errors.js';

// Node's fetch throws TypeError('fetch failed') with the socket error as its cause.
function fetchFailure(code: string): TypeError {
  const cause = Object.assign(new Error(`connect ${code}`), {code});
  return new TypeError('fetch failed', {cause});
}

describe('explainNetworkFailure', () => {
  it('names the host for a dns failure', () => {
    const error = explainNetworkFailure(fetchFailure('ENOTFOUND'), 'https://acme.halopsa.com/auth/token');

    expect(error?.code).toBe('server-not-found');
    expect(error?.message).toContain('acme.halopsa.com');
    expect(error?.field).toBe('baseUri');
  });

  it('mentions NODE_EXTRA_CA_CERTS for a tls failure', () => {
    const error = explainNetworkFailure(
      fetchFailure('SELF_SIGNED_CERT_IN_CHAIN'),
      'https://halo.internal.test/auth/token',
    );

    expect(error?.code).toBe('server-certificate-rejected');
    expect(error?.message).toContain('halo.internal.test');
    expect(error?.nextStep).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('reads the first error of an aggregate cause', () => {
    const cause = new AggregateError([Object.assign(new Error('x'), {code: 'ECONNREFUSED'})]);
    const error = explainNetworkFailure(
      new TypeError('fetch failed', {cause}),
      'http://localhost:9/auth/token',
    );

    expect(error?.code).toBe('server-unreachable');
    expect(error?.message).toContain('ECONNREFUSED');
  });

  it('returns null for errors that are not network failures', () => {
    expect(explainNetworkFailure(new Error('other'), 'https://acme.halopsa.com')).toBeNull();
  });
});
