import type {ServerResponse} from 'node:http';
import type {ErrorShape} from './emulator-options.js';
import {sendEmpty, sendJson} from './http-helpers.js';
import {escapeHtml} from './login-page.js';

/**
 * Sends an API error (400, 403, 404) in the body shape chosen by the `errorShape` option.
 * Halo's error bodies differ by route and version, so clients must cope with all of these.
 */
export function sendApiError(
  response: ServerResponse,
  status: number,
  message: string,
  shape: ErrorShape,
): void {
  switch (shape) {
    case 'result-code': {
      sendJson(response, status, {resultCode: status, errorMessage: message});
      return;
    }

    case 'class-name': {
      sendJson(response, status, {ClassName: 'System.Exception', Message: message});
      return;
    }

    case 'message': {
      sendJson(response, status, {Message: message});
      return;
    }

    case 'oauth': {
      sendJson(
        response,
        status,
        {
          error: status === 403 ? 'insufficient_scope' : 'invalid_request',
          error_description: message,
        },
      );
      return;
    }

    case 'validation': {
      sendJson(response, status, {id: [message]});
      return;
    }

    case 'text': {
      sendText(response, status, 'text/plain; charset=utf-8', message);
      return;
    }

    case 'html': {
      sendText(
        response,
        status,
        'text/html; charset=utf-8',
        `<!doctype html><title>Error</title><h1>${status}</h1><p>${escapeHtml(message)}</p>`,
      );
      return;
    }

    case 'empty': {
      sendEmpty(response, status);
      return;
    }
  }
}

/** Sends a 500 or 502 as an HTML page, as a proxy in front of an API may, not as JSON. */
export function sendServerErrorPage(response: ServerResponse, status: number): void {
  const title = status === 502 ? '502 Bad Gateway' : '500 Internal Server Error';
  sendText(
    response,
    status,
    'text/html; charset=utf-8',
    `<!doctype html><title>${title}</title><h1>${title}</h1>`,
  );
}

function sendText(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string,
): void {
  response.writeHead(
    status,
    {'content-type': contentType, 'content-length': Buffer.byteLength(body)},
  );
  response.end(body);
}
