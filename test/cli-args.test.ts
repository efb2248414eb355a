import {describe, expect, it} from 'vitest';
import {parseCliArguments} from '../source/cli-args.js';
import {HaloWizardError} from '../source/errors.js';

function parseError(argv: string[]): HaloWizardError {
  try {
    parseCliArguments(argv);
  } catch (error) {
    if (error instanceof HaloWizardError) {
      return error;
    }

    throw error;
  }

  throw new Error(`parseCliArguments accepted ${argv.join(' ')}`);
}

describe('parseCliArguments', () => {
  it('starts the wizard with no command', () => {
    const args = parseCliArguments([]);

    expect(args.command).toBe('wizard');
    expect(args.timeoutSeconds).toBe(300);
    expect(args.profile).toBeUndefined();
  });

  it('reads the setup flags', () => {
    const args = parseCliArguments([
      'setup', '--non-interactive', '--workspace', 'acme', '--client-id', 'id',
      '--timeout', '60', '--no-browser', '--json',
    ]);

    expect(args).toMatchObject({
      command: 'setup',
      nonInteractive: true,
      workspace: 'acme',
      clientId: 'id',
      timeoutSeconds: 60,
      noBrowser: true,
      json: true,
    });
  });

  it('suggests the closest flag for a typo', () => {
    const error = parseError(['setup', '--wrkspace', 'acme']);

    expect(error.message).toBe('Unknown flag --wrkspace. Did you mean --workspace?');
    expect(error.kind).toBe('usage');
  });

  it('suggests nothing for an unrelated flag', () => {
    expect(parseError(['status', '--foo']).message).toBe('Unknown flag --foo.');
  });

  it('rejects a flag the command does not take', () => {
    expect(parseError(['status', '--client-id', 'x']).message).toBe(
      'halo-wizard status does not take --client-id.',
    );
  });

  it('rejects an unknown command', () => {
    expect(parseError(['sync']).message).toBe('Unknown command "sync".');
  });

  it('rejects json and csv together', () => {
    expect(parseError(['accounts', '--json', '--csv']).message).toBe(
      'Choose one of --json and --csv.',
    );
  });

  it('rejects a timeout out of range', () => {
    expect(parseError(['setup', '--timeout', '0']).message).toContain('--timeout');
    expect(parseError(['setup', '--timeout', '1.5']).message).toContain('whole number');
  });

  it('takes watch with and without seconds', () => {
    expect(parseCliArguments(['status', '--watch']).watchSeconds).toBe(30);
    expect(parseCliArguments(['status', '--watch', '10']).watchSeconds).toBe(10);
    expect(parseCliArguments(['status']).watchSeconds).toBeNull();
  });
});
