import { PROVIDERS, isProviderName, type ProviderName } from './provider';

export const AFTER_WRITE_ANSWERS = ['garble', 'empty', 'truncate', 'html', 'reset', 'hold', 'status'] as const;

export type AfterWriteAnswer = (typeof AFTER_WRITE_ANSWERS)[number];

/**
 * A write (POST, PUT, PATCH, DELETE) runs for real at the provider, and then a 2xx answer
 * to it is spoiled: the money moved, the client cannot tell. A refused write is answered as
 * it is, since nothing ran.
 */
export type AfterWriteFault = (
  | {
      /** Keep the real answer back `holdMs`, then send it (unless the client went away). */
      answer: 'hold';
      /** @default 30000 */
      holdMs: number;
    }
  | {
      /** Answer `status` with `{"error":"injected fault"}`. */
      answer: 'status';
      /** @default 502 */
      status: number;
    }
  | {
      /**
       * garble: 200 with a body that is neither JSON nor XML, under the route's content type;
       * empty: 200 `{}`; truncate: the real answer with half its body; html: 200 `text/html`,
       * as a proxy's error page; reset: the connection is destroyed without an answer.
       */
      answer: Exclude<AfterWriteAnswer, 'hold' | 'status'>;
    }
) & {
  /** Spoiled writes left before the fault turns itself off; null: until cleared. @default null */
  times: number | null;
};

export interface FaultSettings {
  provider: ProviderName;
  /** Delay before every answer. @default 0 */
  latencyMs: number;
  /** Fraction of answers replaced by `status`; 1 means all. @default 0 */
  errorRate: number;
  /** @default 503 */
  status: number;
  /** Reset every connection without an answer. @default false */
  down: boolean;
  /** @default null */
  afterWrite: AfterWriteFault | null;
}

export interface Faults {
  get(provider: ProviderName): FaultSettings;
  set(settings: FaultSettings): void;
  list(): FaultSettings[];
  clear(): void;
  /**
   * Takes one use of the provider's `afterWrite` fault for a write that succeeded: the fault,
   * or undefined when there is none (left). Claimed when the answer is ready, not when the
   * request came in, so that `times: 1` spoils exactly one of two concurrent writes.
   */
  claimAfterWrite(provider: ProviderName): AfterWriteFault | undefined;
}

const MAX_LATENCY_MS = 600_000;
const MAX_HOLD_MS = 600_000;
const MAX_TIMES = 1_000_000;

function noFaults(provider: ProviderName): FaultSettings {
  return { provider, latencyMs: 0, errorRate: 0, status: 503, down: false, afterWrite: null };
}

function copyOf(settings: FaultSettings): FaultSettings {
  return { ...settings, afterWrite: settings.afterWrite && { ...settings.afterWrite } };
}

export function createFaults(): Faults {
  const settings = new Map<ProviderName, FaultSettings>();
  return {
    get: (provider) => settings.get(provider) ?? noFaults(provider),
    set: (next) => {
      settings.set(next.provider, copyOf(next));
    },
    list: () => PROVIDERS.map((provider) => copyOf(settings.get(provider) ?? noFaults(provider))),
    clear: () => settings.clear(),
    claimAfterWrite: (provider) => {
      const current = settings.get(provider);
      const fault = current?.afterWrite;
      if (!current || !fault) {
        return undefined;
      }
      if (fault.times !== null) {
        fault.times -= 1;
        if (fault.times === 0) {
          current.afterWrite = null;
        }
      }
      return { ...fault };
    },
  };
}

const FIELDS = new Set(['provider', 'latencyMs', 'errorRate', 'status', 'down', 'afterWrite']);
const AFTER_WRITE_FIELDS = new Set(['answer', 'status', 'holdMs', 'times']);

function isInteger(value: unknown, min: number, max: number): value is number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates a `PUT /sandbox/faults` body: the settings, or the reason it is refused. */
export function parseFaultSettings(body: unknown): FaultSettings | { error: string } {
  if (!isObject(body)) {
    return { error: 'body must be a JSON object' };
  }
  const unknown = Object.keys(body).find((key) => !FIELDS.has(key));
  if (unknown !== undefined) {
    return { error: `unknown field ${unknown}` };
  }
  if (!isProviderName(body.provider)) {
    return { error: `provider must be one of ${PROVIDERS.join(', ')}` };
  }
  const settings = noFaults(body.provider);
  const { latencyMs, errorRate, status, down, afterWrite } = body;
  if (latencyMs !== undefined) {
    if (!isInteger(latencyMs, 0, MAX_LATENCY_MS)) {
      return { error: `latencyMs must be an integer from 0 to ${MAX_LATENCY_MS}` };
    }
    settings.latencyMs = latencyMs;
  }
  if (errorRate !== undefined) {
    if (typeof errorRate !== 'number' || !(errorRate >= 0 && errorRate <= 1)) {
      return { error: 'errorRate must be a number from 0 to 1' };
    }
    settings.errorRate = errorRate;
  }
  if (status !== undefined) {
    if (!isInteger(status, 400, 599)) {
      return { error: 'status must be an HTTP error status from 400 to 599' };
    }
    settings.status = status;
  }
  if (down !== undefined) {
    if (typeof down !== 'boolean') {
      return { error: 'down must be a boolean' };
    }
    settings.down = down;
  }
  if (afterWrite !== undefined && afterWrite !== null) {
    const parsed = parseAfterWrite(afterWrite);
    if ('error' in parsed) {
      return parsed;
    }
    settings.afterWrite = parsed;
  }
  return settings;
}

function parseAfterWrite(input: unknown): AfterWriteFault | { error: string } {
  if (!isObject(input)) {
    return { error: 'afterWrite must be a JSON object or null' };
  }
  const unknown = Object.keys(input).find((key) => !AFTER_WRITE_FIELDS.has(key));
  if (unknown !== undefined) {
    return { error: `unknown field afterWrite.${unknown}` };
  }
  const { answer, status, holdMs, times } = input;
  if (!(AFTER_WRITE_ANSWERS as readonly unknown[]).includes(answer)) {
    return { error: `afterWrite.answer must be one of ${AFTER_WRITE_ANSWERS.join(', ')}` };
  }
  if (status !== undefined && answer !== 'status') {
    return { error: 'afterWrite.status applies only to answer status' };
  }
  if (holdMs !== undefined && answer !== 'hold') {
    return { error: 'afterWrite.holdMs applies only to answer hold' };
  }
  let left: number | null = null;
  if (times !== undefined && times !== null) {
    if (!isInteger(times, 1, MAX_TIMES)) {
      return { error: `afterWrite.times must be an integer from 1 to ${MAX_TIMES}, or null for until cleared` };
    }
    left = times;
  }
  switch (answer as AfterWriteAnswer) {
    case 'hold':
      if (holdMs !== undefined && !isInteger(holdMs, 0, MAX_HOLD_MS)) {
        return { error: `afterWrite.holdMs must be an integer from 0 to ${MAX_HOLD_MS}` };
      }
      return { answer: 'hold', holdMs: (holdMs as number | undefined) ?? 30_000, times: left };
    case 'status':
      if (status !== undefined && !isInteger(status, 500, 599)) {
        return { error: 'afterWrite.status must be an HTTP server error status from 500 to 599' };
      }
      return { answer: 'status', status: (status as number | undefined) ?? 502, times: left };
    default:
      return { answer: answer as Exclude<AfterWriteAnswer, 'hold' | 'status'>, times: left };
  }
}
