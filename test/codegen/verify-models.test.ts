/** `verifyModels()`: hand-written models checked against the emulator's field metadata over HTTP. */
import { verifyModels } from '../../src';
import { OrmFixture, startOrmEmulator } from '../orm/support/orm-emulator';
import { Account, Contact, Deal, Invoice } from '../cli/fixtures/drifted-models';

let fx: OrmFixture;

beforeAll(async () => {
  fx = await startOrmEmulator();
});

afterAll(async () => {
  await fx.stop();
});

test('models that match the org report nothing', async () => {
  expect(await verifyModels(fx.client, [Account, Contact])).toEqual([]);
});

test('a missing field, a type mismatch, a lookup to another module and an unknown module are each reported', async () => {
  await fx.clearLog();
  const mismatches = await verifyModels(fx.client, [Deal, Invoice]);
  expect(mismatches).toEqual([
    {
      model: 'Deal',
      module: 'Deals',
      kind: 'missing-field',
      property: 'name',
      apiName: 'Deal_Nme',
      message: 'Deal.name: Deals has no field "Deal_Nme" (did you mean "Deal_Name"?)',
    },
    {
      model: 'Deal',
      module: 'Deals',
      kind: 'type-mismatch',
      property: 'amount',
      apiName: 'Amount',
      declared: 'text',
      actual: 'currency',
      message: 'Deal.amount: declared text, but Deals.Amount is currency',
    },
    {
      model: 'Deal',
      module: 'Deals',
      kind: 'lookup-target',
      property: 'account',
      apiName: 'Account_Name',
      declared: 'Contacts',
      actual: 'Accounts',
      message: 'Deal.account: the lookup points at Contacts, but Deals.Account_Name looks up Accounts',
    },
    {
      model: 'Invoice',
      module: 'Invocies',
      kind: 'missing-module',
      message: 'Invoice: the org has no module "Invocies" (did you mean "Invoices"?)',
    },
  ]);
  // One modules call, one fields call for Deals (none for a module the org lacks).
  const calls = (await fx.crmCalls()).filter((c) => c.path.startsWith('settings/'));
  expect(calls.map((c) => c.path)).toEqual(expect.arrayContaining(['settings/modules', 'settings/fields']));
});
