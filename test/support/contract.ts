import { createSandbox, sandboxEndpoints, type SandboxEndpoints, type SandboxOptions } from '@banking-gateway/sandbox';
import request from 'supertest';

import type { GatewayError } from '../../src/errors/errors';
import type { ProviderDescriptor } from '../../src/providers/descriptor';
import { toUpstreamError } from '../../src/providers/http';

/**
 * The real sandbox on a free port of 127.0.0.1, for the contract tests: they reach it
 * over HTTP only, as the gateway's clients do, and read its replies with the clients'
 * own schemas and readers, so that the sandbox's wire types and the clients' cannot
 * drift apart unnoticed.
 */
export interface ContractSandbox {
  endpoints: SandboxEndpoints;
  /** The TAN the sandbox "sent" by SMS for a pending request, by its `reference`. */
  tanFor(reference: string): Promise<string>;
  close(): Promise<void>;
}

export async function startContractSandbox(options: SandboxOptions = {}): Promise<ContractSandbox> {
  const sandbox = createSandbox(options);
  const base = await sandbox.listen(0);
  return {
    endpoints: sandboxEndpoints(base),
    async tanFor(reference) {
      const outbox = (await request(base).get('/sandbox/sms').expect(200)).body as Array<{
        reference: string;
        tan: string;
      }>;
      const message = outbox.find((sent) => sent.reference === reference);
      if (!message) {
        throw new Error(`no SMS for ${reference}`);
      }
      return message.tan;
    },
    close: () => sandbox.close(),
  };
}

/**
 * What the gateway makes of a refusal: its one fault mapping, with the bank's reasons
 * and refusal reader as providers.ts hands them to the bank's upstream.
 */
export function refusalOf(descriptor: ProviderDescriptor, reply: { status: number; text: string }): GatewayError {
  return toUpstreamError(descriptor.name, { status: reply.status, body: reply.text }, undefined, {
    reasons: descriptor.reasons,
    refusal: descriptor.refusal,
  });
}
