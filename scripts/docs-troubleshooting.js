// Writes readme.md's "Troubleshooting by symptom" section from source/diagnosis/symptoms.ts,
// between its marker comments. test/diagnosis/troubleshooting-readme.test.ts fails when the
// readme and the table disagree.
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const readmePath = path.join(root, 'readme.md');

// Node 20 cannot import TypeScript, so esbuild compiles the module into memory first.
const bundle = await build({
  entryPoints: [path.join(root, 'source', 'diagnosis', 'troubleshooting-section.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'warning',
});
const code = bundle.outputFiles[0].text;
const {replaceTroubleshootingSection} = await import(
  `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
);

const readme = await readFile(readmePath, 'utf8');
const updated = replaceTroubleshootingSection(readme);
if (updated === readme) {
  console.log('readme.md: the troubleshooting section is up to date.');
} else {
  await writeFile(readmePath, updated);
  console.log('readme.md: the troubleshooting section was rewritten.');
}
