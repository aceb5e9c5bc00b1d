import { isSafeNumber, parse as parseLossless } from 'lossless-json';

import { parseJson } from '../../src/providers/json';

/** What the gateway read every reply with before: lossless-json alone. */
function reference(text: string): unknown {
  return parseLossless(text, undefined, (value: string) =>
    /^-?\d+$/.test(value) && isSafeNumber(value) ? Number(value) : value,
  );
}

type Outcome = { value: unknown } | { error: string };

function outcome(parse: (text: string) => unknown, text: string): Outcome {
  try {
    return { value: parse(text) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Deep equality that tells -0 from 0 and a prototype set by `__proto__` from a plain object. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b);
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) || Array.isArray(a) !== Array.isArray(b)) {
    return false;
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every(
      (key, i) => key === keysB[i] && same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

function sameAsReference(text: string): boolean {
  const got = outcome(parseJson, text);
  const want = outcome(reference, text);
  return 'error' in want ? 'error' in got && got.error === want.error : 'value' in got && same(got.value, want.value);
}

function expectSameAsReference(text: string): void {
  const got = outcome(parseJson, text);
  const want = outcome(reference, text);
  if ('error' in want) {
    expect(got).toEqual(want);
  } else {
    expect('value' in got && same(got.value, want.value)).toBe(true);
  }
}

const corpus = [
  '[{"id":4711,"iban":"DE89370400440532013000","balance":1284733,"accountType":"checking"}]',
  '{"a":-0,"b":0,"c":-12,"d":123456789012345,"e":1234567890123456,"f":12345678901234567890}',
  '{"amount":24323.49,"fee":-5323.21,"rate":1e3,"big":1E+21,"small":2.5e-3,"whole":100.0}',
  '{"text":"1.5 and 1e5 and 12345678901234567890 in a string","a":1}',
  '{"quote":"say \\"hi\\": \\\\","key\\":x":2,"back\\\\":3}',
  '{"a":1,"a":2}',
  '{"a":1,"a":1}',
  '{"a":{"b":1},"c":{"b":2,"b":3}}',
  '{"__proto__":{"polluted":1},"x":1}',
  '{"\\u005f_proto__":{"polluted":1}}',
  '{"__proto__":5}',
  '[[],{},[{}],"",0,true,false,null]',
  ' \n\t\r{ "a" : [ 1 , 2 ] , "b" : { } } \n',
  '"just a string"',
  '42',
  '-7.5',
  'true',
  '{"a":1,}',
  '{"a":"unterminated}',
  '{"a":"raw\u0001control"}',
  '{"a":01}',
  '{"a":.5}',
  '\ufeff{"a":1}',
  '{"a":1}{"b":2}',
  '',
  '{"a":"\\ud800 lone"}',
  '{"a":"é ü 日本"}',
  '[1, 2, 3',
  '{"a" 1}',
];

describe('parseJson', () => {
  it.each(corpus)('reads %j as lossless-json does', (text) => {
    expectSameAsReference(text);
  });

  it('keeps decimals as their text and integers as numbers', () => {
    expect(parseJson('{"amount":24323.49,"cents":-504,"t":"2024-01-02T10:00:00.000Z"}')).toEqual({
      amount: '24323.49',
      cents: -504,
      t: '2024-01-02T10:00:00.000Z',
    });
  });

  it('reads generated documents as lossless-json does', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const numbers = ['0', '-0', '7', '-12', '999999999999999', '9007199254740993', '1.5', '-0.25', '2e3', '1E-2'];
    const strings = ['"a"', '"b"', '"x.y"', '"1e5"', '"q\\"uote"', '"back\\\\"', '""', '"__proto__"'];
    const value = (depth: number): string => {
      const kind = depth > 3 ? Math.floor(random() * 3) : Math.floor(random() * 5);
      if (kind === 0) {
        return pick(numbers);
      }
      if (kind === 1) {
        return pick(strings);
      }
      if (kind === 2) {
        return pick(['true', 'false', 'null']);
      }
      const size = Math.floor(random() * 4);
      if (kind === 3) {
        return `[${Array.from({ length: size }, () => value(depth + 1)).join(',')}]`;
      }
      return `{${Array.from({ length: size }, () => `${pick(strings)}:${value(depth + 1)}`).join(',')}}`;
    };
    const documents = Array.from({ length: 3000 }, () => value(0));
    expect(documents.filter((text) => !sameAsReference(text))).toEqual([]);
  });
});
