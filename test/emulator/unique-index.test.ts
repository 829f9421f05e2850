/**
 * The unique-field check keeps a cached list of each module's records: it must follow inserts, deletes (also of
 * records in the same call) and resets, or a duplicate slips through or a free value is refused.
 */
import { RunningEmulator } from '../../src/emulator';
import { RawClient, startTestEmulator } from '../support/emulator';

describe('unique fields', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  beforeAll(async () => ({ emulator, client } = await startTestEmulator({ demoData: false })));
  afterAll(() => emulator.stop());

  const insert = (...emails: string[]) =>
    client.post('/crm/v2/Leads', { data: emails.map((Email, i) => ({ Last_Name: `U ${i}`, Email })) });
  const codes = (res: { json: any }) => res.json.data.map((item: any) => item.code);

  it('refuses a taken value (any case), also within one call, and frees it on delete and reset', async () => {
    const first = await insert('taken@example.com');
    expect(codes(first)).toEqual(['SUCCESS']);
    const again = await insert(' TAKEN@example.com', 'free@example.com', 'free@example.com');
    expect(codes(again)).toEqual(['DUPLICATE_DATA', 'SUCCESS', 'DUPLICATE_DATA']);
    expect(again.json.data[0].details).toMatchObject({
      api_name: 'Email',
      id: first.json.data[0].details.id,
    });
    expect((await client.delete(`/crm/v2/Leads?ids=${first.json.data[0].details.id}`)).status).toBe(200);
    expect(codes(await insert('taken@example.com'))).toEqual(['SUCCESS']);
    await client.admin('POST', 'reset');
    expect(codes(await insert('taken@example.com', 'free@example.com'))).toEqual(['SUCCESS', 'SUCCESS']);
  });

  it('an update into a taken value is refused; the old value is then free', async () => {
    const [a, b] = (await insert('a@example.org', 'b@example.org')).json.data.map((d: any) => d.details.id);
    const clash = await client.put('/crm/v2/Leads', { data: [{ id: b, Email: 'A@example.org' }] });
    expect(codes(clash)).toEqual(['DUPLICATE_DATA']);
    expect(codes(await client.put('/crm/v2/Leads', { data: [{ id: a, Email: 'c@example.org' }] }))).toEqual([
      'SUCCESS',
    ]);
    expect(codes(await client.put('/crm/v2/Leads', { data: [{ id: b, Email: 'a@example.org' }] }))).toEqual([
      'SUCCESS',
    ]);
  });
});
