import { DEFAULT_IMPORT_DAYS, epochDayOf, parseSince } from '../../src/kontomatik/kontomatik.since';

const TODAY = epochDayOf(Date.UTC(2026, 5, 30, 15, 0, 0));

describe('Kontomatik since', () => {
  it('reaches 90 days back when no since is given', () => {
    expect(parseSince(undefined, TODAY)).toEqual({ sinceDay: TODAY - DEFAULT_IMPORT_DAYS, tooOld: false });
    expect(DEFAULT_IMPORT_DAYS).toBe(90);
  });

  it('reads a calendar date as its epoch day', () => {
    expect(parseSince('2026-06-01', TODAY)).toEqual({ sinceDay: TODAY - 29, tooOld: false });
    expect(parseSince('2026-06-30', TODAY)).toEqual({ sinceDay: TODAY, tooOld: false });
  });

  it('accepts exactly five years back and marks one day more as too old', () => {
    expect(parseSince('2021-06-30', TODAY)).toEqual({ sinceDay: epochDayOf(Date.UTC(2021, 5, 30)), tooOld: false });
    expect(parseSince('2021-06-29', TODAY)).toEqual({ sinceDay: epochDayOf(Date.UTC(2021, 5, 29)), tooOld: true });
  });

  it('counts five years from 29 February as from 1 March', () => {
    const leapDay = epochDayOf(Date.UTC(2028, 1, 29));
    expect(parseSince('2023-03-01', leapDay)).toMatchObject({ tooOld: false });
    expect(parseSince('2023-02-28', leapDay)).toMatchObject({ tooOld: true });
  });

  it.each(['2026-07-01', '2026-02-30', '2026-6-1', '2026-06-01T00:00:00Z', '01.06.2026', 'soon'])(
    'refuses %s',
    (since) => {
      expect(parseSince(since, TODAY)).toEqual({ error: expect.any(String) });
    },
  );
});
