/** The page a browser tab shows after the redirect back to the loopback receiver. */
export type CallbackPage = {
  status: 'success' | 'failure';
  heading: string;
  /** Plain text paragraphs; escaped when rendered. */
  paragraphs: string[];
};

/** Headers for every page the receiver sends: no caching, no scripts, no outside requests. */
export const callbackPageHeaders = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  // The tab's connection is not reused, so closing the receiver never cuts a response short.
  Connection: 'close',
} as const;

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character);
}

/** Renders a small self-contained page telling the person to return to the terminal. */
export function renderCallbackPage(page: CallbackPage): string {
  const color = page.status === 'success' ? '#1a7f37' : '#b42318';
  const paragraphs = page.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>halo-wizard: ${escapeHtml(page.heading)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; }
h1 { color: ${color}; font-size: 1.5rem; }
</style>
</head>
<body>
<h1>${escapeHtml(page.heading)}</h1>
${paragraphs}
</body>
</html>
`;
}
