import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

// End-to-end tests run the real bundle, so it is rebuilt once per run (esbuild takes about a
// second) and a stale dist/ can never pass for the current source.
export default function buildBundle(): void {
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.js')], {stdio: 'inherit'});
}
