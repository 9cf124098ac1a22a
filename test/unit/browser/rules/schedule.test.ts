import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpeningHours, Schedule, Weekday } from '../../../../src/browser/config/instance-config.types';
import { nextScheduleChange, scheduleOpen } from '../../../../src/browser/rules/schedule';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The same hours on each of `days`. */
function hoursOn(days: Weekday[], from: string, to: string): Schedule['weekly'] {
  return Object.fromEntries(days.map((day) => [day, [{ from, to }]]));
}

const SYDNEY_OFFICE: Schedule = {
  timeZone: 'Australia/Sydney',
  weekly: hoursOn(['mon', 'tue', 'wed', 'thu', 'fri'], '09:00', '17:00'),
};
const NEW_YORK_OFFICE: Schedule = {
  timeZone: 'America/New_York',
  weekly: hoursOn(['mon', 'tue', 'wed', 'thu', 'fri'], '09:00', '17:00'),
};

describe('scheduleOpen', () => {
  it('is always open without a schedule', () => {
    expect(scheduleOpen(undefined, Date.UTC(2026, 0, 1))).toBe(true);
  });

  it('reads the hours in the schedule time zone, not UTC', () => {
    // Tuesday 16 June 2026, 09:30 in Sydney (AEST, UTC+10) is Monday 23:30 UTC.
    expect(scheduleOpen(SYDNEY_OFFICE, Date.UTC(2026, 5, 15, 23, 30))).toBe(true);
    // Saturday 20 June 2026 03:00 UTC is Saturday 13:00 in Sydney.
    expect(scheduleOpen(SYDNEY_OFFICE, Date.UTC(2026, 5, 20, 3))).toBe(false);
  });

  it('opens exactly at "from" and closes exactly at "to"', () => {
    const opens = Date.UTC(2026, 5, 15, 23); // Tue 09:00 AEST
    const closes = Date.UTC(2026, 5, 16, 7); // Tue 17:00 AEST
    expect(scheduleOpen(SYDNEY_OFFICE, opens - 1)).toBe(false);
    expect(scheduleOpen(SYDNEY_OFFICE, opens)).toBe(true);
    expect(scheduleOpen(SYDNEY_OFFICE, closes - 1)).toBe(true);
    expect(scheduleOpen(SYDNEY_OFFICE, closes)).toBe(false);
  });

  it('follows daylight saving time: 09:00 in New York is 14:00 UTC in winter and 13:00 UTC in summer', () => {
    expect(scheduleOpen(NEW_YORK_OFFICE, Date.UTC(2026, 2, 6, 14))).toBe(true); // Fri 6 Mar, EST
    expect(scheduleOpen(NEW_YORK_OFFICE, Date.UTC(2026, 2, 6, 13, 59))).toBe(false);
    expect(scheduleOpen(NEW_YORK_OFFICE, Date.UTC(2026, 2, 9, 13))).toBe(true); // Mon 9 Mar, EDT
    expect(scheduleOpen(NEW_YORK_OFFICE, Date.UTC(2026, 2, 9, 12, 59))).toBe(false);
  });

  it('is closed the whole local day of a holiday, by the local date', () => {
    const schedule: Schedule = { ...SYDNEY_OFFICE, holidays: ['2026-06-22'] };
    // Monday 22 June 10:00 AEST, which is still Monday 00:00 UTC.
    expect(scheduleOpen(schedule, Date.UTC(2026, 5, 22, 0))).toBe(false);
    // Tuesday 23 June 10:00 AEST is open again.
    expect(scheduleOpen(schedule, Date.UTC(2026, 5, 23, 0))).toBe(true);
  });

  it('treats "24:00" as the end of the day, so hours can run on into the next day', () => {
    const schedule: Schedule = {
      timeZone: 'America/New_York',
      weekly: { mon: [{ from: '20:00', to: '24:00' }], tue: [{ from: '00:00', to: '08:00' }] },
    };
    expect(scheduleOpen(schedule, Date.UTC(2026, 5, 16, 3, 59, 59, 999))).toBe(true); // Mon 23:59:59.999 EDT
    expect(scheduleOpen(schedule, Date.UTC(2026, 5, 16, 4))).toBe(true); // Tue 00:00 EDT
    expect(scheduleOpen(schedule, Date.UTC(2026, 5, 16, 12))).toBe(false); // Tue 08:00 EDT
  });

  it('is open in any of several intervals in a day and closed between them', () => {
    const schedule: Schedule = {
      timeZone: 'UTC',
      weekly: { wed: [{ from: '13:00', to: '17:00' }, { from: '08:00', to: '12:00' }] },
    };
    expect(scheduleOpen(schedule, Date.UTC(2026, 5, 17, 9))).toBe(true);
    expect(scheduleOpen(schedule, Date.UTC(2026, 5, 17, 12, 30))).toBe(false);
    expect(scheduleOpen(schedule, Date.UTC(2026, 5, 17, 16, 59))).toBe(true);
  });

  it('is never open with an empty week', () => {
    expect(scheduleOpen({ timeZone: 'UTC', weekly: {} }, Date.UTC(2026, 5, 17, 9))).toBe(false);
  });
});

