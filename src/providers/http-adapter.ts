import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';

import {
  AxiosError,
  AxiosHeaders,
  CanceledError,
  getAdapter,
  type AxiosAdapter,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';

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
  return (config) => {
    if (viaProxy || config.proxy) {
      return standard(config);
    }
    return new Promise<AxiosResponse<string>>((resolve, reject) => {
      const url = new URL(axiosUri(config));
      const secure = url.protocol === 'https:';
      const signal = config.signal as AbortSignal | undefined;
      if (signal?.aborted) {
        reject(new CanceledError(undefined, config));
        return;
      }
      const headers = AxiosHeaders.from(config.headers).normalize(false);
      const body = typeof config.data === 'string' ? config.data : undefined;
      if (body !== undefined) {
        headers.set('Content-Length', String(Buffer.byteLength(body)));
      }
      const request = (secure ? https : http).request(url, {
        method: (config.method ?? 'get').toUpperCase(),
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
            data: Buffer.concat(chunks).toString('utf8'),
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? '',
            headers: AxiosHeaders.from(response.headers as Record<string, string>),
            config,
            request,
          });
        });
      });
      request.end(body);
    });
  };
}

/** The absolute URL axios would call, with its params serialized as axios does. */
function axiosUri(config: InternalAxiosRequestConfig): string {
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
