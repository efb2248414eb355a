import {render} from 'ink';
import {defaultRedirectUri, defaultScope} from '../auth/defaults.js';
import type {FailureField} from '../errors.js';
import {exitCodeFor, exitCodes} from '../exit-codes.js';
import type {Environment} from '../halo/types.js';
import type {ConfigStore} from '../store/config-store.js';
import {supportsHyperlinks} from '../ui/terminal-link.js';
import {Wizard} from '../wizard/wizard.js';
import type {WizardOutcome} from '../wizard/wizard-services.js';
import type {SettingsFlags} from './resolve-settings.js';
import {type CommandIo, reportFailure} from './output.js';
import {createWizardServices} from './wizard-services.js';

/** Exit code 130 is the shell's convention for a program ended by Ctrl+C (128 + SIGINT). */
const quitExitCode = 130;

export type WizardInput = {
  io: CommandIo;
  environment: Environment;
  store: ConfigStore;
  profileName: string;
  flags: SettingsFlags;
  timeoutSeconds: number;
  /** Demo mode: what the wizard shows under the fields as the value to type. */
  hints?: Partial<Record<'workspace' | 'clientId', string>>;
  /** Opens the wizard at the failing field of the saved connection, for "edit and retry". */
  retry?: {instanceUrl: string; field: FailureField};
};

/** Renders the guided setup and turns its outcome into the process exit code. */
export async function runWizard(input: WizardInput): Promise<number> {
  const {io, store, profileName, flags} = input;
  const services = createWizardServices({environment: input.environment, store, profileName});
  const saved = store.getProfile(profileName)?.settings;
  const initial = {
    ...definedOnly({
      workspace: saved?.workspace,
      baseUri: saved?.baseUri,
      tenant: saved?.tenant ?? undefined,
      clientId: saved?.clientId,
      redirectUri: saved?.redirectUri,
      scope: saved?.scope,
    }),
    ...definedOnly({
      workspace: flags.workspace,
      baseUri: flags.baseUri,
      tenant: flags.tenant,
      clientId: flags.clientId,
      redirectUri: flags.redirectUri,
      scope: flags.scopes,
    }),
  };

  let outcome: WizardOutcome | undefined;
  const instance = render(
    <Wizard
      services={services}
      initial={initial}
      defaultRedirectUri={defaultRedirectUri}
      defaultScope={defaultScope}
      signInTimeoutMs={input.timeoutSeconds * 1000}
      {...(input.hints ? {hints: input.hints} : {})}
      {...(input.retry ? {retry: input.retry} : {})}
      hyperlinks={supportsHyperlinks(input.environment.env, process.stdout.isTTY === true)}
      onExit={(result) => {
        outcome = result;
        instance.unmount();
      }}
    />,
    {stdout: process.stdout, stdin: process.stdin, exitOnCtrlC: true},
  );

  try {
    await instance.waitUntilExit();
  } catch (error) {
    return reportFailure(io, error, {json: false});
  }

  if (!outcome || outcome.status === 'cancelled') {
    io.stderr.write('Setup stopped.\n');
    return quitExitCode;
  }

  if (outcome.status === 'failed') {
    return reportFailure(io, outcome.error, {json: false});
  }

  return outcome.ok ? exitCodes.success : exitCodeFor('rejected');
}

function definedOnly<T extends Record<string, string | undefined>>(
  values: T,
): Partial<Record<keyof T, string>> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  ) as Partial<Record<keyof T, string>>;
}