describe('nextScheduleChange', () => {
  it('never changes without a schedule, with an empty week, or open around the clock with no holiday ahead', () => {
    const now = Date.UTC(2026, 5, 17);
    expect(nextScheduleChange(undefined, now)).toBeNull();
    expect(nextScheduleChange({ timeZone: 'Australia/Sydney', weekly: {} }, now)).toBeNull();
    const aroundTheClock = { timeZone: 'Australia/Sydney', weekly: hoursOn(WEEKDAYS, '00:00', '24:00'), holidays: ['2025-12-25'] };
    expect(nextScheduleChange(aroundTheClock, now)).toBeNull();
  });

  it('is the closing time while open and the next opening time while closed', () => {
    expect(nextScheduleChange(SYDNEY_OFFICE, Date.UTC(2026, 5, 16, 0))).toBe(Date.UTC(2026, 5, 16, 7)); // Tue 10:00 → 17:00
    expect(nextScheduleChange(SYDNEY_OFFICE, Date.UTC(2026, 5, 15, 22))).toBe(Date.UTC(2026, 5, 15, 23)); // Tue 08:00 → 09:00
  });

  it('is strictly after now, even exactly at a boundary', () => {
    const opens = Date.UTC(2026, 5, 15, 23);
    expect(nextScheduleChange(SYDNEY_OFFICE, opens)).toBe(Date.UTC(2026, 5, 16, 7));
  });

  it('skips the weekend: Friday 17:00 in Sydney next changes at Monday 09:00', () => {
    const fridayClose = Date.UTC(2026, 5, 19, 7); // Fri 19 June 17:00 AEST
    expect(nextScheduleChange(SYDNEY_OFFICE, fridayClose)).toBe(Date.UTC(2026, 5, 21, 23)); // Mon 22 June 09:00 AEST
  });

  it('skips a holiday Monday after the weekend', () => {
    const schedule: Schedule = { ...SYDNEY_OFFICE, holidays: ['2026-06-22'] };
    expect(nextScheduleChange(schedule, Date.UTC(2026, 5, 19, 7))).toBe(Date.UTC(2026, 5, 22, 23)); // Tue 09:00 AEST
  });

  it('closes at local midnight when a holiday starts and reopens at the next local midnight', () => {
    const schedule: Schedule = {
      timeZone: 'Australia/Sydney',
      weekly: hoursOn(WEEKDAYS, '00:00', '24:00'),
      holidays: ['2026-12-25'],
    };
    const christmas = Date.UTC(2026, 11, 24, 13); // 25 Dec 00:00 AEDT (UTC+11)
    expect(nextScheduleChange(schedule, Date.UTC(2026, 11, 20))).toBe(christmas);
    expect(nextScheduleChange(schedule, christmas)).toBe(christmas + DAY);
  });

  it('finds a holiday months ahead, across a daylight-saving change', () => {
    const schedule: Schedule = {
      timeZone: 'Australia/Sydney',
      weekly: hoursOn(WEEKDAYS, '00:00', '24:00'),
      holidays: ['2026-12-25'],
    };
    expect(nextScheduleChange(schedule, Date.UTC(2026, 5, 1))).toBe(Date.UTC(2026, 11, 24, 13));
  });

  it('skips a run of holidays that hide every open weekday for weeks', () => {
    const mondaysOnly: Schedule = {
      timeZone: 'UTC',
      weekly: { mon: [{ from: '09:00', to: '10:00' }] },
      holidays: ['2026-06-01', '2026-06-08', '2026-06-15', '2026-06-22'],
    };
    expect(nextScheduleChange(mondaysOnly, Date.UTC(2026, 4, 30))).toBe(Date.UTC(2026, 5, 29, 9));
  });

  it('runs on past midnight when the next day opens at 00:00', () => {
    const schedule: Schedule = {
      timeZone: 'America/New_York',
      weekly: { mon: [{ from: '20:00', to: '24:00' }], tue: [{ from: '00:00', to: '08:00' }] },
    };
    expect(nextScheduleChange(schedule, Date.UTC(2026, 5, 16, 1))).toBe(Date.UTC(2026, 5, 16, 12)); // Mon 21:00 → Tue 08:00 EDT
  });

  describe('across Sydney daylight-saving changes', () => {
    it('moves Monday opening an hour later in UTC after DST ends (Sun 5 April 2026, 03:00 → 02:00)', () => {
      const fridayClose = Date.UTC(2026, 3, 3, 6); // Fri 3 April 17:00 AEDT (UTC+11)
      expect(nextScheduleChange(SYDNEY_OFFICE, fridayClose)).toBe(Date.UTC(2026, 3, 5, 23)); // Mon 09:00 AEST (UTC+10)
    });

    it('moves Monday opening an hour earlier in UTC after DST starts (Sun 4 October 2026, 02:00 → 03:00)', () => {
      const fridayClose = Date.UTC(2026, 9, 2, 7); // Fri 2 Oct 17:00 AEST
      expect(nextScheduleChange(SYDNEY_OFFICE, fridayClose)).toBe(Date.UTC(2026, 9, 4, 22)); // Mon 09:00 AEDT
    });

    it('opens at the end of the spring-forward gap when "from" does not exist that day', () => {
      const schedule: Schedule = { timeZone: 'Australia/Sydney', weekly: { sun: [{ from: '02:30', to: '04:00' }] } };
      const gapEnd = Date.UTC(2026, 9, 3, 16); // 02:00 AEST becomes 03:00 AEDT
      expect(nextScheduleChange(schedule, Date.UTC(2026, 9, 3, 12))).toBe(gapEnd);
      expect(scheduleOpen(schedule, gapEnd - 1)).toBe(false);
      expect(scheduleOpen(schedule, gapEnd)).toBe(true);
      expect(nextScheduleChange(schedule, gapEnd)).toBe(Date.UTC(2026, 9, 3, 17)); // 04:00 AEDT
    });

    it('closes at the end of the spring-forward gap when "to" does not exist that day', () => {
      const schedule: Schedule = { timeZone: 'Australia/Sydney', weekly: { sun: [{ from: '01:00', to: '02:30' }] } };
      const opens = Date.UTC(2026, 9, 3, 15); // 01:00 AEST
      expect(nextScheduleChange(schedule, opens - HOUR)).toBe(opens);
      expect(nextScheduleChange(schedule, opens)).toBe(Date.UTC(2026, 9, 3, 16));
    });

    it('does not open at all on the day an interval lies wholly inside the gap', () => {
      const schedule: Schedule = { timeZone: 'Australia/Sydney', weekly: { sun: [{ from: '02:00', to: '02:45' }] } };
      // Next Sunday, 11 October 02:00 AEDT.
      expect(nextScheduleChange(schedule, Date.UTC(2026, 9, 3, 12))).toBe(Date.UTC(2026, 9, 10, 15));
    });

    it('opens, closes and reopens when the fall-back repeats the opening hour', () => {
      const schedule: Schedule = { timeZone: 'Australia/Sydney', weekly: { sun: [{ from: '02:30', to: '09:00' }] } };
      const firstOpening = Date.UTC(2026, 3, 4, 15, 30); // 02:30 AEDT
      const fallBack = Date.UTC(2026, 3, 4, 16); // 03:00 AEDT becomes 02:00 AEST
      const secondOpening = Date.UTC(2026, 3, 4, 16, 30); // 02:30 AEST
      expect(nextScheduleChange(schedule, Date.UTC(2026, 3, 4, 12))).toBe(firstOpening);
      expect(nextScheduleChange(schedule, firstOpening)).toBe(fallBack);
      expect(scheduleOpen(schedule, fallBack)).toBe(false);
      expect(nextScheduleChange(schedule, fallBack)).toBe(secondOpening);
      expect(nextScheduleChange(schedule, secondOpening)).toBe(Date.UTC(2026, 3, 4, 23)); // 09:00 AEST
    });
  });

  describe('across New York daylight-saving changes', () => {
    it('moves Monday opening an hour earlier in UTC after DST starts (Sun 8 March 2026)', () => {
      const fridayClose = Date.UTC(2026, 2, 6, 22); // Fri 6 March 17:00 EST
      expect(nextScheduleChange(NEW_YORK_OFFICE, fridayClose)).toBe(Date.UTC(2026, 2, 9, 13)); // Mon 09:00 EDT
    });

    it('moves Monday opening an hour later in UTC after DST ends (Sun 1 November 2026)', () => {
      const fridayClose = Date.UTC(2026, 9, 30, 21); // Fri 30 Oct 17:00 EDT
      expect(nextScheduleChange(NEW_YORK_OFFICE, fridayClose)).toBe(Date.UTC(2026, 10, 2, 14)); // Mon 09:00 EST
    });

    it('opens at 03:00 EDT when the schedule says 02:30 on the spring-forward day', () => {
      const schedule: Schedule = { timeZone: 'America/New_York', weekly: { sun: [{ from: '02:30', to: '03:30' }] } };
      expect(nextScheduleChange(schedule, Date.UTC(2026, 2, 8, 5))).toBe(Date.UTC(2026, 2, 8, 7));
      expect(nextScheduleChange(schedule, Date.UTC(2026, 2, 8, 7))).toBe(Date.UTC(2026, 2, 8, 7, 30));
    });

    it('follows the repeated 01:00–02:00 hour on the fall-back day', () => {
      const schedule: Schedule = { timeZone: 'America/New_York', weekly: { sun: [{ from: '01:30', to: '02:00' }] } };
      const changes: number[] = [];
      for (let t: number | null = Date.UTC(2026, 10, 1); t !== null && changes.length < 4; ) {
        t = nextScheduleChange(schedule, t);
        if (t !== null) changes.push(t);
      }
      expect(changes).toEqual([
        Date.UTC(2026, 10, 1, 5, 30), // 01:30 EDT: open
        Date.UTC(2026, 10, 1, 6), // 02:00 EDT is 01:00 EST: closed
        Date.UTC(2026, 10, 1, 6, 30), // 01:30 EST: open
        Date.UTC(2026, 10, 1, 7), // 02:00 EST: closed
      ]);
    });
  });
});

