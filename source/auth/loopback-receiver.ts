import {once} from 'node:events';
import http from 'node:http';
import {finished} from 'node:stream';
import {fixFor} from '../diagnosis/diagnose.js';
import {HaloWizardError} from '../errors.js';
import {callbackPageHeaders, renderCallbackPage, type CallbackPage} from './callback-page.js';
import {parseLoopbackRedirectUri, withBoundPort} from './redirect-uri.js';

/** What the session decides for one callback: the page to show and whether the wait is over. */
export type CallbackResult = {page: CallbackPage; isFinal: boolean};

const unexpectedFailurePage: CallbackPage = {
  status: 'failure',
  heading: 'Sign-in failed',
  paragraphs: ['halo-wizard could not handle this response. Return to the terminal.'],
};

/** A listening receiver; `redirectUri` has the bound port when the configured port was 0. */
export type LoopbackReceiver = {
  redirectUri: string;
  port: number;
  /** Stops listening and drops open connections; safe to call more than once. */
  close(): Promise<void>;
};

/**
 * Listens on exactly the redirect URI's loopback host and port. GET requests to the
 * redirect path go to `onCallback`; every other request gets 404 and is ignored, so a
 * favicon request does no harm. After a final result the page is sent and the receiver
 * closes. Throws HaloWizardError code `port-in-use` when the port is taken.
 */
export async function startLoopbackReceiver(input: {
  redirectUri: string;
  onCallback: (parameters: URLSearchParams) => Promise<CallbackResult>;
}): Promise<LoopbackReceiver> {
  const address = parseLoopbackRedirectUri(input.redirectUri);
  let closing: Promise<void> | null = null;

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://loopback');

    if (request.method !== 'GET' || url.pathname !== address.path) {
      response.writeHead(404, {'Content-Type': 'text/plain; charset=utf-8', Connection: 'close'});
      response.end('Not found\n');
      return;
    }

    void input.onCallback(url.searchParams).then(
      (result) => {
        const status = result.page.status === 'success' ? 200 : 400;
        response.writeHead(status, callbackPageHeaders);
        response.end(renderCallbackPage(result.page));

        if (result.isFinal) {
          // Closing only once the page is handed to the socket, or the tab is gone.
          finished(response, () => void close());
        }
      },
      () => {
        response.writeHead(500, callbackPageHeaders);
        response.end(renderCallbackPage(unexpectedFailurePage));
      },
    );
  });

  const close = async (): Promise<void> => {
    closing ??= new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };

  await listen(server, address.bindHost, address.port);

  const bound = server.address();
  const port = typeof bound === 'object' && bound !== null ? bound.port : address.port;

  return {redirectUri: withBoundPort(input.redirectUri, port), port, close};
}

async function listen(server: http.Server, host: string, port: number): Promise<void> {
  try {
    server.listen({host, port, exclusive: true});
    await once(server, 'listening');
  } catch (error) {
    throw explainListenError(error, host, port);
  }
}

function explainListenError(error: unknown, host: string, port: number): HaloWizardError {
  const code = (error as {code?: unknown}).code;
  const chooseAnother = fixFor('port-in-use', {
    otherRedirectUri: `http://127.0.0.1:${port === 47_135 ? 47_136 : 47_135}/callback`,
  });

  if (code === 'EADDRINUSE') {
    return new HaloWizardError(
      'port-in-use',
      `Port ${port} on ${host} is already in use, so the sign-in cannot be received there.`,
      {kind: 'usage', field: 'redirectUri', nextStep: chooseAnother, cause: error},
    );
  }

  const reason = typeof code === 'string' ? code : 'unknown error';
  return new HaloWizardError(
    'port-unavailable',
    `Cannot listen on ${host} port ${port} (${reason}).`,
    {kind: 'usage', field: 'redirectUri', nextStep: chooseAnother, cause: error},
  );
}
