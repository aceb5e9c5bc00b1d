import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';

import axios, {
  AxiosError,
  AxiosHeaders,
  CanceledError,
  getAdapter,
  type AxiosAdapter,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
  type RawAxiosHeaders,
} from 'axios';

type Headers = InstanceType<typeof AxiosHeaders>;

export interface LeanAdapterOptions {
  httpAgent: http.Agent;
  httpsAgent: https.Agent;
  /** Replies larger than this are refused unread. */
  maxBytes: number;
  /** A proxy is configured in the environment (HTTP_PROXY and the like): axios's adapter honours it. */
  viaProxy: boolean;
}

/**
 * axios's transport, lean: one node:http request on a keep-alive agent, the reply read
 * as text. axios's own http adapter spends two to four times the CPU per call on what
 * the gateway never uses (redirect following, stream transforms, progress events,
 * form data, proxy look-ups). The guarantees stay: the caller's abort signal, the reply
 * size cap, no redirects (a 3xx is an answer like any other), HTTPS, and, where a proxy
 * is configured, axios's own adapter, which knows proxies.
 */
export function createLeanAdapter({ httpAgent, httpsAgent, maxBytes, viaProxy }: LeanAdapterOptions): AxiosAdapter {
  const standard = getAdapter('http');
  return async (config) => {
    if (viaProxy || config.proxy) {
      return standard(config);
    }
    const headers = AxiosHeaders.from(config.headers).normalize(false);
    const body = typeof config.data === 'string' ? config.data : undefined;
    const reply = await exchange(
      { url: axiosUri(config), method: config.method ?? 'get', headers, body, signal: config.signal as AbortSignal },
      { httpAgent, httpsAgent, maxBytes },
      config,
    );
    return {
      data: reply.body,
      status: reply.status,
      statusText: reply.statusText,
      headers: AxiosHeaders.from(reply.headers as Record<string, string>),
      config,
      request: reply.request,
    } satisfies AxiosResponse<string>;
  };
}

/** One call to a provider, as `Upstream` makes it. */
export interface LeanCall {
  method: string;
  /** Below the provider's base URL. */
  path: string;
  params?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  data?: string;
  signal?: AbortSignal;
}

/** A provider's answer, whatever its status. */
export interface LeanReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const WITH_BODY = new Set(['post', 'put', 'patch']);

/**
 * What axios puts on every request of a method unless the caller says otherwise: its
 * common default headers (`Accept: application/json, text/plain, *\/*`) and the method's.
 */
function defaultHeaders(method: string): RawAxiosHeaders {
  const defaults = axios.defaults.headers as unknown as Record<string, RawAxiosHeaders | undefined>;
  return { ...defaults.common, ...defaults[method] };
}

/**
 * The lean transport without axios's request pipeline, which cost more CPU per call
 * than everything else a provider call does (it merges and validates the whole
 * configuration on every request). The request on the wire is the one axios would send
 * through `createLeanAdapter`: its default Accept, its header handling (AxiosHeaders:
 * case-insensitive names, values without control characters), its JSON check of a JSON
 * body and its form Content-Type for a POST, PUT or PATCH that names none; failures are
 * the same AxiosError and CanceledError. Where a proxy is configured, `Upstream` keeps
 * calling through axios.
 */
export function createLeanTransport(
  options: Omit<LeanAdapterOptions, 'viaProxy'> & { baseURL: string },
): (call: LeanCall) => Promise<LeanReply> {
  const defaults = new Map<string, RawAxiosHeaders>();
  return async (call) => {
    const method = call.method.toLowerCase();
    let methodDefaults = defaults.get(method);
    if (!methodDefaults) {
      methodDefaults = defaultHeaders(method);
      defaults.set(method, methodDefaults);
    }
    const headers = AxiosHeaders.concat(methodDefaults, call.headers);
    const body = call.data === undefined ? undefined : asAxiosSendsIt(call.data, headers);
    if (WITH_BODY.has(method)) {
      headers.setContentType('application/x-www-form-urlencoded', false);
    }
    const url = axiosUri({ baseURL: options.baseURL, url: call.path, params: call.params });
    const reply = await exchange(
      { url, method, headers: headers.normalize(false), body, signal: call.signal },
      options,
    );
    return { status: reply.status, headers: reply.headers, body: reply.body };
  };
}