describe('scheduleOpen and nextScheduleChange together (properties)', () => {
  const zones = [
    'Australia/Sydney',
    'America/New_York',
    'Australia/Lord_Howe', // 30-minute DST shift
    'Europe/London',
    'America/Sao_Paulo',
    'Asia/Kolkata',
    'Pacific/Chatham',
    'UTC',
  ];
  const clock = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const interval: fc.Arbitrary<OpeningHours> = fc
    .tuple(fc.integer({ min: 0, max: 96 }), fc.integer({ min: 0, max: 96 }))
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => ({ from: clock(Math.min(a, b) * 15), to: clock(Math.max(a, b) * 15) }));
  const schedule: fc.Arbitrary<Schedule> = fc.record({
    timeZone: fc.constantFrom(...zones),
    weekly: fc.dictionary(fc.constantFrom(...WEEKDAYS), fc.array(interval, { maxLength: 3 })) as fc.Arbitrary<
      Schedule['weekly']
    >,
    holidays: fc.array(
      fc.date({ min: new Date(Date.UTC(2025, 11, 1)), max: new Date(Date.UTC(2027, 1, 1)), noInvalidDate: true }).map((date) =>
        date.toISOString().slice(0, 10),
      ),
      { maxLength: 6 },
    ),
  });
  const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) });
  /** Instants within three days of a daylight-saving change in one of the zones above. */
  const nearDst = fc
    .tuple(
      fc.constantFrom(
        Date.UTC(2026, 3, 4, 16), // Sydney ends
        Date.UTC(2026, 9, 3, 16), // Sydney starts
        Date.UTC(2026, 2, 8, 7), // New York starts
        Date.UTC(2026, 10, 1, 6), // New York ends
        Date.UTC(2026, 3, 4, 15), // Lord Howe ends
        Date.UTC(2026, 9, 3, 15, 30), // Lord Howe starts
        Date.UTC(2026, 2, 29, 1), // London starts
      ),
      fc.integer({ min: -3 * DAY, max: 3 * DAY }),
    )
    .map(([change, offset]) => change + offset);

  it('keeps the same answer from now until the next change, and gives the other answer at it', () => {
    fc.assert(
      fc.property(schedule, fc.oneof(instant, nearDst), fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { maxLength: 8 }), (s, now, fractions) => {
        const answer = scheduleOpen(s, now);
        const next = nextScheduleChange(s, now);
        const end = next ?? now + 30 * DAY;
        for (const fraction of [0, ...fractions]) {
          expect(scheduleOpen(s, now + Math.floor(fraction * (end - now)))).toBe(answer);
        }
        if (next !== null) {
          expect(next).toBeGreaterThan(now);
          expect(scheduleOpen(s, next - 1)).toBe(answer);
          expect(scheduleOpen(s, next)).toBe(!answer);
        } else {
          expect(scheduleOpen(s, end)).toBe(answer);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('finds the same next change as checking every minute', () => {
    /** The first whole minute after `now` with a different answer (zone offsets and boundaries are whole minutes). */
    function minuteByMinute(s: Schedule, now: number, horizon: number): number | null {
      const answer = scheduleOpen(s, now);
      for (let t = Math.floor(now / MINUTE) * MINUTE + MINUTE; t <= now + horizon; t += MINUTE) {
        if (scheduleOpen(s, t) !== answer) return t;
      }
      return null;
    }
    fc.assert(
      fc.property(schedule, nearDst, (s, now) => {
        const next = nextScheduleChange(s, now);
        const expected = minuteByMinute(s, now, 4 * DAY);
        if (expected !== null) expect(next).toBe(expected);
        else if (next !== null) expect(next).toBeGreaterThan(now + 4 * DAY);
      }),
      { numRuns: 40 },
    );
  });
});
