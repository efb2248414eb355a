import http from 'node:http';
import type {AddressInfo} from 'node:net';

/** One request as the test server received it. */
export type ReceivedRequest = {method: string; url: string; authorization: string | undefined};

/** A node:http server on 127.0.0.1 with a random port, for one test. */
export type LocalServer = {
  /** Origin such as http://127.0.0.1:41234, without a trailing slash. */
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
};

/** Starts a server on 127.0.0.1 port 0 that logs each request and passes it to `handler`. */
export async function startLocalServer(
  handler: (request: http.IncomingMessage, response: http.ServerResponse) => void,
): Promise<LocalServer> {
  const requests: ReceivedRequest[] = [];
  const server = http.createServer((request, response) => {
    requests.push({
      method: request.method ?? '',
      url: request.url ?? '',
      authorization: request.headers.authorization,
    });
    handler(request, response);
  });

  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const {port} = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}

/** Sends `body` as JSON with the given status. */
export function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {'content-type': 'application/json; charset=utf-8'});
  response.end(JSON.stringify(body));
}

/** Sends an HTML page, as a proxy or sign-in page would. */
export function sendHtml(response: http.ServerResponse, status: number, html: string): void {
  response.writeHead(status, {'content-type': 'text/html; charset=utf-8'});
  response.end(html);
}
