import {
  isHtmlContentType,
  isJsonContentType,
  messageFromBody,
  readErrorMessage,
} from './api-errors.js';
import {failureForStatus, unreadableBodyError} from './api-failures.js';
import {describeNetworkFailure, fetchWithTimeout, isCallerAbort} from './network.js';
import {
  maxRateLimitRetries,
  maxRetryAfterMs,
  maxServerErrorRetries,
  parseRetryAfter,
  rateLimitBackoffMs,
  serverErrorBackoffMs,
  type RetryWait,
  type Sleep,
} from './retry.js';
import type {TokenKeeper} from './token-keeper.js';
import type {Environment, TokenSet} from './types.js';
import {joinUrl} from './url-rules.js';

/** Dependencies of `sendAuthorizedGet`, supplied by the client that owns it. */
export type RequestDependencies = {
  instanceUrl: string;
  environment: Environment;
  keeper: TokenKeeper;
  sleep: Sleep;
  onRetryWait: ((wait: RetryWait) => void) | undefined;
  signal: AbortSignal | undefined;
  timeoutMs: number;
};

/**
 * Sends `GET <instance>/<path>` with the session's Bearer token and returns the parsed JSON.
 * A 401 gets one refresh and one retry, a 429 waits and retries, and a 5xx retries with
 * backoff. Anything else that is not a JSON success becomes a HaloWizardError.
 */
export async function sendAuthorizedGet(
  path: string,
  dependencies: RequestDependencies,
): Promise<unknown> {
  const url = joinUrl(dependencies.instanceUrl, path);
  const request = `GET ${new URL(url).pathname}`;
  let retriedAfter401 = false;
  let rateLimitRetries = 0;
  let serverErrorRetries = 0;
  let retryAfterMs: number | null = null;

  for (;;) {
    const tokens = await dependencies.keeper.fresh();
    const response = await send(url, tokens, dependencies);

    if (response.status === 401 && !retriedAfter401) {
      await discard(response);
      retriedAfter401 = true;
      await dependencies.keeper.afterRejected(tokens);
      continue;
    }

    if (response.status === 429) {
      retryAfterMs = parseRetryAfter(
        response.headers.get('retry-after'),
        dependencies.environment.now(),
      );
    }

    if (response.status === 429 && rateLimitRetries < maxRateLimitRetries) {
      rateLimitRetries += 1;
      const delayMs = retryAfterMs ?? rateLimitBackoffMs(rateLimitRetries);
      if (delayMs <= maxRetryAfterMs) {
        await discard(response);
        await wait(
          {reason: 'rate-limited', request, delayMs, attempt: rateLimitRetries},
          dependencies,
        );
        continue;
      }
    }

    if (response.status >= 500 && serverErrorRetries < maxServerErrorRetries) {
      await discard(response);
      serverErrorRetries += 1;
      const delayMs = serverErrorBackoffMs(serverErrorRetries);
      await wait(
        {reason: 'server-error', request, delayMs, attempt: serverErrorRetries},
        dependencies,
      );
      continue;
    }

    if (!response.ok) {
      const message = await readErrorMessage(response);
      const grantedScope = dependencies.keeper.current().scope;
      throw failureForStatus({
        status: response.status,
        request,
        message,
        grantedScope,
        retryAfterMs: response.status === 429 ? retryAfterMs : null,
      });
    }

    return readJson(response, request);
  }
}

async function send(
  url: string,
  tokens: TokenSet,
  dependencies: RequestDependencies,
): Promise<Response> {
  try {
    return await fetchWithTimeout(
      dependencies.environment.fetch,
      url,
      {headers: {authorization: `Bearer ${tokens.accessToken}`, accept: 'application/json'}},
      {timeoutMs: dependencies.timeoutMs, signal: dependencies.signal},
    );
  } catch (error) {
    if (isCallerAbort(error, dependencies.signal)) {
      throw error;
    }

    throw describeNetworkFailure(error, url, 'workspace') ?? error;
  }
}

async function wait(retryWait: RetryWait, dependencies: RequestDependencies): Promise<void> {
  dependencies.onRetryWait?.(retryWait);
  await dependencies.sleep(retryWait.delayMs, dependencies.signal);
}

// A proxy or single sign-on page can respond 200 with HTML, which is explained, never parsed.
async function readJson(response: Response, request: string): Promise<unknown> {
  const contentType = response.headers.get('content-type');
  const body = await response.text();

  if (!isJsonContentType(contentType)) {
    const problem = isHtmlContentType(contentType)
      ? 'an HTML page instead of JSON'
      : `${contentType === null ? 'no content type' : `content type ${contentType}`}, not JSON`;
    throw unreadableBodyError({request, problem, excerpt: messageFromBody(body, contentType)});
  }

  try {
    return JSON.parse(body);
  } catch {
    throw unreadableBodyError({
      request,
      problem: 'JSON that cannot be parsed (cut short or malformed)',
      excerpt: null,
    });
  }
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}
