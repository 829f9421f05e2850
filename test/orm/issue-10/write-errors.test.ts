/**
 * Issue 10, errors that tell the user what to do, for writes against the emulator over HTTP: an update or
 * delete of a record deleted elsewhere is a CrmRecordNotFoundError, and Zoho's per-record errors
 * (MANDATORY_NOT_FOUND, INVALID_DATA, DUPLICATE_DATA) name the field as model property and API name.
 */
import { CrmModule, Field } from '../../../decorators';
import { CrmRecord, CrmRecordNotFoundError } from '../../../src/orm';
import { ValidationException } from '../../../src/errors';
import { OrmFixture, startOrmEmulator } from '../support/orm-emulator';
import { Lead } from '../support/models';

/** A model without class-validator rules, so Zoho's own checks answer. */
@CrmModule('Leads')
class BareLead extends CrmRecord {
  @Field('Last_Name') lastName?: string;
  @Field('Email', { type: 'email' }) email?: string;
  @Field('First_Name') firstName?: string;
}

let fx: OrmFixture;
beforeAll(async () => {
  fx = await startOrmEmulator();
});
afterAll(async () => fx?.stop());

describe('a record deleted elsewhere', () => {
  test('save() of a change rejects with CrmRecordNotFoundError naming the model and id', async () => {
    const lead = await Lead.create({ lastName: 'Gone' }).save();
    await Lead.deleteMany([lead.id!]);
    lead.company = 'Too late';
    const error = await lead.save().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmRecordNotFoundError);
    expect(error).toMatchObject({
      errorCode: 'RECORD_NOT_FOUND',
      errorDetails: expect.objectContaining({
        model: 'Lead',
        module: 'Leads',
        id: lead.id,
        zohoCode: 'INVALID_DATA',
      }),
    });
    expect((error as Error).message).toContain(lead.id);
  });

  test('saveMany and deleteMany report it per record', async () => {
    const [kept, gone] = await Promise.all([
      Lead.create({ lastName: 'Kept' }).save(),
      Lead.create({ lastName: 'Gone 2' }).save(),
    ]);
    await Lead.deleteMany([gone.id!]);
    kept.company = 'A';
    gone.company = 'B';
    const results = await Lead.saveMany([kept, gone]);
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    expect((results[1] as { error?: unknown }).error).toBeInstanceOf(CrmRecordNotFoundError);
    const [deleted] = await Lead.deleteMany([gone.id!]);
    expect((deleted as { error?: unknown }).error).toBeInstanceOf(CrmRecordNotFoundError);
  });
});

describe("Zoho's per-record errors name the field", () => {
  test('MANDATORY_NOT_FOUND', async () => {
    const error = await BareLead.create({ firstName: 'No last name' })
      .save()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationException);
    expect(error).toMatchObject({ errorCode: 'MANDATORY_NOT_FOUND' });
    expect((error as Error).message).toMatch(/BareLead\.lastName \(Last_Name\): required field not found/);
  });

  test('INVALID_DATA with the limit Zoho gives', async () => {
    const error = await BareLead.create({ lastName: 'x'.repeat(81) })
      .save()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ errorCode: 'INVALID_DATA' });
    expect((error as Error).message).toMatch(/BareLead\.lastName \(Last_Name\): .*80/);
  });

  test('DUPLICATE_DATA names the field and the record holding the value', async () => {
    const first = await BareLead.create({ lastName: 'One', email: 'same@example.com' }).save();
    const error = await BareLead.create({ lastName: 'Two', email: 'same@example.com' })
      .save()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ errorCode: 'DUPLICATE_DATA' });
    expect((error as Error).message).toContain('BareLead.email (Email)');
    expect((error as Error).message).toContain(first.id);
  });
});
