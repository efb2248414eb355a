import {type HaloEmulator, startHaloEmulator} from '../emulator/halo-emulator.js';
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
  const emulator = await startHaloEmulator({
    ...(input.port === undefined ? {} : {port: input.port}),
    ...(input.users === undefined ? {} : {userCount: input.users}),
  });

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
