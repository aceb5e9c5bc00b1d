import http from 'node:http';
import https from 'node:https';
import axios, { AxiosError, type AxiosInstance, type Method } from 'axios';
import {
  BrokenCircuitError,
  BulkheadRejectedError,
  CircuitState,
  ConsecutiveBreaker,
  DelegateBackoff,
  TaskCancelledError,
  bulkhead,
  circuitBreaker,
  handleWhen,
  retry,
  wrap,
  type CircuitBreakerPolicy,
  type IRetryBackoffContext,
} from 'cockatiel';
import type { Logger } from 'pino';

import {
  GatewayError,
  NotFoundError,
  ProviderError,
  ProviderUnavailableError,
  UnauthenticatedError,
} from '../errors/errors';
import { requestIdOf, spendUpstreamCall } from '../limits/upstream-calls';
import type { Metrics } from '../ops/metrics';
import { traceProviderCall } from '../ops/telemetry';
import { createLeanAdapter, createLeanTransport, type LeanCall, type LeanReply } from './http-adapter';
import type { ProviderName } from './provider-name';
import { CallCanceledError, UnreadableAnswerError } from '../errors/upstream-errors';

/** Replies larger than this are refused unread: a provider never needs more. */
const MAX_REPLY_BYTES = 20 * 1024 * 1024;

export interface UpstreamOptions {
  provider: ProviderName;
  baseURL: string;
  timeoutMs: number;
  metrics: Metrics;
  logger: Logger;
  circuitFailures: number;
  circuitHalfOpenMs: number;
  /** How the bank words its refusals: stable reason codes, its own error format. */
  dialect?: RefusalDialect;
  /** Retries of a failed read after its first attempt (0 turns them off), all within one timeout. @default 1 */
  retries?: number;
  /** Calls in flight to the provider at once, and calls waiting for a slot. @default 64, 512 */
  maxConcurrent?: number;
  maxQueued?: number;
}

/** A bank's reader for refusals in its own format (the first 8 KB of the body). */
export type RefusalReader = (body: string) => Refusal | undefined;

export interface Refusal {
  name?: string;
  text?: string;
}

export interface RefusalDialect {
  /**
   * Stable codes for the bank's refusals where the derived one (its own name, in
   * UPPER_SNAKE) would not do, e.g. `MultipleAccessRevoked` → `CONSENT_REVOKED`.
   */
  reasons?: Readonly<Record<string, string>>;
  refusal?: RefusalReader;
}

/** A provider's Retry-After, kept beside the error it came with (ms; undefined without one). */
const retryAfter = new WeakMap<object, number | undefined>();
/** A retry with less time than this left is not made. */
const MIN_ATTEMPT_MS = 50;
/** Longer waits than this are not worth holding the client's request for. */
const MAX_RETRY_AFTER_MS = 2000;

/** Unavailable (timeouts, 5xx, broken connections) or asked to come back soon (429, 503). */
function isRetryable(error: unknown): boolean {
  if (error instanceof CallCanceledError) {
    return false;
  }
  if (retryAfter.has(error as object)) {
    const wait = retryAfter.get(error as object);
    return wait === undefined ? error instanceof ProviderUnavailableError : wait <= MAX_RETRY_AFTER_MS;
  }
  return error instanceof ProviderUnavailableError;
}

