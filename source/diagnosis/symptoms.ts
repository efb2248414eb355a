import type {FailureField} from '../errors.js';

/** One thing a person can see go wrong, with its likely cause and the fix. */
export type Symptom = {
  /** The HaloWizardError codes that show this symptom. */
  codes: readonly string[];
  /** The visible symptom, as a heading in readme.md "Troubleshooting by symptom". */
  heading: string;
  /** Account of the failure in plain words. */
  happened: string;
  /** The likely cause. */
  cause: string;
  /** The wizard field to change, or null when the fix is outside the settings. */
  field: FailureField;
  /**
   * The change to make and where. `{name}` placeholders are filled by `fixFor` with the value
   * of the failing attempt, such as the redirect URL.
   */
  fix: string;
};

const apiDetails = 'Configuration > Integrations > HaloPSA API > API Details';
const application =
  'Configuration > Integrations > HaloPSA API > View Applications, open this application';
const signInAgain =
  'Run `halo-wizard login` to sign in again with the saved settings (add --profile <name> ' +
  'for another profile).';

/** Every diagnosed failure, in the order readme.md lists them. */
export const symptoms: readonly Symptom[] = [
  {
    codes: ['host-not-found', 'server-not-found'],
    heading: 'Workspace or server not found',
    happened: 'The host name of the address could not be looked up (DNS).',
    cause:
      'A typo in the workspace key, or an instance outside halopsa.com (HaloITSM, ' +
      'on-premise, a custom domain) entered as a key.',
    field: 'workspace',
    fix:
      'Check the spelling. An instance outside halopsa.com needs its full address, such as ' +
      `https://support.example.com; Halo shows its addresses under ${apiDetails}.`,
  },
  {
    codes: ['not-halo-instance'],
    heading: 'The address is not a Halo instance',
    happened: 'The address answers, but /api/authinfo is not Halo\'s and /api returns a web page.',
    cause:
      'The address of a company website, a portal or a sign-in page in front of Halo was ' +
      'entered instead of the address you open Halo at.',
    field: 'workspace',
    fix:
      'Enter the address you open Halo at: the Authorisation Server URL under ' +
      `${apiDetails} without its /auth ending.`,
  },
  {
    codes: ['connection-refused', 'server-unreachable'],
    heading: 'Connection refused',
    happened: 'The server refused the connection.',
    cause: 'A wrong port in the address, or an on-premise instance that is not running.',
    field: 'workspace',
    fix: 'Check the address and port; for an on-premise instance, check that it is running.',
  },
  {
    codes: ['request-timed-out', 'server-timed-out'],
    heading: 'Requests time out',
    happened: 'The server did not answer in time.',
    cause: 'A firewall or proxy dropping the connection, or an overloaded server.',
    field: 'workspace',
    fix: 'Check the address and your network or proxy, then try again.',
  },
  {
    codes: ['token-request-timed-out'],
    heading: 'Token request timed out',
    happened: 'The token endpoint accepted the request but sent no response in time.',
    cause:
      'Halo\'s authorisation server is overloaded or failing, a proxy holds the request, or ' +
      'the Base URI points at a server that never answers.',
    field: 'baseUri',
    fix:
      'Try again in a few minutes. If it keeps happening, check the Base URI against the ' +
      `Authorisation Server URL under ${apiDetails}, and your network or proxy.`,
  },
  {
    codes: ['tls-failed', 'server-certificate-rejected'],
    heading: 'Certificate rejected',
    happened: 'The server\'s TLS certificate is not trusted on this machine.',
    cause: 'An on-premise instance with a certificate from a private certificate authority.',
    field: 'workspace',
    fix:
      'If the instance uses a private certificate authority, set NODE_EXTRA_CA_CERTS to its ' +
      'PEM file; otherwise check the address.',
  },
  {
    codes: ['authorize-endpoint-not-found', 'token-endpoint-not-oauth'],
    heading: 'Wrong Base URI',
    happened: 'The authorisation server address has no sign-in page or token endpoint.',
    cause: 'The Resource Server (/api) URL or a browser page was pasted as the Base URI.',
    field: 'baseUri',
    fix: `Copy the Authorisation Server URL from ${apiDetails}.`,
  },
  {
    codes: ['token-response-invalid'],
    heading: 'Invalid token response',
    happened: 'The token endpoint returned JSON that is not a valid OAuth token response.',
    cause:
      'The Base URI points at a server other than Halo\'s authorisation server, or a proxy ' +
      'changes the responses.',
    field: 'baseUri',
    fix:
      `Copy the Authorisation Server URL from ${apiDetails}, and check that no proxy ` +
      'rewrites the responses from Halo.',
  },
  {
    codes: ['redirect-uri-not-registered'],
    heading: 'Redirect URL not registered or different',
    happened: 'Halo showed an error page instead of the sign-in page.',
    cause:
      'The Login Redirect URL is missing or not identical: localhost and 127.0.0.1 differ, ' +
      'and so do another port, path, trailing slash or https.',
    field: 'redirectUri',
    fix:
      `In Halo, open ${application}, paste exactly {redirectUri} into Login Redirect URL, ` +
      'then save.',
  },
  {
    codes: ['client-id-not-accepted', 'client-rejected'],
    heading: 'Client ID unknown',
    happened: 'Halo does not know the Client ID.',
    cause:
      'The Client ID was copied before the application was saved (Halo issues a new one on ' +
      'save), it was mistyped, or the application is not Active.',
    field: 'clientId',
    fix:
      `In Halo, open ${application} and tick Active, save, then copy the Client ID shown ` +
      'after saving. On a shared authorisation server, check the Tenant as well.',
  },
  {
    codes: ['wrong-authentication-method'],
    heading: 'Wrong authentication method',
    happened: 'Halo refused the authorisation code flow for this application.',
    cause:
      'The application uses Client ID and Secret (Services), Implicit, Username and ' +
      'Password or API Key instead of the authorisation code flow.',
    field: 'clientId',
    fix:
      `In Halo, open ${application} and set Authentication Method to Authorisation Code ` +
      '(Native Application), then save and sign in again.',
  },
  {
    codes: ['agent-logins-not-allowed'],
    heading: 'Agent logins not allowed',
    happened: 'Halo refused the agent\'s sign-in for this application.',
    cause: 'Allow Agent Logins is off on the application.',
    field: null,
    fix: `In Halo, open ${application}, tick Allow Agent Logins, save, then sign in again.`,
  },
  {
    codes: ['sign-in-declined'],
    heading: 'Sign-in declined or cancelled',
    happened: 'The browser came back with access_denied.',
    cause:
      'Cancel was pressed on Halo\'s page, or Halo refused the account: an end user, a ' +
      'disabled agent or an API-only agent.',
    field: null,
    fix:
      'Start the sign-in again and approve the request, signed in as a normal agent. If ' +
      `Halo refused the login, open ${application} and tick Allow Agent Logins.`,
  },
  {
    codes: ['scope-not-allowed', 'permission-denied'],
    heading: 'Permission missing (HTTP 403 or invalid_scope)',
    happened: 'Halo refused a request or a scope for lack of rights.',
    cause:
      'The Permissions tab of the application lacks `all`, or the signed-in agent cannot see ' +
      'every customer: the rights are the application\'s scopes intersected with the agent\'s.',
    field: null,
    fix:
      `In Halo, open ${application}, tick \`all\` on the Permissions tab and save, then sign ` +
      'in again. If `all` is ticked already, sign in as an agent who can see every customer.',
  },
  {
    codes: ['tenant-rejected'],
    heading: 'Tenant needed on a shared authorisation server',
    happened: 'The shared authorisation server did not find the tenant.',
    cause:
      'Trial and some hosted instances sign in on a shared server that needs the tenant, ' +
      'and it was missing or wrong.',
    field: 'tenant',
    fix: `Enter the Tenant shown under ${apiDetails}.`,
  },
  {
    codes: [
      'session-expired',
      'refresh-token-rejected',
      'access-token-rejected',
      'session-ended',
    ],
    heading: 'Session expired or revoked',
    happened: 'The saved sign-in no longer works.',
    cause:
      'The refresh token expired, was revoked or was used already (two copies of ' +
      'halo-wizard refreshing at once), or the application was deactivated.',
    field: null,
    fix: `${signInAgain} Nothing needs to change in Halo.`,
  },
  {
    codes: ['not-signed-in', 'signed-out'],
    heading: 'Signed out',
    happened: 'The profile has its settings but no saved sign-in.',
    cause: '`halo-wizard logout` deleted its tokens, or an ended session cleared them.',
    field: null,
    fix: signInAgain,
  },
  {
    codes: ['rate-limited'],
    heading: 'Rate limited (HTTP 429)',
    happened: 'Halo kept answering 429 Too Many Requests after halo-wizard waited and retried.',
    cause: 'Many requests in a short time, or other integrations sharing the same API limit.',
    field: null,
    fix: 'Wait {wait}, then run the command again; other integrations may share the limit.',
  },
  {
    codes: ['server-error', 'token-endpoint-failed'],
    heading: 'Halo unavailable (HTTP 5xx)',
    happened: 'Halo answered with a server error on every retry.',
    cause: 'Halo is under maintenance, overloaded or failing.',
    field: null,
    fix: 'Wait a few minutes, then try again; if it persists, ask your Halo administrator.',
  },
  {
    codes: ['response-not-json'],
    heading: 'A web page instead of Halo\'s data (proxy or SSO)',
    happened: 'A request that returns JSON at Halo returned a web page or broken JSON.',
    cause:
      'A proxy, captive portal or single sign-on page answers instead of Halo, or the ' +
      'instance address points at a web page.',
    field: 'workspace',
    fix:
      'Check that the instance URL is the address you open Halo at and that this network ' +
      'reaches Halo without a proxy or sign-in page answering in its place.',
  },
  {
    codes: ['api-not-found'],
    heading: 'Halo API not found (HTTP 404)',
    happened: 'The instance has no API at the expected address.',
    cause: 'The instance URL has an extra path, or points at another web application.',
    field: 'workspace',
    fix: 'Enter the address you open Halo at, without /api or /auth.',
  },
  {
    codes: ['port-in-use', 'port-unavailable'],
    heading: 'Redirect port busy',
    happened: 'halo-wizard could not listen on the port of the Login Redirect URL.',
    cause: 'Another program, or another halo-wizard, uses that port.',
    field: 'redirectUri',
    fix:
      'Free the port, or choose another redirect URL with --redirect-uri (for example ' +
      '{otherRedirectUri}) and register that URL in Halo as a Login Redirect URL too.',
  },
  {
    codes: ['sign-in-timed-out'],
    heading: 'Sign-in timed out',
    happened: 'No sign-in response reached halo-wizard in time.',
    cause:
      'The browser showed a Halo error page, the sign-in tab was left open, or the browser ' +
      'runs on a machine that cannot reach the loopback redirect URL.',
    field: null,
    fix:
      'If Halo showed an error page, check that the Login Redirect URL is registered ' +
      'exactly as shown and that the Client ID was copied after saving. Otherwise start the ' +
      'sign-in again, or paste the address the browser ended on.',
  },
  {
    codes: ['authorization-code-rejected', 'state-mismatch'],
    heading: 'Stale sign-in tab',
    happened: 'The sign-in response belongs to an older attempt, or its code was spent.',
    cause: 'An older browser tab was used, or the sign-in page was left open for minutes.',
    field: null,
    fix:
      'Close old sign-in tabs and start the sign-in again. When pasting the address, paste ' +
      'the one from the tab opened for this sign-in.',
  },
];
