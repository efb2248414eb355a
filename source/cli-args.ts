import {parseArgs} from 'node:util';
import type {SettingsFlags} from './commands/resolve-settings.js';
import {watchIntervalSeconds} from './commands/status-watch.js';
import {HaloWizardError} from './errors.js';

export type CommandName =
  | 'wizard'
  | 'setup'
  | 'status'
  | 'accounts'
  | 'emulator'
  | 'login'
  | 'logout'
  | 'reset';

/** The parsed command line; flags the command does not use are rejected, not ignored. */
export type CliArguments = SettingsFlags & {
  command: CommandName;
  demo: boolean;
  nonInteractive: boolean;
  noBrowser: boolean;
  timeoutSeconds: number;
  profile: string | undefined;
  json: boolean;
  csv: boolean;
  port: number | undefined;
  users: number | undefined;
  /** reset: delete without asking. */
  yes: boolean;
  /** status: seconds between rounds of --watch, or null without --watch. */
  watchSeconds: number | null;
};

const options = {
  demo: {type: 'boolean'},
  'non-interactive': {type: 'boolean'},
  workspace: {type: 'string'},
  'client-id': {type: 'string'},
  'base-uri': {type: 'string'},
  tenant: {type: 'string'},
  'redirect-uri': {type: 'string'},
  scopes: {type: 'string'},
  'no-browser': {type: 'boolean'},
  timeout: {type: 'string'},
  profile: {type: 'string'},
  json: {type: 'boolean'},
  csv: {type: 'boolean'},
  port: {type: 'string'},
  users: {type: 'string'},
  yes: {type: 'boolean'},
  watch: {type: 'string'},
} as const;

const commandFlags: Record<CommandName, ReadonlyArray<keyof typeof options>> = {
  wizard: ['demo', 'workspace', 'client-id', 'base-uri', 'tenant', 'redirect-uri', 'scopes',
    'no-browser', 'timeout', 'profile'],
  setup: ['demo', 'non-interactive', 'workspace', 'client-id', 'base-uri', 'tenant',
    'redirect-uri', 'scopes', 'no-browser', 'timeout', 'profile', 'json'],
  status: ['profile', 'json', 'watch'],
  accounts: ['profile', 'json', 'csv'],
  emulator: ['port', 'users'],
  login: ['profile', 'no-browser', 'timeout', 'json'],
  logout: ['profile', 'json'],
  reset: ['profile', 'yes', 'json'],
};

const commands = new Set<string>([
  'setup',
  'status',
  'accounts',
  'emulator',
  'login',
  'logout',
  'reset',
]);

function usageError(message: string): HaloWizardError {
  return new HaloWizardError('invalid-arguments', message, {
    kind: 'usage',
    nextStep: 'Run `halo-wizard --help` for the commands and flags.',
  });
}

function parseWholeNumber(flag: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw usageError(`--${flag} takes a whole number from ${min} to ${max}; got "${value}".`);
  }

  return number;
}

/** Parses argv (without node and the script); throws a usage HaloWizardError on bad input. */
export function parseCliArguments(argv: string[]): CliArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: withWatchValue(argv),
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw usageError(describeParseError(error));
  }

  const {values, positionals} = parsed;
  if (positionals.length > 1 || (positionals[0] && !commands.has(positionals[0]))) {
    throw usageError(`Unknown command "${positionals.join(' ')}".`);
  }

  const command = (positionals[0] ?? 'wizard') as CommandName;
  for (const flag of Object.keys(values)) {
    if (!commandFlags[command].includes(flag as keyof typeof options)) {
      const name = command === 'wizard' ? 'halo-wizard' : `halo-wizard ${command}`;
      throw usageError(`${name} does not take --${flag}.`);
    }
  }

  if (values.json && values.csv) {
    throw usageError('Choose one of --json and --csv.');
  }

  if (values.json && values.watch !== undefined) {
    throw usageError('Choose one of --json and --watch.');
  }

  return {
    command,
    demo: values.demo ?? false,
    nonInteractive: values['non-interactive'] ?? false,
    workspace: values.workspace,
    clientId: values['client-id'],
    baseUri: values['base-uri'],
    tenant: values.tenant,
    redirectUri: values['redirect-uri'],
    scopes: values.scopes,
    noBrowser: values['no-browser'] ?? false,
    timeoutSeconds:
      values.timeout === undefined ? 300 : parseWholeNumber('timeout', values.timeout, 1, 86_400),
    profile: values.profile,
    json: values.json ?? false,
    csv: values.csv ?? false,
    port: values.port === undefined ? undefined : parseWholeNumber('port', values.port, 0, 65_535),
    users:
      values.users === undefined ? undefined : parseWholeNumber('users', values.users, 10, 50_000),
    yes: values.yes ?? false,
    watchSeconds:
      values.watch === undefined
        ? null
        : parseWholeNumber(
            'watch',
            values.watch === '' ? String(watchIntervalSeconds.default) : values.watch,
            watchIntervalSeconds.minimum,
            watchIntervalSeconds.maximum,
          ),
  };
}

// parseArgs has no optional option values, so `--watch` takes the next argument only when it
// is a number, and an empty value (the default interval) otherwise.
function withWatchValue(argv: string[]): string[] {
  const result: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument !== '--watch') {
      result.push(argument);
      continue;
    }

    const next = argv[index + 1];
    if (next !== undefined && /^\d+$/.test(next)) {
      result.push(`--watch=${next}`);
      index += 1;
    } else {
      result.push('--watch=');
    }
  }

  return result;
}

// node:util's message for an unknown flag explains positional arguments after `--`. That is no
// help for a typo, so this names the flag and the closest known one instead.
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as {code?: unknown}).code;
  const flag = /'(-{1,2}[^']+)'/.exec(message)?.[1];
  if (code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || flag === undefined) {
    return message;
  }

  const name = flag.replace(/^-+/, '');
  const closest = Object.keys(options)
    .map((option) => ({option, distance: editDistance(name, option)}))
    .sort((left, right) => left.distance - right.distance)[0];
  // A third of the typed length tolerates a typo or two without suggesting unrelated flags.
  const tolerance = Math.max(1, Math.floor(name.length / 3));
  const suggestion =
    closest && closest.distance <= tolerance ? ` Did you mean --${closest.option}?` : '';
  return `Unknown flag ${flag}.${suggestion}`;
}

/** Returns the Levenshtein distance: the fewest single-character edits from one to the other. */
function editDistance(from: string, to: string): number {
  let previous = Array.from({length: to.length + 1}, (_, index) => index);
  for (let row = 1; row <= from.length; row++) {
    const current = [row];
    for (let column = 1; column <= to.length; column++) {
      const cost = from[row - 1] === to[column - 1] ? 0 : 1;
      const substitution = (previous[column - 1] ?? 0) + cost;
      const deletion = (previous[column] ?? 0) + 1;
      const insertion = (current[column - 1] ?? 0) + 1;
      current[column] = Math.min(substitution, deletion, insertion);
    }

    previous = current;
  }

  return previous[to.length] ?? 0;
}
