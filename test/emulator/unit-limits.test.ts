import { ConcurrencyGate, CreditMeter, EDITIONS, editionLimits } from '../../src/emulator/crm/limits';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('editionLimits', () => {
  it('follows the per-edition credit formula, caps and concurrency of docs/zoho-v2-notes.md §4', () => {
    expect(editionLimits('free', 3)).toEqual({ creditsPerDay: 5_000, concurrency: 5, heavyConcurrency: 5 });
    expect(editionLimits('standard', 3)).toEqual({
      creditsPerDay: 50_750,
      concurrency: 10,
      heavyConcurrency: 10,
    });
    expect(editionLimits('standard', 1_000).creditsPerDay).toBe(100_000);
    expect(editionLimits('professional', 3)).toMatchObject({ creditsPerDay: 51_500, concurrency: 15 });
    expect(editionLimits('enterprise', 3)).toMatchObject({
      creditsPerDay: 53_000,
      concurrency: 20,
      heavyConcurrency: 10,
    });
    expect(editionLimits('enterprise', 10_000).creditsPerDay).toBe(5_000_000);
    expect(editionLimits('ultimate', 10_000)).toMatchObject({ creditsPerDay: 20_050_000, concurrency: 25 });
    expect(EDITIONS).toEqual(['free', 'standard', 'professional', 'enterprise', 'ultimate']);
  });
});

describe('CreditMeter', () => {
  const t0 = Date.UTC(2024, 0, 1, 12, 0, 30);

  it('charges until the limit and never charges part of a call', () => {
    const meter = new CreditMeter(5);
    expect(meter.tryCharge(t0, 3)).toBe(true);
    expect(meter.tryCharge(t0, 3)).toBe(false);
    expect(meter.used(t0)).toBe(3);
    expect(meter.tryCharge(t0, 2)).toBe(true);
    expect(meter.remaining(t0)).toBe(0);
    expect(meter.tryCharge(t0, 1)).toBe(false);
  });

  it('keeps credits for a rolling 24 hours, never releasing them early', () => {
    const meter = new CreditMeter(10);
    meter.tryCharge(t0, 4);
    meter.tryCharge(t0 + 2 * 60 * MINUTE, 6);
    expect(meter.remaining(t0 + DAY - 1)).toBe(0);
    // The first charge's minute bucket leaves the window a day and at most a minute later.
    expect(meter.remaining(t0 + DAY + MINUTE)).toBe(4);
    expect(meter.remaining(t0 + 2 * 60 * MINUTE + DAY + MINUTE)).toBe(10);
  });

  it('adds charges of one minute to one bucket and resets to empty', () => {
    const meter = new CreditMeter(100);
    for (let i = 0; i < 50; i++) meter.tryCharge(t0 + i * 100, 1);
    expect(meter.used(t0 + 5_000)).toBe(50);
    meter.reset();
    expect(meter.used(t0)).toBe(0);
  });
});

describe('ConcurrencyGate', () => {
  it('admits up to the limit and frees a slot on release, once', () => {
    const gate = new ConcurrencyGate({ creditsPerDay: 1, concurrency: 2, heavyConcurrency: 1 });
    const a = gate.tryEnter(false);
    const b = gate.tryEnter(false);
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(gate.tryEnter(false)).toBeUndefined();
    a!();
    a!();
    expect(gate.inFlight).toBe(1);
    expect(gate.tryEnter(false)).toBeDefined();
    expect(gate.tryEnter(false)).toBeUndefined();
  });

  it('holds heavy calls to their own sub-limit inside the overall one', () => {
    const gate = new ConcurrencyGate({ creditsPerDay: 1, concurrency: 3, heavyConcurrency: 1 });
    const heavy = gate.tryEnter(true);
    expect(heavy).toBeDefined();
    expect(gate.tryEnter(true)).toBeUndefined();
    expect(gate.tryEnter(false)).toBeDefined();
    heavy!();
    expect(gate.heavyInFlight).toBe(0);
    expect(gate.tryEnter(true)).toBeDefined();
    expect(gate.tryEnter(true)).toBeUndefined();
    expect(gate.inFlight).toBe(2);
    expect(gate.tryEnter(false)).toBeDefined();
    expect(gate.tryEnter(false)).toBeUndefined();
  });
});
