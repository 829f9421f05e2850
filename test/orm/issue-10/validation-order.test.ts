/**
 * Issue 10: the ORM's own type check runs before class-validator's rules (a wrong type is reported as such),
 * and a text field given a number takes its decimal text, in saves and in queries alike. Against the
 * emulator over HTTP.
 */
import { CrmModule, Field } from '../../../decorators';
import { CrmRecord, CrmValidationError } from '../../../src/orm';
import { IsOptional, Min } from 'class-validator';
import { OrmFixture, startOrmEmulator } from '../support/orm-emulator';
import { Lead } from '../support/models';

@CrmModule('Products')
class PricedProduct extends CrmRecord {
  @Field('Product_Name') name!: string;
  @Field('Unit_Price', { type: 'currency' }) @IsOptional() @Min(0) unitPrice?: number;
}

let fx: OrmFixture;
beforeAll(async () => {
  fx = await startOrmEmulator();
});
afterAll(async () => fx?.stop());

test("a wrong type is reported by the ORM's check, not by the rules run on it", async () => {
  await fx.clearLog();
  const product = PricedProduct.create({ name: 'Bad price', unitPrice: 'abc' as unknown as number });
  const error = (await product.save().catch((e: unknown) => e)) as CrmValidationError;
  expect(error).toBeInstanceOf(CrmValidationError);
  expect(error.fields).toEqual([
    expect.objectContaining({
      property: 'unitPrice',
      apiName: 'Unit_Price',
      messages: ['expects a finite number, got "abc"'],
    }),
  ]);
  expect(await fx.crmCalls()).toEqual([]);
  // A value of the right type still meets the rules.
  product.unitPrice = -1;
  await expect(product.save()).rejects.toMatchObject({
    fields: [expect.objectContaining({ property: 'unitPrice', constraints: ['min'] })],
  });
});

test('a text field given a number stores and finds its decimal text', async () => {
  const lead = await Lead.create({ lastName: 'Numeric', company: 1e21 as unknown as string }).save();
  const read = await Lead.findByIdOrFail(lead.id!);
  expect(read.company).toBe('1000000000000000000000');
  const found = await Lead.find({ where: { company: 1e21 as unknown as string }, take: 5 });
  expect(found.map((l) => l.id)).toEqual([lead.id]);
});
