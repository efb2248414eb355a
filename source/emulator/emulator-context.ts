import type {EmulatorApplication, EmulatorOptions} from './emulator-options.js';
import type {SeedData} from './halo-records.js';
import type {JwtSigner} from './jwt.js';
import type {TokenRegistry} from './token-registry.js';

/** The state every route handler reads; options and application may change between requests. */
export type EmulatorContext = {
  options: EmulatorOptions;
  application: EmulatorApplication;
  data: SeedData;
  registry: TokenRegistry;
  signJwt: JwtSigner;
  /** The emulator clock, epoch milliseconds. */
  now: () => number;
  /** Origin of the API listener, e.g. `http://127.0.0.1:41234`. */
  instanceUrl: string;
  /** Auth server base without a trailing slash: `<instance>/auth`, or the shared host origin. */
  authUrl: string;
  demoCredentials: {username: string; password: string};
};

/** Returns the issuer value the `iss` option puts on authorization responses, or null. */
export function issuerFor(context: EmulatorContext): string | null {
  switch (context.options.iss) {
    case 'none': {
      return null;
    }

    case 'exact': {
      return context.authUrl;
    }

    case 'trailing-slash': {
      return `${context.authUrl}/`;
    }
  }
}
