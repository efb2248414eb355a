/**
 * The Login Redirect URL the wizard suggests registering in Halo. One fixed port, because
 * whether Halo relaxes the port match for loopback redirects is unknown.
 */
export const defaultRedirectUri = 'http://127.0.0.1:47135/callback';

/** `all` grants what the signed-in agent may do; `offline_access` requests a refresh token. */
export const defaultScope = 'all offline_access';
