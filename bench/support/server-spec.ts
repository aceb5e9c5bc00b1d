import type { SandboxOptions } from '@banking-gateway/sandbox';

/** What one benchmark child process runs. */
export type ServerSpec =
  | {
      role: 'sandbox';
      sandbox: SandboxOptions;
      /** A port chosen by the parent, so that a gateway can start beside it; 0 picks one. */
      port?: number;
      sampleRssMs?: number;
    }
  | {
      role: 'gateway';
      sandboxUrl: string;
      /** Configuration variables, as `loadConfig` reads them; startServerProcess points the providers at `sandboxUrl`. */
      env: Record<string, string>;
      sampleRssMs?: number;
    }
  | { role: 'bare-apollo' | 'bare-apollo-axios' | 'proxy'; sandboxUrl: string; sampleRssMs?: number };

export type ParentMessage =
  | {
      type: 'usage';
      id: number;
      /** Collect garbage first (the child runs with --expose-gc). */
      gc?: boolean;
      /** Start a new peak from the current RSS after answering. */
      resetPeak?: boolean;
    }
  | { type: 'stop' };

export type ChildMessage = { type: 'ready'; url: string } | ({ type: 'usage'; id: number } & Usage);

export interface Usage {
  rss: number;
  heapUsed: number;
  /** Highest RSS seen since the last reset, sampled every `sampleRssMs`. */
  peakRss: number;
  /** CPU time (user + system) the process has used since it started, in milliseconds. */
  cpuMs: number;
}
