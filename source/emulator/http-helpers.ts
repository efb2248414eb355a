import type {IncomingMessage, ServerResponse} from 'node:http';

const maxBodyBytes = 64 * 1024;

/** Reads a request body of at most 64 KiB as UTF-8; a larger body rejects with a RangeError. */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) {
      throw new RangeError(`request body exceeds ${maxBodyBytes} bytes`);
    }

    chunks.push(buffer);
  }

  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Parameters with lower-cased names, because Halo's API treats query names case-insensitively.
 * `repeated` lists names that occur more than once, which OAuth requests must reject.
 */
export type Parameters = {values: Map<string, string>; repeated: string[]};

/** Parses a query string or form body; the last value of a repeated name wins. */
export function parseParameters(search: URLSearchParams): Parameters {
  const values = new Map<string, string>();
  const repeated: string[] = [];
  for (const [name, value] of search) {
    const key = name.toLowerCase();
    if (values.has(key) && !repeated.includes(key)) {
      repeated.push(key);
    }

    values.set(key, value);
  }

  return {values, repeated};
}

/** Returns whether a Halo boolean query value is `true`, ignoring case. */
export function isTrue(value: string | undefined): boolean {
  return value?.toLowerCase() === 'true';
}

/** Returns an integer query value, or `fallback` when it is missing or not an integer. */
export function toInteger(value: string | undefined, fallback: number): number {
  if (value === undefined || !/^-?\d+$/.test(value.trim())) {
    return fallback;
  }

  return Number.parseInt(value, 10);
}

const truncatedJson = new WeakSet<ServerResponse>();

/** Makes a 200 JSON response on `response` arrive cut in half (the `malformedJson` fault). */
export function truncateJsonOf(response: ServerResponse): void {
  truncatedJson.add(response);
}

/** Sends a JSON body that is already serialised. */
export function sendJsonText(
  response: ServerResponse,
  status: number,
  json: string,
  headers: Record<string,
  string> = {},
): void {
  const body = status === 200 && truncatedJson.has(response) ? json.slice(
    0,
    Math.floor(json.length / 2),
  ) : json;
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  response.end(body);
}

/** Sends `value` as JSON. */
export function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string,
  string> = {},
): void {
  sendJsonText(response, status, JSON.stringify(value), headers);
}

/** Sends an HTML page that must not be cached, framed or leak its URL through Referer. */
export function sendHtml(
  response: ServerResponse,
  status: number,
  html: string,
  contentSecurityPolicy: string,
): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'content-security-policy': contentSecurityPolicy,
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  });
  response.end(html);
}

/** Sends a 302 to `location`. */
export function sendRedirect(response: ServerResponse, location: string): void {
  response.writeHead(302, {location, 'cache-control': 'no-store', 'content-length': 0});
  response.end();
}

/** Sends a response without a body. */
export function sendEmpty(
  response: ServerResponse,
  status: number,
  headers: Record<string,
  string> = {},
): void {
  response.writeHead(status, {'content-length': 0, ...headers});
  response.end();
}
