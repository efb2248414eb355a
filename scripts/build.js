// Bundles the CLI into one ESM file, dist/halo-wizard.js, so that `npx halo-wizard` starts
// without resolving a node_modules tree at run time.
import {chmod, copyFile, mkdir, readFile, writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import {build} from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const packageJson = JSON.parse(
  await readFile(path.join(root, 'package.json'), 'utf8'),
);
const dist = path.join(root, 'dist');
const stub = path.join(root, 'scripts', 'react-devtools-core-stub.js');

await mkdir(dist, {recursive: true});

await build({
  entryPoints: [path.join(root, 'source', 'main.ts')],
  outfile: path.join(dist, 'halo-wizard.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  define: {
    'process.env.NODE_ENV': '"production"',
    HALO_WIZARD_VERSION: JSON.stringify(packageJson.version),
  },
  // Ink imports react-devtools-core for an opt-in debugging mode. Marking it external makes the
  // bundle crash at start, because esbuild hoists the lazy import to the top of the file.
  alias: {'react-devtools-core': stub},
  // signal-exit (used by Ink) is CommonJS and calls require() for Node built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

// The bundled `open` looks for its xdg-open script beside the bundle. Without the copy it falls
// back to a system xdg-open, which many Linux servers lack.
await copyFile(
  path.join(root, 'node_modules', 'open', 'xdg-open'),
  path.join(dist, 'xdg-open'),
);
await chmod(path.join(dist, 'xdg-open'), 0o755);
await chmod(path.join(dist, 'halo-wizard.js'), 0o755);
await writeFile(path.join(dist, 'package.json'), '{"type": "module"}\n');
