/**
 * Entity listeners (`@BeforeInsert`, `@BeforeUpdate`, `@AfterInsert`, `@BeforeRemove`, `@AfterLoad`) and
 * the model's `validate()` hook, through real saves, reads and deletes against the emulator.
 */
import { IsNotEmpty } from 'class-validator';
import {
  AfterInsert,
  AfterLoad,
  BeforeInsert,
  BeforeRemove,
  BeforeUpdate,
  CrmModule,
  Field,
} from '../../decorators';
import { CrmRecord, CrmValidationError, getChanges } from '../../src/orm';
import { OrmFixture, startOrmEmulator } from './support/orm-emulator';

@CrmModule('Leads')
class AuditedLead extends CrmRecord {
  @Field('Last_Name') @IsNotEmpty() lastName!: string;
  @Field('First_Name') firstName?: string;
  @Field('Email', { type: 'email' }) email?: string;
  @Field('Description', { type: 'textarea' }) description?: string;
  /** What ran, in order (not a field: never sent). */
  events: string[] = [];

  @BeforeInsert()
  trimName(): void {
    this.lastName = this.lastName.trim();
    this.events.push('beforeInsert');
  }

  @BeforeUpdate()
  async stamp(): Promise<void> {
    await Promise.resolve();
    this.description = `updated by the listener`;
    this.events.push('beforeUpdate');
  }

  @AfterInsert()
  inserted(): void {
    this.events.push(`afterInsert ${this.id ? 'with id' : 'without id'}`);
  }

  @AfterLoad()
  loaded(): void {
    this.events.push('afterLoad');
  }

  @BeforeRemove()
  guard(): void {
    if (this.lastName === 'Keep') throw new Error('Keep is never deleted');
  }

  validate() {
    if (this.email && !this.firstName) return { firstName: 'is needed when an email is given' };
    return undefined;
  }
}

let fx: OrmFixture;

beforeAll(async () => {
  fx = await startOrmEmulator();
});

afterAll(async () => {
  await fx.stop();
});

test('@BeforeInsert runs before the insert is built (its change is sent), @AfterInsert once the id is known', async () => {
  const lead = AuditedLead.create({ lastName: '  Daly  ' });
  await lead.save();
  expect(lead.events).toEqual(['beforeInsert', 'afterInsert with id']);
  const stored = (await AuditedLead.findById(lead.id!))!;
  expect(stored.lastName).toBe('Daly');
  expect(stored.events).toEqual(['afterLoad']);
});

test('@BeforeUpdate runs before the changes are worked out: what it sets is sent', async () => {
  const lead = await AuditedLead.create({ lastName: 'Burns' }).save();
  lead.firstName = 'Ann';
  await lead.save();
  expect(lead.events).toEqual(['beforeInsert', 'afterInsert with id', 'beforeUpdate']);
  expect(getChanges(lead)).toEqual({});
  const stored = (await AuditedLead.findById(lead.id!))!;
  expect(stored.description).toBe('updated by the listener');
  expect(stored.firstName).toBe('Ann');
});

test('@AfterLoad runs for every record a query or a reload reads', async () => {
  await AuditedLead.saveMany([
    AuditedLead.create({ lastName: 'Loaded 1' }),
    AuditedLead.create({ lastName: 'Loaded 2' }),
  ]);
  const found = await AuditedLead.find({ where: { lastName: 'Loaded 1' }, take: 5 });
  expect(found.map((l) => l.events)).toEqual([['afterLoad']]);
  for await (const lead of AuditedLead.iterate({ where: { lastName: 'Loaded 2' }, take: 5 }))
    expect(lead.events).toEqual(['afterLoad']);
  await found[0].reload();
  expect(found[0].events).toEqual(['afterLoad']);
});

test('@BeforeRemove that throws keeps the record from being deleted; the others go', async () => {
  const [keep, drop] = (
    await AuditedLead.saveMany([
      AuditedLead.create({ lastName: 'Keep' }),
      AuditedLead.create({ lastName: 'Drop' }),
    ])
  ).map((r) => r.record);
  const dropId = drop.id!;
  await fx.clearLog();
  const results = await AuditedLead.deleteMany([keep, drop]);
  expect(results[0]).toMatchObject({ ok: false, message: expect.stringContaining('Keep is never deleted') });
  expect(results[1]).toMatchObject({ ok: true, id: dropId });
  const deletes = (await fx.crmCalls()).filter((c) => c.method === 'DELETE');
  expect(deletes).toHaveLength(1);
  expect(await AuditedLead.findById(keep.id!)).not.toBeNull();
  expect(await AuditedLead.findById(dropId)).toBeNull();
});

test('validate(): cross-field problems fail the save before any request, on inserts and updates', async () => {
  await fx.clearLog();
  const lead = AuditedLead.create({ lastName: 'Mail', email: 'a@example.com' });
  const error = await lead.save().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CrmValidationError);
  expect((error as CrmValidationError).fields).toEqual([
    expect.objectContaining({
      property: 'firstName',
      apiName: 'First_Name',
      messages: ['is needed when an email is given'],
      constraints: ['validate'],
    }),
  ]);
  expect(await fx.crmCalls()).toEqual([]);
  lead.firstName = 'Ann';
  await lead.save();
  // An update that changes another field still runs the rule.
  lead.firstName = undefined;
  lead.lastName = 'Mail 2';
  await expect(lead.save()).rejects.toBeInstanceOf(CrmValidationError);
});
