import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ApolloServerPlugin } from '@apollo/server';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api';
import type * as OtlpHttp from '@opentelemetry/exporter-trace-otlp-http';
import type * as IORedis from '@opentelemetry/instrumentation-ioredis';
import type * as SdkNode from '@opentelemetry/sdk-node';

/**
 * OpenTelemetry traces, configured by the standard OTEL_* variables only (CONTRACT.md,
 * Operations): with OTEL_EXPORTER_OTLP_ENDPOINT (or its traces variant) set, each
 * operation is a trace continuing an incoming `traceparent`, with a CLIENT span per
 * provider call and per Redis command. Without it, nothing of the SDK is loaded and every
 * helper here returns at its first line: tracing costs nothing when it is off.
 *
 * Spans carry no credential, IBAN or TAN: operation names and types, provider names,
 * methods, route templates, status codes, and Redis command names only.
 */

let tracing = false;

const TRACER = 'banking-gateway';

/** Whether the environment asks for traces. */
export function isTracingConfigured(env: NodeJS.ProcessEnv): boolean {
  return (
    env.OTEL_SDK_DISABLED !== 'true' &&
    Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) &&
    env.OTEL_TRACES_EXPORTER !== 'none'
  );
}

/**
 * Starts the Node SDK with the OTLP/HTTP exporter and the ioredis instrumentation. Must
 * run before ioredis is first required (src/index.ts calls it first), so that its
 * commands are traced. Returns the shutdown that flushes the last spans.
 */
export function startTelemetry(env: NodeJS.ProcessEnv = process.env): (() => Promise<void>) | undefined {
  if (!isTracingConfigured(env)) {
    return undefined;
  }
  // Loaded only here: a gateway without tracing never loads the SDK.
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof SdkNode;
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpHttp;
  const { IORedisInstrumentation } = require('@opentelemetry/instrumentation-ioredis') as typeof IORedis;
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? 'banking-gateway',
    traceExporter: new OTLPTraceExporter(),
    // The command's name only: its arguments are keys and sealed records.
    instrumentations: [new IORedisInstrumentation({ dbStatementSerializer: (command) => command })],
  });
  sdk.start();
  tracing = true;
  return async () => {
    await sdk.shutdown();
    tracing = false;
  };
}

/** Runs one HTTP request to /graphql inside a SERVER span that continues the client's trace. */
export function traceRequest(req: IncomingMessage, res: ServerResponse, run: () => void): void {
  if (!tracing) {
    run();
    return;
  }
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = trace
    .getTracer(TRACER)
    .startSpan(
      `${req.method ?? 'POST'} /graphql`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? '', 'url.path': '/graphql' } },
      parent,
    );
  res.once('close', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) {
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  });
  context.with(trace.setSpan(parent, span), run);
}

/**
 * A SERVER span for one subscription over the WebSocket or SSE, from its subscribe to
 * its end; the returned function ends it with the outcome. Nothing when tracing is off.
 */
export function traceSubscription(transport: string, operationName: string | null): SubscriptionSpan {
  if (!tracing) {
    return { name: () => undefined, end: () => undefined };
  }
  const span = trace.getTracer(TRACER).startSpan(`subscription ${operationName ?? '(anonymous)'}`, {
    kind: SpanKind.SERVER,
    attributes: {
      'graphql.operation.type': 'subscription',
      ...(operationName ? { 'graphql.operation.name': operationName } : {}),
      'gateway.transport': transport,
    },
  });
  return {
    name(named) {
      span.updateName(`subscription ${named}`);
      span.setAttribute('graphql.operation.name', named);
    },
    end(outcome) {
      span.setAttribute('gateway.outcome', outcome);
      if (outcome === 'error') {
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    },
  };
}

export interface SubscriptionSpan {
  /** The operation's name, once the document is parsed. */
  name(operationName: string): void;
  end(outcome: string): void;
}

/** Names each request's span after its operation, once Apollo has resolved it. */
export function tracingPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      if (!tracing) {
        return;
      }
      return {
        async didResolveOperation({ operation, operationName }) {
          nameOperation(operation?.operation, operationName);
        },
      };
    },
  };
}

function nameOperation(type: string | undefined, name: string | null | undefined): void {
  const span = trace.getActiveSpan();
  span?.updateName(`${type ?? 'operation'} ${name ?? '(anonymous)'}`);
  span?.setAttributes({
    'graphql.operation.type': type ?? '',
    ...(name ? { 'graphql.operation.name': name } : {}),
  });
}

/**
 * Runs one provider call in a CLIENT span, with the `traceparent` added to its headers.
 * The span names the path as a template (`/api/accounts/:id/transfer`): ids never become
 * attributes.
 */
export async function traceProviderCall<T>(
  attributes: { provider: string; method: string; path: string },
  headers: Record<string, string>,
  call: (headers: Record<string, string>, span?: Span) => Promise<T>,
): Promise<T> {
  if (!tracing) {
    return call(headers);
  }
  const method = attributes.method.toUpperCase();
  const route = routeTemplate(attributes.path);
  const spanAttributes: Attributes = {
    'banking.provider': attributes.provider,
    'http.request.method': method,
    'http.route': route,
  };
  return trace
    .getTracer(TRACER)
    .startActiveSpan(`${method} ${route}`, { kind: SpanKind.CLIENT, attributes: spanAttributes }, async (span) => {
      const carried = { ...headers };
      propagation.inject(context.active(), carried);
      try {
        return await call(carried, span);
      } catch (error) {
        const fault = error as { code?: string; extensions?: { status?: unknown } };
        if (typeof fault.extensions?.status === 'number') {
          span.setAttribute('http.response.status_code', fault.extensions.status);
        }
        span.setStatus({ code: SpanStatusCode.ERROR, message: fault.code ?? 'error' });
        throw error;
      } finally {
        span.end();
      }
    });
}

/** `/api/accounts/4711/transfer/ab12` → `/api/accounts/:id/transfer/:id`: segments holding a digit are ids (not `v1`). */
export function routeTemplate(path: string): string {
  return path
    .split('?', 1)[0]!
    .split('/')
    .map((segment) => {
      const [name, ...extension] = segment.split('.');
      return name && /\d/.test(name) && !/^v\d+$/.test(name) ? [':id', ...extension].join('.') : segment;
    })
    .join('/');
}
