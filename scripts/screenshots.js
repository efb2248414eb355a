// Renders the readme's pictures into docs/images/ from what the end-to-end suites captured in
// test-output/: coloured tmux captures (`capture-pane -e`) become HTML in a monospace font,
// screenshotted with Debian's Chromium, and the browser's success page is copied as it is.
// `npm run screenshots` runs the suites first, so the pictures always show the current build.
import {copyFile, mkdir, mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const captures = path.join(root, 'test-output');
const images = path.join(root, 'docs', 'images');

/** Terminal captures to render: capture file (without .ansi) → picture name. */
const screens = {
  'terminal-80x24-3-checklist': 'wizard-checklist',
  'terminal-80x24-5-sign-in': 'wizard-sign-in',
  'terminal-80x24-6-status': 'wizard-status',
};

// The 16 colours of a dark terminal theme, in SGR order: black, red, green, yellow, blue,
// magenta, cyan, white, then their bright forms.
const palette = [
  '#1e1e1e', '#e06c75', '#98c379', '#e5c07b', '#61afef', '#c678dd', '#56b6c2', '#d4d4d4',
  '#5c6370', '#ff7b86', '#b5e890', '#ffd68a', '#8cc8ff', '#e2a6ff', '#7fdbe6', '#ffffff',
];
const foreground = '#d4d4d4';
const background = '#1e1e1e';

function color256(index) {
  if (index < 16) return palette[index];
  if (index >= 232) {
    const level = 8 + (index - 232) * 10;
    return `rgb(${level},${level},${level})`;
  }

  const cube = index - 16;
  const scale = value => (value === 0 ? 0 : 55 + value * 40);
  return `rgb(${scale(Math.floor(cube / 36))},${scale(Math.floor(cube / 6) % 6)},${scale(cube % 6)})`;
}

// East Asian wide characters take two terminal cells. A fixed two-cell box keeps the table's
// columns aligned when the browser's fallback font draws them at another width.
const wideCharacter =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/g;

function escapeHtml(text) {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(wideCharacter, character => `<span class="wide">${character}</span>`);
}

/** Applies one SGR parameter list to `style`, returning the new style. */
function applySgr(style, parameters) {
  const codes = parameters === '' ? [0] : parameters.split(';').map(Number);
  let next = {...style};
  for (let index = 0; index < codes.length; index++) {
    const code = codes[index];
    if (code === 0) next = {};
    else if (code === 1) next.bold = true;
    else if (code === 2) next.dim = true;
    else if (code === 22) next.bold = next.dim = false;
    else if (code === 7) next.inverse = true;
    else if (code === 27) next.inverse = false;
    else if (code >= 30 && code <= 37) next.fg = palette[code - 30];
    else if (code >= 90 && code <= 97) next.fg = palette[code - 90 + 8];
    else if (code === 39) delete next.fg;
    else if (code >= 40 && code <= 47) next.bg = palette[code - 40];
    else if (code === 49) delete next.bg;
    else if ((code === 38 || code === 48) && codes[index + 1] === 5) {
      next[code === 38 ? 'fg' : 'bg'] = color256(codes[index + 2] ?? 0);
      index += 2;
    } else if ((code === 38 || code === 48) && codes[index + 1] === 2) {
      const [red, green, blue] = codes.slice(index + 2, index + 5);
      next[code === 38 ? 'fg' : 'bg'] = `rgb(${red},${green},${blue})`;
      index += 4;
    }
  }

  return next;
}

function styleToCss(style) {
  const fg = style.inverse ? (style.bg ?? background) : style.fg;
  const bg = style.inverse ? (style.fg ?? foreground) : style.bg;
  return [
    fg ? `color:${fg}` : '',
    bg ? `background:${bg}` : '',
    style.bold ? 'font-weight:bold' : '',
    style.dim ? 'opacity:0.6' : '',
  ].filter(Boolean).join(';');
}

/** Turns a tmux capture with SGR escapes into HTML spans; other escapes are dropped. */
export function ansiToHtml(capture) {
  let style = {};
  let html = '';
  for (const part of capture.split(/(\u001B\[[0-9;]*m)/)) {
    const sgr = /^\u001B\[([0-9;]*)m$/.exec(part);
    if (sgr) {
      style = applySgr(style, sgr[1]);
    } else if (part !== '') {
      // eslint-disable-next-line no-control-regex
      const text = escapeHtml(part.replace(/\u001B[^a-zA-Z]*[a-zA-Z]/g, ''));
      const css = styleToCss(style);
      html += css === '' ? text : `<span style="${css}">${text}</span>`;
    }
  }

  return html;
}

function terminalPage(capture) {
  const lines = capture.replace(/\n+$/, '');
  return `<!doctype html><meta charset="utf-8"><style>
body{margin:0;background:${background}}
pre{margin:0;padding:12px 16px;color:${foreground};background:${background};
font:14px/1.3 'DejaVu Sans Mono','Liberation Mono',monospace;display:inline-block}
.wide{display:inline-block;width:2ch;overflow:hidden;vertical-align:bottom}
</style><pre>${ansiToHtml(lines)}</pre>`;
}

async function main() {
  await mkdir(images, {recursive: true});
  const profile = await mkdtemp(path.join(tmpdir(), 'halo-wizard-screenshots-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: {width: 400, height: 200},
  });

  try {
    const page = await context.newPage();
    for (const [capture, name] of Object.entries(screens)) {
      const text = await readFile(path.join(captures, `${capture}.ansi`), 'utf8');
      await page.setContent(terminalPage(text));
      await page.locator('pre').screenshot({path: path.join(images, `${name}.png`)});
      console.log(`docs/images/${name}.png`);
    }
  } finally {
    await context.close();
    await rm(profile, {recursive: true, force: true});
  }

  await copyFile(path.join(captures, 'browser-success.png'), path.join(images, 'browser-success.png'));
  console.log('docs/images/browser-success.png');
}

await main();
