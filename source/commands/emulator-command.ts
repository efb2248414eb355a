import {type HaloEmulator, startHaloEmulator} from '../emulator/halo-emulator.js';
import {HaloWizardError} from '../errors.js';
import type {CommandIo} from './output.js';

/** Lines that tell a person how to use a running emulator: URL, Client ID, redirect, sign-in. */
export function describeEmulator(emulator: HaloEmulator): string[] {
  return [
    `Workspace URL:    ${emulator.instanceUrl}`,
    `Authorisation:    ${emulator.authUrl}`,
    `Client ID:        ${emulator.application.clientId}`,
    `Redirect URL:     ${emulator.application.redirectUris.join(', ')}`,
    `Demo sign-in:     ${emulator.demoCredentials.username} / ${emulator.demoCredentials.password}`,
  ];
}

/** Runs the emulator alone until SIGINT or SIGTERM. */
export async function runEmulatorCommand(input: {
  io: CommandIo;
  port: number | undefined;
  users: number | undefined;
}): Promise<number> {
  let emulator: HaloEmulator;
  try {
    emulator = await startHaloEmulator({
      ...(input.port === undefined ? {} : {port: input.port}),
      ...(input.users === undefined ? {} : {userCount: input.users}),
    });
  } catch (error) {
    throw toListenError(error, input.port ?? 0);
  }

  input.io.stdout.write('HaloPSA emulator running on 127.0.0.1.\n');
  for (const line of describeEmulator(emulator)) {
    input.io.stdout.write(`${line}\n`);
  }

  input.io.stdout.write(
    `Try: halo-wizard setup --workspace ${emulator.instanceUrl} --client-id ${emulator.application.clientId}\n` +
      'Press Ctrl+C to stop.\n',
  );

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await emulator.close();
  return 0;
}

// Returns a usage error for a port that cannot be bound, and any other error unchanged.
function toListenError(error: unknown, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return new HaloWizardError(
      'emulator-port-in-use',
      `Port ${port} is in use; choose another with --port or --port 0 for any free port.`,
      {
        kind: 'usage',
        nextStep: 'Stop the program that listens on that port, or pass another --port.',
        cause: error,
      },
    );
  }

  // Ports below 1024 need root or CAP_NET_BIND_SERVICE on Linux.
  if (code === 'EACCES') {
    return new HaloWizardError(
      'emulator-port-not-allowed',
      `Listening on port ${port} was denied by the operating system.`,
      {
        kind: 'usage',
        nextStep: 'Choose a port above 1023 with --port, or --port 0 for any free port.',
        cause: error,
      },
    );
  }

  return error;
}
