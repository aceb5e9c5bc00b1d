import { MAX_LIMIT, planPages } from '../../../src/providers/bankimport/bankimport.pages';

/** The positions a plan's calls return, in order. */
function covered(plan: { limit: number; pages: number[] }): { from: number; to: number } {
  const first = plan.pages[0] as number;
  const last = plan.pages[plan.pages.length - 1] as number;
  return { from: (first - 1) * plan.limit, to: last * plan.limit };
}

/** True when some limit of at most 1000 puts the whole range on one page. */
function fitsOnePage(offset: number, count: number): boolean {
  for (let limit = count; limit <= MAX_LIMIT; limit += 1) {
    if (Math.floor(offset / limit) === Math.floor((offset + count - 1) / limit)) {
      return true;
    }
  }
  return false;
}

describe('planPages', () => {
  it('reads the first 501 items in one call of limit 501', () => {
    expect(planPages(0, 501)).toEqual({ limit: 501, pages: [1] });
  });

  it('reads items 501 to 1001 in one call, page 2 of limit 501', () => {
    expect(planPages(501, 501)).toEqual({ limit: 501, pages: [2] });
  });

  it('reads a page-aligned window as that page', () => {
    expect(planPages(0, 50)).toEqual({ limit: 50, pages: [1] });
    expect(planPages(100, 50)).toEqual({ limit: 50, pages: [3] });
  });

  it('grows the limit until one page covers an unaligned window', () => {
    // 999 and 1000 meet on page 334 of limit 3 (positions 999 to 1001).
    expect(planPages(999, 2)).toEqual({ limit: 3, pages: [334] });
  });

  it('reads one item as page offset + 1 of limit 1', () => {
    expect(planPages(41, 1)).toEqual({ limit: 1, pages: [42] });
  });

  it('uses consecutive pages of 1000 when one page cannot hold the range', () => {
    expect(planPages(1500, 1000)).toEqual({ limit: 1000, pages: [2, 3] });
  });

  it('splits more than 1000 items into pages of 1000', () => {
    expect(planPages(0, 2500)).toEqual({ limit: 1000, pages: [1, 2, 3] });
    expect(planPages(3000, 3000)).toEqual({ limit: 1000, pages: [4, 5, 6] });
  });

  it('never asks for more than 1000 items per call', () => {
    for (const count of [1, 999, 1000, 1001, 5000]) {
      for (const offset of [0, 1, 999, 1000, 12345]) {
        expect(planPages(offset, count).limit).toBeLessThanOrEqual(MAX_LIMIT);
      }
    }
  });

  it('covers every asked position with consecutive pages, in one call wherever one can', () => {
    const counts = [1, 2, 3, 7, 49, 50, 51, 100, 251, 499, 500, 501, 999, 1000, 1001, 1999, 2001];
    const broken: string[] = [];
    for (let offset = 0; offset <= 4000; offset += 37) {
      for (const count of counts) {
        const plan = planPages(offset, count);
        const { from, to } = covered(plan);
        // Without one page, consecutive pages of min(count, 1000) are the fewest calls.
        const fewest = count <= MAX_LIMIT && fitsOnePage(offset, count) ? 1 : Math.ceil(count / MAX_LIMIT) + 1;
        const problems = [
          plan.limit > 0 && plan.limit <= MAX_LIMIT ? null : 'limit out of 1 to 1000',
          plan.pages.every((page, i) => i === 0 || page === (plan.pages[i - 1] as number) + 1)
            ? null
            : 'pages not consecutive',
          from <= offset ? null : `starts at ${from}`,
          to >= offset + count ? null : `ends at ${to}`,
          plan.pages.length <= fewest ? null : `${plan.pages.length} pages, not ${fewest}`,
        ].filter((problem) => problem !== null);
        if (problems.length > 0) {
          broken.push(`offset ${offset}, count ${count}: ${problems.join(', ')} (${JSON.stringify(plan)})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
