import type { Logger } from 'pino';

/** A path that censors a key one level down in any value of a line: `*.token`. */
const ANY_KEY = /^\*\.([A-Za-z_$][\w$]*)$/;

const hasOwn = Object.prototype.hasOwnProperty;
const isOwnEnumerable = Object.prototype.propertyIsEnumerable;

type Line = Record<string, unknown>;

/** pino's redaction, with the `*.name` paths applied by the gateway (see `createRedaction`). */
export interface Redaction {
  /** The paths left to pino's `redact`: those that name their first key. */
  readonly paths: string[];
  /** pino's `formatters.log`: the line with every `*.name` censored, itself when there is none. */
  log(line: Line): Line;
  /** A serializer whose output is censored too: pino redacts what serializers return. */
  serialized<T>(serializer: (value: T) => unknown): (value: T) => unknown;
  /** Censors the bindings of the logger's children (and theirs), as pino's redaction does. */
  coverChildren(logger: Logger): Logger;
}

/**
 * pino's redaction, with the same output and less work. With one path that starts with
 * `*.`, pino runs its path matcher over every value of every line, and the matcher parses
 * each path again on each call: on the one line a request logs (numbers and short
 * strings) that was a third of the bytes the gateway allocated. So pino keeps the paths
 * that name their first key (`req.headers.cookie`, `variables`), which it only runs for
 * lines holding that key, and the `*.name` paths are applied here, in one pass over the
 * line's values that are objects: an own enumerable `name` becomes `censor` in a copy.
 * Keys with a serializer (`serializedKeys`) are censored after it, through `serialized`.
 * Objects interpolated into a message (`%o`, `%j`) get pino's paths only: log objects as
 * the first argument.
 */
export function createRedaction(
  paths: readonly string[],
  censor: string,
  serializedKeys: readonly string[] = [],
): Redaction {
  const names = new Set(paths.flatMap((path) => ANY_KEY.exec(path)?.[1] ?? []));
  const nameList = [...names];
  const serialized = new Set(serializedKeys);

  const censorValue = (value: unknown): unknown => {
    if (
      typeof value !== 'object' ||
      value === null ||
      Array.isArray(value) ||
      !nameList.some((name) => isOwnEnumerable.call(value, name))
    ) {
      return value;
    }
    const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Line;
    for (const key in value) {
      if (hasOwn.call(value, key)) {
        copy[key] = names.has(key) ? censor : (value as Line)[key];
      }
    }
    return copy;
  };

  const log = (line: Line): Line => {
    let censored: Line | undefined;
    for (const key in line) {
      if (serialized.has(key) || !hasOwn.call(line, key)) {
        continue;
      }
      const value = line[key];
      const clean = censorValue(value);
      if (clean !== value) {
        censored ??= { ...line };
        censored[key] = clean;
      }
    }
    return censored ?? line;
  };

  return {
    paths: paths.filter((path) => !ANY_KEY.test(path)),
    log,
    serialized: (serializer) => (value) => censorValue(serializer(value)),
    coverChildren(logger) {
      const child = logger.child;
      // Children are made with Object.create(parent): they and theirs inherit this one.
      logger.child = function (this: Logger, bindings, options) {
        return child.call(this, log(bindings), options);
      } as Logger['child'];
      return logger;
    },
  };
}
