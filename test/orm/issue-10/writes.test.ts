/**
 * Issue 10, wrong or incomplete data on writes, against the emulator over HTTP: what an insert puts on the
 * instance (owner, tags) and what `attach()` returns (size).
 */
import { Account, Lead } from '../support/models';
import { OrmFixture, startOrmEmulator } from '../support/orm-emulator';
import { captureRequests, CapturedRequest } from '../../support/record-helpers';

let fx: OrmFixture;
let sent: CapturedRequest[];

beforeAll(async () => {
  fx = await startOrmEmulator();
  sent = captureRequests(fx.client);
});
afterAll(async () => fx?.stop());
beforeEach(() => {
  sent.length = 0;
});

describe('after insert', () => {
  test('owner (the creator) and tags (none) are set, as a read shows them, and are not sent back', async () => {
    const lead = await Lead.create({ lastName: 'Owner' }).save();
    const read = await Lead.findByIdOrFail(lead.id!);
    expect(lead.owner).toMatchObject({ id: read.owner!.id, name: read.owner!.name });
    expect(lead.tags).toEqual([]);
    expect(read.tags).toEqual([]);
    sent.length = 0;
    lead.company = 'Zylker';
    await lead.save();
    expect(sent.filter((r) => r.method === 'PUT').map((r) => r.body.data[0])).toEqual([
      { id: lead.id, Company: 'Zylker' },
    ]);
  });

  test('an owner given is kept', async () => {
    const first = await Lead.create({ lastName: 'First' }).save();
    const lead = await Lead.create({ lastName: 'Given', owner: { id: first.owner!.id } }).save();
    expect(lead.owner).toEqual({ id: first.owner!.id });
  });

  test('attach() returns the size of what was sent', async () => {
    const account = await Account.create({ name: 'With file' }).save();
    const file = await account.attach(Buffer.from('hello world'), { fileName: 'hello.txt' });
    expect(file.size).toBe(11);
    expect(file.fileName).toBe('hello.txt');
    const [listed] = await account.attachments();
    expect(listed.size).toBe(11);
  });
});
