/**
 * The sandbox: Kontist, Bankimport and Kontomatik simulated over real HTTP on one port,
 * each in its own wire format, with control routes for tests (`/sandbox/*`).
 */
export { createSandbox, type Sandbox, type SandboxOptions } from './sandbox';
export { loadSandboxSettings, SandboxConfigError, type SandboxSettings } from './settings';
export { sandboxEndpoints, sandboxVariables, type SandboxEndpoints } from './endpoints';
export { demoCredentials, gatewayCredentials, type DemoUser, type DemoUserCredentials } from './demo-credentials';
