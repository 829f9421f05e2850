/**
 * The write faults of the reliability suite: a share of calls picked deterministically (every Nth, or seeded
 * random), Zoho's 429 with its rate-limit reset headers, an HTML 503 page, 1.5 s latency, a connection dropped
 * before the answer, and an answer dropped after the write was committed.
 */
import { RunningEmulator } from '../../src/emulator';
import { RawClient, startTestEmulator } from '../support/emulator';

describe('write faults', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  beforeAll(async () => ({ emulator, client } = await startTestEmulator()));
  afterAll(() => emulator.stop());
  afterEach(() => client.admin('DELETE', 'faults'));

  const addFault = (rule: unknown) =>
    client.request('POST', '/__emulator/faults', { body: rule, token: null });
  const insert = (name: string) =>
    client.post('/crm/v2/Leads', { data: [{ Last_Name: name, Company: 'Faulty' }] });
  const named = async (name: string) =>
    (await client.get(`/crm/v2/Leads/search?criteria=${encodeURIComponent(`(Last_Name:equals:${name})`)}`))
      .json?.data ?? [];
  const outcome = (call: Promise<{ status: number }>) =>
    call.then(
      (res) => res.status,
      (err: Error & { cause?: { code?: string } }) => err.cause?.code ?? err.message,
    );

  it('faults every Nth matching call, counting from offset', async () => {
    await addFault({ method: 'POST', path: '/crm/v2/Leads', every: 3, offset: 1, status: 500 });
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await insert(`Nth ${i}`)).status);
    expect(statuses).toEqual([201, 500, 201, 201, 500, 201, 201]);
    // GETs do not match the rule, so they neither get faulted nor move its count.
    expect((await client.get('/crm/v2/Leads')).status).toBe(200);
    expect((await insert('Nth 7')).status).toBe(500);
  });

  it('splits one route between rules with the same period and different offsets', async () => {
    await addFault({
      rules: [
        { method: 'POST', path: '/crm/v2/Leads', every: 4, offset: 0, status: 500 },
        { method: 'POST', path: '/crm/v2/Leads', every: 4, offset: 2, status: 503 },
      ],
    });
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await insert(`Split ${i}`)).status);
    expect(statuses).toEqual([500, 201, 503, 201, 500, 201, 503, 201]);
  });

  it('faults a seeded random share of calls, the same ones for the same seed', async () => {
    const run = async () => {
      await addFault({ method: 'POST', path: '/crm/v2/Leads', probability: 0.3, seed: 42, status: 500 });
      const statuses = [];
      for (let i = 0; i < 40; i++) statuses.push((await insert(`Random ${i}`)).status);
      await client.admin('DELETE', 'faults');
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    const faulted = first.filter((s) => s === 500).length;
    expect(faulted).toBeGreaterThan(4);
    expect(faulted).toBeLessThan(20);
  });

  it("answers Zoho's 429 with the rate-limit headers, resetting on the emulator clock", async () => {
    await addFault({ path: '/crm/v2/Leads', answer: 'rateLimited', resetMs: 2000, times: 1 });
    const { now } = await client.admin('GET', 'clock');
    const res = await insert('Limited');
    expect(res.status).toBe(429);
    expect(res.json).toEqual({
      code: 'TOO_MANY_REQUESTS',
      details: {},
      message: 'Number of API requests per minute exceeded',
      status: 'error',
    });
    expect(res.headers.get('x-ratelimit-limit')).toBe('100');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    expect(reset - now).toBeGreaterThanOrEqual(2000);
    expect(reset - now).toBeLessThan(3000);
    expect(await named('Limited')).toEqual([]);
  });

  it('answers 500 and 503 without handling the call', async () => {
    await addFault({
      rules: [
        { path: '/crm/v2/Leads', status: 500, times: 1 },
        { path: '/crm/v2/Leads', status: 503, times: 1 },
      ],
    });
    expect((await insert('Five hundred')).status).toBe(500);
    expect((await insert('Five oh three')).status).toBe(503);
    expect(await named('Five hundred')).toEqual([]);
    expect(await named('Five oh three')).toEqual([]);
  });

  it("serves a load balancer's HTML 503 page", async () => {
    await addFault({ path: '/crm/v2/Leads', answer: 'unavailablePage', times: 1 });
    const res = await insert('Paged');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(res.text).toMatch(/^<!DOCTYPE html>.*Service Unavailable/);
    expect(res.json).toBeUndefined();
    expect(await named('Paged')).toEqual([]);
  });

  it('drops the connection before handling the call', async () => {
    await addFault({ method: 'POST', path: '/crm/v2/Leads', drop: true, times: 1 });
    expect(['UND_ERR_SOCKET', 'ECONNRESET']).toContain(await outcome(insert('Dropped')));
    expect(await named('Dropped')).toEqual([]);
  });

  it('holds a call for 1.5 s, then handles it', async () => {
    await addFault({ method: 'POST', path: '/crm/v2/Leads', delayMs: 1500, times: 1 });
    const start = Date.now();
    expect((await insert('Slow')).status).toBe(201);
    expect(Date.now() - start).toBeGreaterThanOrEqual(1450);
    expect(await named('Slow')).toHaveLength(1);
  });

  it('commits the write, then drops the answer with the connection', async () => {
    await addFault({ method: 'POST', path: '/crm/v2/Leads', dropAnswerAfterCommit: true, times: 1 });
    await client.admin('DELETE', 'requests');
    expect(['UND_ERR_SOCKET', 'ECONNRESET']).toContain(await outcome(insert('Committed')));
    const stored = await named('Committed');
    expect(stored).toHaveLength(1);
    expect(stored[0].Company).toBe('Faulty');
    // The emulator keeps serving on new connections, and the rule is used up.
    expect((await insert('After')).status).toBe(201);
    const { requests } = await client.admin('GET', 'requests', undefined);
    expect(requests.filter((r: any) => r.method === 'POST').map((r: any) => r.status)).toEqual([
      undefined,
      201,
    ]);
  });

  it('drops the answer of a delete after deleting', async () => {
    const id = (await insert('Delete me')).json.data[0].details.id;
    await addFault({ method: 'DELETE', path: '/crm/v2/Leads', dropAnswerAfterCommit: true, times: 1 });
    expect(['UND_ERR_SOCKET', 'ECONNRESET']).toContain(
      await outcome(client.delete(`/crm/v2/Leads?ids=${id}`)),
    );
    expect((await client.get(`/crm/v2/Leads/${id}`)).status).toBe(204);
  });

  it.each([
    [{ path: '/x', every: 0, status: 500 }, /"every"/],
    [{ path: '/x', every: 3, offset: 3, status: 500 }, /"offset"/],
    [{ path: '/x', offset: 1, status: 500 }, /"offset"/],
    [{ path: '/x', probability: 1.5, status: 500 }, /"probability"/],
    [{ path: '/x', probability: 0.5, seed: -1, status: 500 }, /"seed"/],
    [{ path: '/x', answer: 'teapot' }, /"answer" must be one of rateLimited, unavailablePage/],
    [{ path: '/x', answer: 'rateLimited', status: 429 }, /not both/],
    [{ path: '/x', answer: 'rateLimited', resetMs: -5 }, /"resetMs"/],
    [{ path: '/x', dropAnswerAfterCommit: 'yes' }, /"dropAnswerAfterCommit"/],
    [{ path: '/x', every: 10 }, /needs "status", "answer", "delayMs", "drop" or "dropAnswerAfterCommit"/],
  ])('rejects %j', async (rule, error) => {
    const res = await addFault(rule);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatch(error);
  });
});
