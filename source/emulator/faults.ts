import type {ServerResponse} from 'node:http';
import {sendServerErrorPage} from './api-errors.js';
import type {
  EmulatorOptions,
  EmulatorRoute,
  RateLimitFault,
  ServerErrorFault,
} from './emulator-options.js';
import {sendEmpty, truncateJsonOf} from './http-helpers.js';

/** Counters behind the rate-limit and server-error faults of one emulator. */
export class FaultState {
  private windowStart = 0;
  private windowCount = 0;
  private windowFault: RateLimitFault | null = null;
  // Counted per fault object, so assigning a new `serverError` starts counting afresh.
  private readonly serverErrorCalls = new WeakMap<ServerErrorFault, number>();

  /**
   * Applies the faults configured for `route` before its handler runs. Returns 'hang' when no
   * response may be sent, 'answered' when a fault sent the response, else 'continue'.
   */
  async apply(
    options: EmulatorOptions,
    route: EmulatorRoute,
    isApi: boolean,
    now: () => number,
    response: ServerResponse,
  ): Promise<'hang' | 'answered' | 'continue'> {
    if (options.hang.includes(route)) {
      return 'hang';
    }

    const latency =
      typeof options.latencyMs === 'number' ? options.latencyMs : (options.latencyMs[route] ?? 0);
    if (latency > 0) {
      await new Promise((resolve) => setTimeout(resolve, latency).unref());
    }

    if (options.malformedJson.includes(route)) {
      truncateJsonOf(response);
    }

    if (!isApi) {
      return 'continue';
    }

    if (options.rateLimit !== null && this.isRateLimited(options.rateLimit, now())) {
      sendEmpty(response, 429, retryAfterHeader(options.rateLimit, now()));
      return 'answered';
    }

    if (options.serverError !== null && this.isServerError(options.serverError)) {
      sendServerErrorPage(response, options.serverError.status);
      return 'answered';
    }

    return 'continue';
  }

  private isRateLimited(fault: RateLimitFault, now: number): boolean {
    if (fault !== this.windowFault || now - this.windowStart >= fault.windowS * 1000) {
      this.windowFault = fault;
      this.windowStart = now;
      this.windowCount = 0;
    }

    this.windowCount++;
    return this.windowCount > fault.limit;
  }

  private isServerError(fault: ServerErrorFault): boolean {
    const call = (this.serverErrorCalls.get(fault) ?? 0) + 1;
    this.serverErrorCalls.set(fault, call);
    if (fault.next !== undefined && call <= fault.next) {
      return true;
    }

    return fault.everyNth !== undefined && fault.everyNth > 0 && call % fault.everyNth === 0;
  }
}

function retryAfterHeader(fault: RateLimitFault, now: number): Record<string, string> {
  const waitS = Math.max(1, Math.ceil(fault.windowS));
  switch (fault.retryAfter) {
    case 'seconds': {
      return {'retry-after': String(waitS)};
    }

    case 'date': {
      return {'retry-after': new Date(now + waitS * 1000).toUTCString()};
    }

    case 'absent': {
      return {};
    }
  }
}
