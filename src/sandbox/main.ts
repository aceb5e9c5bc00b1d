import { createSandbox } from './sandbox';

/** A whole number from the environment, or one clear line naming the variable and exit 1. */
function numberFromEnv(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (!/^\d+$/.test(raw) || Number(raw) > max) {
    console.error(`${name} must be a whole number from 0 to ${max}, got "${raw}"`);
    process.exit(1);
  }
  return Number(raw);
}

async function main(): Promise<void> {
  const port = numberFromEnv('SANDBOX_PORT', 4010, 65535);
  const sandbox = createSandbox({
    transactions: numberFromEnv('SANDBOX_TRANSACTIONS', 1200, 10_000_000),
    importMs: numberFromEnv('SANDBOX_IMPORT_MS', 3000, 3_600_000),
  });
  const url = await sandbox.listen(port);
  console.log(`Sandbox listening on ${url}`);
  const stop = (): void => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Sandbox failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
