// Runs bench/account-table-bench.tsx: esbuild compiles it (Node 20 cannot run TypeScript or
// JSX) into a temporary file next to it, which is removed afterwards.
import {rm} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outfile = path.join(root, 'bench', '.account-table-bench.mjs');

await build({
  entryPoints: [path.join(root, 'bench', 'account-table-bench.tsx')],
  outfile,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  define: {'process.env.NODE_ENV': '"production"'},
  logLevel: 'warning',
});

try {
  await import(pathToFileURL(outfile).href);
} finally {
  await rm(outfile, {force: true});
}
