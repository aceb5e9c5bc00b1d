import { parse as parseLossless, isSafeNumber } from 'lossless-json';

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const SMALL_E = 101;
const BIG_E = 69;
/** Integers with more digits may be beyond 2^53 - 1. */
const SAFE_DIGITS = 15;

/**
 * Parses JSON with integers as numbers and every other number as its literal text, so
 * that a decimal amount like 24323.49 never becomes a binary float.
 *
 * Most replies hold no number but integers (Kontist's cents): those are read with
 * `JSON.parse`, which gives the very same value several times faster than lossless-json.
 * A reply with any other number (a fraction, an exponent, more than 15 digits), a key
 * given twice (lossless-json refuses it) or a `__proto__` key, or one `JSON.parse`
 * refuses, goes to lossless-json, which decides and words any refusal.
 */
export function parseJson(text: string): unknown {
  const keys = plainKeys(text);
  if (keys >= 0) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return parseExactly(text);
    }
    if (keysOf(value) === keys) {
      return value;
    }
  }
  return parseExactly(text);
}

function parseExactly(text: string): unknown {
  return parseLossless(text, undefined, (value: string) =>
    /^-?\d+$/.test(value) && isSafeNumber(value) ? Number(value) : value,
  );
}

/**
 * The keys written in `text` (strings followed by a colon), or -1 where a number outside
 * the strings is not an integer of at most 15 digits, or a string does not end.
 */
function plainKeys(text: string): number {
  let keys = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let end = text.indexOf('"', i + 1);
      while (end > 0 && isEscaped(text, end)) {
        end = text.indexOf('"', end + 1);
      }
      if (end < 0) {
        return -1;
      }
      let next = end + 1;
      while (isWhitespace(text.charCodeAt(next))) {
        next += 1;
      }
      if (text.charCodeAt(next) === COLON) {
        keys += 1;
      }
      i = end;
      digits = 0;
    } else if (c >= ZERO && c <= NINE) {
      digits += 1;
      if (digits > SAFE_DIGITS) {
        return -1;
      }
    } else {
      if (digits > 0 && (c === DOT || c === SMALL_E || c === BIG_E)) {
        return -1;
      }
      digits = 0;
    }
  }
  return keys;
}

/** Whether the quote at `at` is escaped: an odd number of backslashes before it. */
function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  for (let i = at - 1; text.charCodeAt(i) === BACKSLASH; i--) {
    backslashes += 1;
  }
  return backslashes % 2 === 1;
}

function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Own keys of every object in a parsed value; -1 where one is `__proto__` (lossless-json sets the prototype). */
function keysOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) {
    return 0;
  }
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) {
      const inner = keysOf(item);
      if (inner < 0) {
        return -1;
      }
      count += inner;
    }
    return count;
  }
  if (Object.prototype.hasOwnProperty.call(value, '__proto__')) {
    return -1;
  }
  for (const key in value) {
    const inner = keysOf((value as Record<string, unknown>)[key]);
    if (inner < 0) {
      return -1;
    }
    count += 1 + inner;
  }
  return count;
}
