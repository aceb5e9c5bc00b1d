import { KONTIST_OAUTH_CLIENT } from './kontist/kontist.oauth';
import { KONTOMATIK_API_KEY } from './kontomatik/kontomatik.data';

/** Where each simulated bank is mounted on the sandbox's one port. */
export const PROVIDER_PATHS = {
  kontist: '/kontist',
  bankimport: '/bankimport',
  kontomatik: '/kontomatik/v1',
} as const;

/**
 * What a gateway needs to use a running sandbox: each bank's base URL, and the keys that
 * are the gateway's own at a real bank (its Kontist OAuth client, its Kontomatik API
 * key), which the sandbox accepts. Only for a sandbox: a real bank never takes them.
 */
export interface SandboxEndpoints {
  kontist: { url: string; clientId: string; clientSecret: string };
  bankimport: { url: string };
  kontomatik: { url: string; apiKey: string };
}

/** The endpoints of the sandbox at `baseUrl`, as `Sandbox.listen` resolves it (`http://127.0.0.1:4010`). */
export function sandboxEndpoints(baseUrl: string): SandboxEndpoints {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    kontist: {
      url: `${base}${PROVIDER_PATHS.kontist}`,
      clientId: KONTIST_OAUTH_CLIENT.id,
      clientSecret: KONTIST_OAUTH_CLIENT.secret,
    },
    bankimport: { url: `${base}${PROVIDER_PATHS.bankimport}` },
    kontomatik: { url: `${base}${PROVIDER_PATHS.kontomatik}`, apiKey: KONTOMATIK_API_KEY },
  };
}

/**
 * The same as the environment variables a gateway reads (its banks' settings by name):
 * what points a gateway at the sandbox at `baseUrl`.
 */
export function sandboxVariables(baseUrl: string): Record<string, string> {
  const { kontist, bankimport, kontomatik } = sandboxEndpoints(baseUrl);
  return {
    KONTIST_URL: kontist.url,
    KONTIST_CLIENT_ID: kontist.clientId,
    KONTIST_CLIENT_SECRET: kontist.clientSecret,
    BANKIMPORT_URL: bankimport.url,
    KONTOMATIK_URL: kontomatik.url,
    KONTOMATIK_API_KEY: kontomatik.apiKey,
  };
}