/** axios's default transformRequest for a string: a JSON body is checked and trimmed, or sent as a JSON string. */
function asAxiosSendsIt(data: string, headers: Headers): string {
  if (!String(headers.getContentType() ?? '').includes('application/json')) {
    return data;
  }
  try {
    JSON.parse(data);
    return data.trim();
  } catch (error) {
    if ((error as Error).name !== 'SyntaxError') {
      throw error;
    }
  }
  return JSON.stringify(data);
}

interface Exchange {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

interface Reply extends LeanReply {
  statusText: string;
  request: http.ClientRequest;
}

/** One node:http request on the keep-alive agents; the reply read as text, up to `maxBytes`. */
function exchange(
  { url: target, method, headers, body, signal }: Exchange,
  { httpAgent, httpsAgent, maxBytes }: Omit<LeanAdapterOptions, 'viaProxy'>,
  config?: InternalAxiosRequestConfig,
): Promise<Reply> {
  return new Promise<Reply>((resolve, reject) => {
    const url = new URL(target);
    const secure = url.protocol === 'https:';
    if (signal?.aborted) {
      reject(new CanceledError(undefined, config));
      return;
    }
    if (body !== undefined) {
      headers.set('Content-Length', String(Buffer.byteLength(body)));
    }
    const request = (secure ? https : http).request(url, {
      method: method.toUpperCase(),
      agent: secure ? httpsAgent : httpAgent,
      headers: headers.toJSON() as http.OutgoingHttpHeaders,
    });
    const onAbort = () => {
      request.destroy();
      reject(new CanceledError(undefined, config, request));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);

    request.on('error', (error: NodeJS.ErrnoException) => {
      done();
      reject(AxiosError.from(error, error.code, config, request));
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const encoding = String(response.headers['content-encoding'] ?? '').toLowerCase();
      const stream =
        encoding === 'gzip' || encoding === 'x-gzip'
          ? response.pipe(zlib.createGunzip())
          : encoding === 'br'
            ? response.pipe(zlib.createBrotliDecompress())
            : encoding === 'deflate'
              ? response.pipe(zlib.createInflate())
              : response;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          done();
          request.destroy();
          reject(
            new AxiosError(
              `maxContentLength size of ${maxBytes} exceeded`,
              AxiosError.ERR_BAD_RESPONSE,
              config,
              request,
            ),
          );
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (error: NodeJS.ErrnoException) => {
        done();
        reject(AxiosError.from(error, error.code ?? AxiosError.ERR_BAD_RESPONSE, config, request));
      });
      stream.on('end', () => {
        done();
        resolve({
          body: Buffer.concat(chunks).toString('utf8'),
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          headers: response.headers,
          request,
        });
      });
    });
    request.end(body);
  });
}

/** The absolute URL axios would call, with its params serialized as axios does. */
function axiosUri(config: Pick<InternalAxiosRequestConfig, 'baseURL' | 'url' | 'params'>): string {
  const base = (config.baseURL ?? '').replace(/\/+$/, '');
  const path = config.url ?? '';
  const absolute = /^https?:\/\//i.test(path) ? path : `${base}${path.startsWith('/') ? '' : '/'}${path}`;
  const params = config.params as Record<string, unknown> | undefined;
  if (!params) {
    return absolute;
  }
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) {
      search.append(key, String(value));
    }
  }
  const query = search.toString();
  return query ? `${absolute}${absolute.includes('?') ? '&' : '?'}${query}` : absolute;
}
