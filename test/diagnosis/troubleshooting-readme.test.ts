import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {symptoms} from '../../source/diagnosis/symptoms.js';
import {
  renderTroubleshootingSection,
  replaceTroubleshootingSection,
} from '../../source/diagnosis/troubleshooting-section.js';

const root = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));

describe('readme troubleshooting section', () => {
  it('matches the symptom table', async () => {
    const readme = await readFile(path.join(root, 'readme.md'), 'utf8');

    // On failure, run `npm run docs:troubleshooting` and commit readme.md.
    expect(replaceTroubleshootingSection(readme)).toBe(readme);
  });

  it('has a heading per symptom', () => {
    const section = renderTroubleshootingSection();

    for (const symptom of symptoms) {
      expect(section).toContain(`### ${symptom.heading}\n`);
    }
  });

  it('leaves no placeholder unfilled', () => {
    expect(renderTroubleshootingSection()).not.toMatch(/\{\w+\}/);
  });

  it('rejects a readme without markers', () => {
    expect(() => replaceTroubleshootingSection('# readme\n')).toThrow(/troubleshooting:start/);
  });
});
