import { createSandbox } from './sandbox';
import { loadSandboxSettings, SandboxConfigError, type SandboxSettings } from './settings';

/** The sandbox alone, configured by its `SANDBOX_*` variables (`npm start -w @banking-gateway/sandbox`). */
async function main(): Promise<void> {
  let settings: SandboxSettings;
  try {
    settings = loadSandboxSettings(process.env);
  } catch (error) {
    if (error instanceof SandboxConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const sandbox = createSandbox(settings);
  const url = await sandbox.listen(settings.port);
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
