import { formatDate, formatDateTime, formatOffset, isDate, parseDateTime } from '../../src/emulator/time';
import { AdjustableClock } from '../../src/emulator/clock';
import { IdGenerator, ID_PATTERN } from '../../src/emulator/ids';

describe('formatDateTime', () => {
  const instant = Date.UTC(2024, 0, 31, 20, 15, 42, 789);

  it("prints Zoho's yyyy-MM-ddTHH:mm:ss±HH:mm in the org offset, without millis", () => {
    expect(formatDateTime(instant, 330)).toBe('2024-02-01T01:45:42+05:30');
    expect(formatDateTime(instant, 0)).toBe('2024-01-31T20:15:42+00:00');
    expect(formatDateTime(instant, -300)).toBe('2024-01-31T15:15:42-05:00');
    expect(formatDateTime(instant, 345)).toBe('2024-02-01T02:00:42+05:45');
  });

  it('round-trips through parseDateTime to the second', () => {
    const text = formatDateTime(instant, 330);
    expect(parseDateTime(text)).toBe(instant - 789);
  });

  it('gives the date in the org offset', () => {
    expect(formatDate(instant, 330)).toBe('2024-02-01');
    expect(formatDate(instant, -300)).toBe('2024-01-31');
  });
});

describe('formatOffset', () => {
  it('pads hours and minutes and signs both ways', () => {
    expect(formatOffset(330)).toBe('+05:30');
    expect(formatOffset(-570)).toBe('-09:30');
    expect(formatOffset(0)).toBe('+00:00');
    expect(formatOffset(840)).toBe('+14:00');
  });
});

describe('parseDateTime', () => {
  it('accepts date-times with an offset or Z, with or without millis', () => {
    expect(parseDateTime('2024-01-02T09:00:00+05:30')).toBe(Date.UTC(2024, 0, 2, 3, 30));
    expect(parseDateTime('2024-01-02T03:30:00Z')).toBe(Date.UTC(2024, 0, 2, 3, 30));
    expect(parseDateTime('2024-01-02T03:30:00.250-01:00')).toBe(Date.UTC(2024, 0, 2, 4, 30, 0, 250));
  });

  it('rejects text without an offset or that is not a date-time', () => {
    expect(parseDateTime('2024-01-02T09:00:00')).toBeUndefined();
    expect(parseDateTime('2024-01-02')).toBeUndefined();
    expect(parseDateTime('Tue, 02 Jan 2024 09:00:00 GMT')).toBeUndefined();
    expect(parseDateTime('2024-13-45T99:00:00+05:30')).toBeUndefined();
  });
});

describe('isDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2023-02-29')).toBe(false);
    expect(isDate('2024-02-30')).toBe(false);
    expect(isDate('2024-2-3')).toBe(false);
    expect(isDate('2024-02-03T00:00:00Z')).toBe(false);
  });
});

describe('AdjustableClock', () => {
  it('adds the advanced seconds to its base clock', () => {
    let base = 1_000;
    const clock = new AdjustableClock({ now: () => base });
    clock.advance(90);
    expect(clock.now()).toBe(91_000);
    base = 2_000;
    clock.advance(0.5);
    expect(clock.now()).toBe(92_500);
  });
});

describe('IdGenerator', () => {
  it('mints increasing 19-digit ids under the org prefix from a persisted cursor', () => {
    const ids = new IdGenerator('3652397', 1_000_000);
    const first = ids.nextId();
    expect(first).toBe('3652397000001000000');
    expect(ids.nextId()).toBe('3652397000001000001');
    expect(ids.cursor).toBe(1_000_002);
    expect(first).toMatch(ID_PATTERN);
    expect(ID_PATTERN.test('36523970000010000001')).toBe(false);
    expect(ID_PATTERN.test('12ab')).toBe(false);
  });
});
