import { randomBytes } from 'node:crypto';
import type { KontomatikTarget } from './kontomatik.data';

export type KontomatikCommandStatus = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';

/** Of the import time, the share a command waits QUEUED before it is RUNNING. */
const QUEUED_SHARE = 0.2;

/** A background import: what it reads is fixed when it starts, told when it finishes. */
export interface KontomatikCommand {
  readonly id: string;
  readonly target: KontomatikTarget;
  readonly ownerExternalId?: string;
  /** Epoch day of the oldest transactions it imports. */
  readonly sinceDay: number;
  readonly createdAt: number;
  /** Only for Multiple (or Mixed) Access sessions whose consent is live. */
  readonly multipleAccessToken?: string;
  /** Known from the start, told only once the import time has passed, as a FAILED import. */
  readonly error?: string;
}

export type NewKontomatikCommand = Omit<KontomatikCommand, 'id' | 'createdAt'>;

export interface KontomatikCommands {
  create(command: NewKontomatikCommand): KontomatikCommand;
  get(id: string): KontomatikCommand | undefined;
  statusOf(command: KontomatikCommand): KontomatikCommandStatus;
}

/** QUEUED for the first fifth of `importMs`, RUNNING for the rest, then finished; computed when asked. */
export function commandStatusOf(command: KontomatikCommand, importMs: number, at: number): KontomatikCommandStatus {
  const elapsed = at - command.createdAt;
  if (elapsed >= importMs) {
    return command.error === undefined ? 'COMPLETED' : 'FAILED';
  }
  return elapsed < importMs * QUEUED_SHARE ? 'QUEUED' : 'RUNNING';
}

export function createKontomatikCommands(importMs: number, now: () => number): KontomatikCommands {
  const commands = new Map<string, KontomatikCommand>();
  return {
    create(input) {
      const command: KontomatikCommand = { ...input, id: randomBytes(16).toString('hex'), createdAt: now() };
      commands.set(command.id, command);
      return command;
    },
    get: (id) => commands.get(id),
    statusOf: (command) => commandStatusOf(command, importMs, now()),
  };
}
