import { sandboxVariables } from '@banking-gateway/sandbox';

/**
 * The variables that point a gateway with SANDBOX=off at the sandbox a test started
 * itself at `sandboxUrl`: the three base URLs and the keys that sandbox accepts.
 */
export function sandboxEnv(sandboxUrl: string): Record<string, string> {
  return sandboxVariables(sandboxUrl);
}
