#!/usr/bin/env node
// The bin entry. --version and --help are handled before Ink, React and the rest are loaded,
// which makes them about twice as fast as a full start.
import {helpText} from './help.js';

declare const HALO_WIZARD_VERSION: string;

const argv = process.argv.slice(2);

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  process.stdout.write(`${HALO_WIZARD_VERSION}\n`);
} else if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(helpText);
} else {
  const {runCli} = await import('./cli.js');
  process.exitCode = await runCli(argv);
}
