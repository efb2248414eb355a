import {rmSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {defaultRedirectUri} from '../auth/defaults.js';
import {startHaloEmulator} from '../emulator/halo-emulator.js';
import type {Environment} from '../halo/types.js';
import {openConfigStore} from '../store/config-store.js';
import type {SettingsFlags} from './resolve-settings.js';
import {describeEmulator} from './emulator-command.js';
import {findFreePort, isPortFree} from './loopback-port.js';
import type {CommandIo} from './output.js';
import {runWizard} from './run-wizard.js';

/**
 * Runs the guided setup against an in-process emulator on 127.0.0.1. The connection goes to a
 * temporary config store that is removed afterwards, so a demo never replaces a real one.
 */
export async function runDemo(input: {
  io: CommandIo;
  environment: Environment;
  flags: SettingsFlags;
  timeoutSeconds: number;
}): Promise<number> {
  const redirectUri = input.flags.redirectUri ?? (await chooseDemoRedirectUri());
  const emulator = await startHaloEmulator({redirectUris: [redirectUri]});
  const configDirectory = await mkdtemp(path.join(tmpdir(), 'halo-wizard-demo-'));
  const stopOnSignal = removeOnSignal(configDirectory);

  try {
    const environment = {
      ...input.environment,
      env: {...input.environment.env, HALO_WIZARD_CONFIG_DIR: configDirectory},
    };
    const store = openConfigStore({env: environment.env, now: environment.now});

    input.io.stderr.write('Demo: a HaloPSA emulator is running on this machine.\n');
    for (const line of describeEmulator(emulator)) {
      input.io.stderr.write(`  ${line}\n`);
    }

    input.io.stderr.write('\n');

    return await runWizard({
      io: input.io,
      environment,
      store,
      profileName: 'default',
      flags: {...input.flags, redirectUri},
      timeoutSeconds: input.timeoutSeconds,
      hints: {
        workspace: `Demo: type ${emulator.instanceUrl}`,
        clientId: `Demo: type ${emulator.application.clientId} (also on the emulator's application page)`,
      },
    });
  } finally {
    stopOnSignal();
    await emulator.close();
    await rm(configDirectory, {recursive: true, force: true});
  }
}

/**
 * Removes the demo's config folder, which contains the demo's tokens, when the terminal closes
 * (SIGHUP) or the process receives SIGTERM, then exits with the signal's code. Returns
 * the function that removes these handlers.
 */
function removeOnSignal(directory: string): () => void {
  const signals = {SIGHUP: 129, SIGTERM: 143} as const;
  const handlers = Object.entries(signals).map(([signal, code]) => {
    const handler = () => {
      rmSync(directory, {recursive: true, force: true});
      process.exit(code);
    };

    process.once(signal, handler);
    return {signal, handler};
  });

  return () => {
    for (const {signal, handler} of handlers) {
      process.off(signal, handler);
    }
  };
}

/** Returns the default redirect URL when its port is free, else the same URL on a free port. */
async function chooseDemoRedirectUri(): Promise<string> {
  const url = new URL(defaultRedirectUri);
  if (await isPortFree(Number(url.port))) {
    return defaultRedirectUri;
  }

  url.port = String(await findFreePort());
  return url.href;
}
