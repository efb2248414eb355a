#!/usr/bin/env node
// The bin entry. --version and --help are handled before Ink, React and the rest are loaded,
// which makes them about twice as fast as a full start.
import {helpText} from './help.js';

declare const HALO_WIZARD_VERSION: string;

const argv = process.argv.slice(2);

// A reader that goes away early, as in `halo-wizard accounts | head -1`, closes the pipe; that
// ends the output, it is not an error to report.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      process.exit(process.exitCode ?? 0);
    }

    throw error;
  });
}

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  process.stdout.write(`${HALO_WIZARD_VERSION}\n`);
} else if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(helpText);
} else {
  const {runCli} = await import('./cli.js');
  process.exitCode = await runCli(argv);
}