/** `Retry-After: 2` or an HTTP date, in ms from now. */
function retryAfterMs(header: unknown): number | undefined {
  if (typeof header !== 'string' || !header.trim()) {
    return undefined;
  }
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

export interface UpstreamRequest<T> {
  method: Method;
  /** Where the provider's docs name it, e.g. `/api/accounts/:id/transfer/:transferId`, for logs. */
  path: string;
  params?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  data?: string;
  /**
   * The caller's signal: it aborts a read when the client goes away, and carries the
   * operation's budget of provider calls. A write is never aborted by it: once sent, a
   * payment runs to its end and its outcome is recorded.
   */
  signal?: AbortSignal;
  /** Turns the reply's text into a payload; throwing means the reply was unreadable. */
  parse: (body: string, contentType: string) => T;
}

export type CircuitStateName = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

/** A provider's 2xx answer, unparsed. */
interface Reply {
  body: string;
  status: number;
  contentType: string;
}

/** One provider's HTTP connection: keep-alive, timeouts, circuit, fault mapping. */
export interface Upstream {
  readonly provider: ProviderName;
  request<T>(request: UpstreamRequest<T>): Promise<T>;
  /** False once the last call found the provider unavailable or its circuit is open. */
  healthy(): boolean;
  circuit(): CircuitStateName;
  close(): void;
}

export function createUpstream(options: UpstreamOptions): Upstream {
  const { provider, metrics, logger } = options;
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 128 });
  const client: AxiosInstance = axios.create({
    baseURL: options.baseURL,
    httpAgent,
    httpsAgent,
    responseType: 'text',
    // The body is parsed by the provider's own parser, never by axios (money stays exact).
    transformResponse: [(data: unknown) => data],
    maxContentLength: MAX_REPLY_BYTES,
    maxRedirects: 0,
    validateStatus: () => true,
    // Without a proxy in the environment at start, axios need not look for one on every call.
    ...(hasEnvProxy() ? {} : { proxy: false as const }),
    adapter: createLeanAdapter({ httpAgent, httpsAgent, maxBytes: MAX_REPLY_BYTES, viaProxy: hasEnvProxy() }),
  });
  // axios's request pipeline only where a proxy is configured (its own adapter knows proxies).
  const transport: (call: LeanCall) => Promise<LeanReply> = hasEnvProxy()
    ? async ({ path, ...call }) => {
        const response = await client.request<string>({ ...call, url: path });
        return {
          status: response.status,
          headers: response.headers as LeanReply['headers'],
          body: typeof response.data === 'string' ? response.data : '',
        };
      }
    : createLeanTransport({ httpAgent, httpsAgent, maxBytes: MAX_REPLY_BYTES, baseURL: options.baseURL });
  const breaker: CircuitBreakerPolicy = circuitBreaker(
    handleWhen((error) => error instanceof ProviderUnavailableError),
    {
      halfOpenAfter: options.circuitHalfOpenMs,
      breaker: new ConsecutiveBreaker(options.circuitFailures),
    },
  );
  // Caps concurrent calls to one provider, so that a slow provider cannot tie up every socket.
  const bulkheadPolicy = bulkhead(options.maxConcurrent ?? 64, options.maxQueued ?? 512);
  // cockatiel's maxAttempts counts retries, not attempts.
  const retryPolicy = retry(
    handleWhen((error) => isRetryable(error)),
    {
      maxAttempts: options.retries ?? 1,
      // Retry-After where the provider sent one, otherwise jittered exponential backoff.
      backoff: new DelegateBackoff((context: IRetryBackoffContext<unknown>) => {
        const asked = 'error' in context.result ? retryAfter.get(context.result.error as object) : undefined;
        return asked ?? Math.round(Math.min(1000, 100 * 2 ** (context.attempt - 1)) * (0.5 + Math.random()));
      }),
    },
  );
  const writePolicy = wrap(breaker, bulkheadPolicy);
  const readPolicy = wrap(retryPolicy, breaker, bulkheadPolicy);
  let lastCallFailed = false;
  const circuit = (): CircuitStateName =>
    breaker.state === CircuitState.Open || breaker.state === CircuitState.Isolated
      ? 'OPEN'
      : breaker.state === CircuitState.HalfOpen
        ? 'HALF_OPEN'
        : 'CLOSED';
  const circuitValue = { CLOSED: 0, HALF_OPEN: 1, OPEN: 2 } as const;
  metrics.circuitState.set({ provider }, 0);
  breaker.onStateChange(() => {
    const state = circuit();
    metrics.circuitState.set({ provider }, circuitValue[state]);
    if (state === 'OPEN') {
      logger.warn({ provider, afterFailures: options.circuitFailures }, 'provider circuit opened: calls fail fast');
    } else if (state === 'CLOSED') {
      logger.warn({ provider }, 'provider circuit closed: calls flow again');
    }
  });

  async function send(request: UpstreamRequest<unknown>, deadline: number): Promise<Reply> {
    // One controller and one timer per call: AbortSignal.timeout and AbortSignal.any cost
    // several times more on every call, and the timeout covers the whole reply (axios's own
    // `timeout` is a socket idle timer, which a provider dripping its answer never trips).
    // A retry gets what is left of the first attempt's time: a read never holds its
    // client longer than one timeout.
    const waitMs = deadline - Date.now();
    if (waitMs < MIN_ATTEMPT_MS) {
      // No time left for a retry: it would only load the provider.
      throw new ProviderUnavailableError(provider, `no answer within ${options.timeoutMs} ms`, false);
    }
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, waitMs);
    const callerSignal = isWrite(request.method) ? undefined : request.signal;
    const onCallerGone = () => controller.abort();
    callerSignal?.addEventListener('abort', onCallerGone, { once: true });
    let response;
    try {
      if (callerSignal?.aborted) {
        throw new CallCanceledError(provider);
      }
      response = await transport({
        method: request.method,
        path: request.path,
        params: request.params,
        headers: request.headers,
        data: request.data,
        signal: controller.signal,
      });
    } catch (error) {
      if (callerSignal?.aborted && !timedOut) {
        // The caller went away; the provider did nothing wrong, so the circuit ignores it.
        throw new CallCanceledError(provider);
      }
      throw toUpstreamError(provider, error, timedOut ? options.timeoutMs : undefined);
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerGone);
    }
    const { body } = response;
    if (response.status < 200 || response.status >= 300) {
      const error = toUpstreamError(provider, { status: response.status, body }, undefined, options.dialect);
      if (response.status === 429 || response.status === 503) {
        retryAfter.set(error, retryAfterMs(response.headers['retry-after']));
      }
      throw error;
    }
    return { body, status: response.status, contentType: String(response.headers['content-type'] ?? '') };
  }

  /** One call through the policies, measured and logged. */
  async function call(request: UpstreamRequest<unknown>, signal: AbortSignal | undefined): Promise<Reply> {
    const started = process.hrtime.bigint();
    let outcome = 'ok';
    try {
      // Only reads are retried: a POST or PUT may move money or spend a TAN.
      const write = isWrite(request.method);
      const deadline = Date.now() + options.timeoutMs;
      const result = await traceProviderCall(
        { provider, method: request.method, path: request.path },
        request.headers ?? {},
        async (headers, span) => {
          const reply = await (write ? writePolicy : readPolicy).execute(
            () => send({ ...request, headers, signal }, deadline),
            write ? undefined : signal,
          );
          span?.setAttribute('http.response.status_code', reply.status);
          return reply;
        },
      );
      lastCallFailed = false;
      return result;
    } catch (error) {
      const mapped =
        error instanceof BrokenCircuitError
          ? new ProviderUnavailableError(provider, 'its circuit is open after repeated failures', false)
          : error instanceof BulkheadRejectedError
            ? new ProviderUnavailableError(provider, 'too many calls to it are waiting already', false)
            : error instanceof TaskCancelledError
              ? new CallCanceledError(provider)
              : error;
      outcome = outcomeOf(mapped);
      if (mapped instanceof ProviderUnavailableError) {
        lastCallFailed = true;
      }
      throw mapped;
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.upstreamCalls.observe({ provider, outcome }, seconds);
      if (logger.isLevelEnabled('debug')) {
        logger.debug(
          {
            requestId: requestIdOf(request.signal),
            provider,
            method: request.method,
            path: request.path,
            outcome,
            ms: Math.round(seconds * 1000),
          },
          'upstream call',
        );
      }
    }
  }

  /**
   * Identical reads in flight share one call (same path, parameters and headers, the
   * credentials included): N clients asking the same at once cost the provider one
   * request. Each keeps its own cancellation; the call stops only when all have gone.
   */
  const flights = new Map<string, { reply: Promise<Reply>; callers: number; controller: AbortController }>();
  function sharedRead(request: UpstreamRequest<unknown>): Promise<Reply> {
    const key = JSON.stringify([request.path, request.params ?? null, request.headers ?? null]);
    let flight = flights.get(key);
    if (flight) {
      metrics.upstreamDeduplicated.inc({ provider });
    } else {
      const controller = new AbortController();
      const reply = call(request, controller.signal).finally(() => {
        if (flights.get(key) === created) {
          flights.delete(key);
        }
      });
      // Its callers see its failure; one that left before it ended must not leave it unhandled.
      reply.catch(() => undefined);
      const created = { reply, callers: 0, controller };
      flight = created;
      flights.set(key, created);
    }
    const joined = flight;
    joined.callers += 1;
    const signal = request.signal;
    return new Promise<Reply>((resolve, reject) => {
      const leave = () => {
        signal?.removeEventListener('abort', onAbort);
        joined.callers -= 1;
      };
      const onAbort = () => {
        leave();
        if (joined.callers === 0) {
          // Nobody waits for it any more: a newcomer starts afresh rather than join a canceled call.
          flights.delete(key);
          joined.controller.abort();
        }
        reject(new CallCanceledError(provider));
      };
      if (signal?.aborted) {
        onAbort();
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      joined.reply.then(
        (reply) => {
          leave();
          resolve(reply);
        },
        (error: unknown) => {
          leave();
          reject(error);
        },
      );
    });
  }

  return {
    provider,
    async request<T>(request: UpstreamRequest<T>): Promise<T> {
      spendUpstreamCall(request.signal);
      const reply = isWrite(request.method) ? await call(request, request.signal) : await sharedRead(request);
      try {
        return request.parse(reply.body, reply.contentType);
      } catch (error) {
        throw new UnreadableAnswerError(provider, describe(error), reply.status);
      }
    },
    healthy: () => !lastCallFailed && circuit() !== 'OPEN',
    circuit,
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

function isWrite(method: Method): boolean {
  return method.toUpperCase() !== 'GET';
}

function hasEnvProxy(): boolean {
  return ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy'].some((name) => Boolean(process.env[name]));
}

/**
 * The one mapping from upstream faults to the contract's codes: 401 → UNAUTHENTICATED,
 * 404 → NOT_FOUND, 5xx, timeouts and broken connections → PROVIDER_UNAVAILABLE, any
 * other refusal → PROVIDER_ERROR with the provider's reason.
 */
export function toUpstreamError(
  provider: ProviderName,
  fault: unknown,
  timedOutAfterMs?: number,
  { reasons = {}, refusal: own }: RefusalDialect = {},
): GatewayError {
  if (fault instanceof GatewayError) {
    return fault;
  }
  if (timedOutAfterMs !== undefined) {
    return new ProviderUnavailableError(provider, `no answer within ${timedOutAfterMs} ms`);
  }
  if (fault instanceof AxiosError) {
    if (fault.message.includes('maxContentLength')) {
      return new ProviderError(provider, 'the answer was larger than the gateway accepts');
    }
    if (axios.isCancel(fault)) {
      return new ProviderUnavailableError(provider, 'the call was canceled');
    }
    // A refused connection carried nothing to the provider; a reset one may have.
    return new ProviderUnavailableError(
      provider,
      `connection failed (${fault.code ?? 'network error'})`,
      fault.code !== 'ECONNREFUSED',
    );
  }
  if (isHttpFault(fault)) {
    const { status, body } = fault;
    if (status === 401) {
      return new UnauthenticatedError(provider, `${provider} rejected the credentials.`);
    }
    if (status === 404) {
      return new NotFoundError();
    }
    if (status >= 500) {
      return new ProviderUnavailableError(provider, `it answered HTTP ${status}`);
    }
    const refusal = refusalOf(body, own);
    const name = refusal.name && IDENTIFIER.test(refusal.name) ? refusal.name : undefined;
    return new ProviderError(
      provider,
      refusal.text ?? `HTTP ${status}`,
      status,
      name === undefined ? undefined : (reasons[name] ?? toUpperSnake(name)),
    );
  }
  return new ProviderUnavailableError(provider, describe(fault));
}

function isHttpFault(value: unknown): value is { status: number; body: string } {
  return typeof value === 'object' && value !== null && typeof (value as { status?: unknown }).status === 'number';
}

/** A refusal's name as providers write them: `hbci_login_failed`, `SessionNotSignedIn`. */
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_.-]{0,79}$/;

/** `SessionNotSignedIn` → `SESSION_NOT_SIGNED_IN`, `hbci_login_failed` → `HBCI_LOGIN_FAILED`. */
export function toUpperSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/**
 * The provider's own words for a refusal, short and printable, never the whole body;
 * and its name, where the body names it: a JSON `error` or `reason`, or what the
 * bank's own `refusal` reader finds in its format (an XML error, say).
 */
function refusalOf(body: string, own?: RefusalReader): Refusal {
  let reason: unknown;
  let name: unknown;
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const code = parsed.error ?? parsed.reason;
    name = code;
    reason =
      typeof code === 'string' && typeof parsed.message === 'string'
        ? `${code}: ${parsed.message}`
        : (code ?? parsed.message);
  } catch {
    const found = own?.(body.slice(0, 8192));
    name = found?.name;
    reason = found?.text;
  }
  const text =
    typeof reason === 'string' && reason.trim()
      ? reason
          .replace(/[^\x20-\x7e\u00a0-\u024f]/g, ' ')
          .trim()
          .slice(0, 200)
      : undefined;
  return { text, name: typeof name === 'string' ? name : undefined };
}

function outcomeOf(error: unknown): string {
  if (error instanceof GatewayError) {
    return error.code.toLowerCase();
  }
  return 'error';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
}

/** Reads a provider's JSON reply: integers as numbers, every other number as its text. */
export { parseJson } from './json';
