import { createRandom } from '../src/random';

describe('createRandom', () => {
  it('gives the same sequence for the same seed', () => {
    const draw = (seed: string): unknown[] => {
      const random = createRandom(seed);
      return [random.next(), random.int(1, 6), random.hex(32), random.digits(12), random.pick(['a', 'b', 'c'])];
    };
    expect(draw('kontist:4711')).toEqual(draw('kontist:4711'));
    expect(draw('kontist:4711')).not.toEqual(draw('kontist:4712'));
  });

  it('keeps integers within both bounds', () => {
    const random = createRandom(42);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      seen.add(random.int(1, 3));
    }
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it('makes hex and digit strings of exactly the asked length', () => {
    const random = createRandom(7);
    expect(random.hex(32)).toMatch(/^[0-9a-f]{32}$/);
    expect(random.hex(5)).toMatch(/^[0-9a-f]{5}$/);
    expect(random.digits(10)).toMatch(/^\d{10}$/);
    expect(random.digits(3)).toMatch(/^\d{3}$/);
  });
});
