import type { RunningEmulator } from '../../src/emulator';
import type { ZCRMRestClient } from '../../src/api/rest-client';
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { EntityResponse } from '../../src/api/responses/entity-response';
import { ValidationException } from '../../src/errors/validation-exception';
import { ModelMetadataException } from '../../src/metadata';
import { related as relatedList } from '../../src/orm/extras';
import type { ExtrasRecord, RelatedList, RelatedModel, RelatedOptions } from '../../src/orm/extras';
import { modelHydrator } from '../../src/orm/repository';
import { captureRequests } from '../support/request-capture';
import {
  expectClientSideRejection,
  Lead,
  MISSING_ID,
  NotAModel,
  PriceBook,
  Product,
  rejectionOf,
  saved,
  startExtrasEmulator,
  stopSdkEmulator,
} from './extras-support';

/** The extras' related lists with the hydration `Repository.related` passes them (listed records as models). */
function related<T extends object>(
  record: ExtrasRecord,
  target: RelatedModel<T>,
  options?: RelatedOptions<T>,
): RelatedList<T>;
function related(
  record: ExtrasRecord,
  target: string,
  options?: RelatedOptions<ZCRMRecord>,
): RelatedList<ZCRMRecord>;
function related(
  record: ExtrasRecord,
  target: RelatedModel<object> | string,
  options?: RelatedOptions<any>,
): RelatedList<any> {
  return relatedList(record, target as RelatedModel<object>, options, modelHydrator);
}

describe('record extras: related lists', () => {
  let emulator: RunningEmulator;
  let client: ZCRMRestClient;

  beforeAll(async () => {
    ({ emulator, client } = await startExtrasEmulator());
  });
  afterAll(() => stopSdkEmulator({ emulator, client }));

  const lead = (name = 'Related') => saved(client, Lead, 'Leads', { Last_Name: name });
  const product = (name: string) => saved(client, Product, 'Products', { Product_Name: name });
  const priceBook = (name: string) =>
    saved(client, PriceBook, 'Price_Books', {
      Price_Book_Name: name,
      Pricing_Model: 'Flat',
      Pricing_Details: [{ from_range: 1, to_range: 100, discount: 0 }],
    });
  const summary = (results: EntityResponse<string>[]) => results.map((r) => [r.status, r.code, r.data]);

  describe('Products ↔ Leads', () => {
    it('links records and ids, lists them as model instances on both sides, unlinks', async () => {
      const record = await lead();
      const router = await product('Router');
      const cable = await product('Cable');
      const products = related(record, Product);
      expect(products.apiName).toBe('Products');

      const linked = await products.link([router, cable.id!]);
      expect(summary(linked)).toEqual([
        ['success', 'SUCCESS', router.id],
        ['success', 'SUCCESS', cable.id],
      ]);
      expect(linked[0]).toBeInstanceOf(EntityResponse);
      expect(linked[0].message).toBe('relation added');

      const listed = await products.list();
      expect(listed.every((p) => p instanceof Product)).toBe(true);
      expect(listed.map((p) => [p.id, p.name]).sort()).toEqual(
        [
          [router.id, 'Router'],
          [cable.id, 'Cable'],
        ].sort(),
      );
      expect(listed[0].createdTime).toBeInstanceOf(Date);
      expect((await related(router, Lead).list()).map((l) => l.id)).toEqual([record.id]);

      // a listed record is a full model instance, bound to the same client
      const [first] = listed;
      first.unitPrice = 99;
      await first.save();
      expect((await Product.getRepository(client).findByIdOrFail(first.id!)).unitPrice).toBe(99);

      const unlinked = await products.unlink(router);
      expect(summary(unlinked)).toEqual([['success', 'SUCCESS', router.id]]);
      expect(unlinked[0].message).toBe('relation removed');
      expect((await products.list()).map((p) => p.id)).toEqual([cable.id]);
      await products.unlink([cable]);
      expect(await products.list()).toEqual([]);
    });

    it('sends one call per 100 records and gives one result per input, in order', async () => {
      const record = await lead('Busy');
      const ids: string[] = [];
      for (let i = 0; i < 130; i++) ids.push((await product(`Bulk ${i}`)).id!);
      const sent = captureRequests(client);
      const results = await related(record, Product).link(ids);
      expect(results.map((r) => r.data)).toEqual(ids);
      expect(results.every((r) => r.isSuccess)).toBe(true);
      expect(sent.map((r) => [r.method, (r.body as { data: unknown[] }).data.length])).toEqual([
        ['PUT', 100],
        ['PUT', 30],
      ]);
      expect((sent[1].body as { data: Array<{ id: string }> }).data[0]).toEqual({ id: ids[100] });

      sent.length = 0;
      const listed = await related(record, Product).list({ perPage: 50, sortBy: 'id', sortOrder: 'asc' });
      expect(listed.map((p) => p.id)).toEqual([...ids].sort());
      expect(sent).toHaveLength(3);
      expect(await related(record, Product).list({ page: 3, perPage: 50 })).toHaveLength(30);

      sent.length = 0;
      const removed = await related(record, Product).unlink(ids);
      expect(removed.map((r) => r.data)).toEqual(ids);
      expect(removed.every((r) => r.isSuccess)).toBe(true);
      expect(sent.map((r) => [r.method, r.url.split('ids=')[1].split(',').length])).toEqual([
        ['DELETE', 100],
        ['DELETE', 30],
      ]);
      expect(await related(record, Product).list()).toEqual([]);
    });

    it('reports a per-record failure without throwing, the others done', async () => {
      const record = await lead('Partly');
      const good = await product('Good');
      const results = await related(record, Product).link([MISSING_ID, good]);
      expect(summary(results)).toEqual([
        ['error', 'INVALID_DATA', undefined],
        ['success', 'SUCCESS', good.id],
      ]);
      expect(results[0].details).toEqual({ id: MISSING_ID });
      expect(results[0].message).toBe('the related id given seems to be invalid');
      expect((await related(record, Product).list()).map((p) => p.id)).toEqual([good.id]);

      const all = await related(record, Product).link([MISSING_ID]);
      expect(summary(all)).toEqual([['error', 'INVALID_DATA', undefined]]);
    });
  });

  describe('Price_Books ↔ Products with list_price', () => {
    it('links with shared and per-record relation data', async () => {
      const book = await priceBook('Partners');
      const a = await product('Priced A');
      const b = await product('Priced B');
      const sent = captureRequests(client);
      const results = await related(book, Product).link([{ record: a, data: { list_price: 12.5 } }, b], {
        list_price: 7,
      });
      expect(results.every((r) => r.isSuccess)).toBe(true);
      expect(sent[0].body).toEqual({
        data: [
          { list_price: 12.5, id: a.id },
          { list_price: 7, id: b.id },
        ],
      });

      const listed = await related(book, Product).list();
      expect(new Map(listed.map((p) => [p.id, p.listPrice]))).toEqual(
        new Map([
          [a.id, 12.5],
          [b.id, 7],
        ]),
      );
      // by API name: seed-style records keeping every key
      const raw = await related(book, 'Products').list();
      expect(raw.every((r) => r instanceof ZCRMRecord && r.moduleApiName === 'Products')).toBe(true);
      expect(raw.find((r) => r.entityId === a.id)!.getFieldValue('list_price')).toBe(12.5);
      // and from the product's side
      expect((await related(a, PriceBook).list()).map((p) => p.name)).toEqual(['Partners']);
    });

    it('gives the per-record error for relation data Zoho refuses', async () => {
      const book = await priceBook('Strict');
      const item = await product('Unpriced');
      const [result] = await related(book, Product).link(item, { list_price: 'cheap' });
      expect(result.status).toBe('error');
      expect(result.code).toBe('INVALID_DATA');
      expect(await related(book, Product).list()).toEqual([]);
    });
  });

  describe('by related-list API name', () => {
    it('links campaigns with Member_Status and lists ZCRMRecords of the named module', async () => {
      const record = await lead('Member');
      const campaign = (
        await client.request<{ data: Array<{ details: { id: string } }> }>({
          method: 'POST',
          path: 'Campaigns',
          body: { data: [{ Campaign_Name: 'Spring' }] },
        })
      ).data!.data[0].details.id;
      const campaigns = related(record, 'Campaigns');
      expect(campaigns.apiName).toBe('Campaigns');
      expect(summary(await campaigns.link(campaign, { Member_Status: 'Active' }))).toEqual([
        ['success', 'SUCCESS', campaign],
      ]);
      const [listed] = await campaigns.list();
      expect(listed).toBeInstanceOf(ZCRMRecord);
      expect(listed.moduleApiName).toBe('Campaigns');
      expect(listed.entityId).toBe(campaign);
      expect(listed.getFieldValue('Member_Status')).toBe('Active');
      expect((await related(record, 'Campaigns', { moduleApiName: 'Campaigns' }).list())[0].entityId).toBe(
        campaign,
      );
      expect(summary(await campaigns.unlink({ record: campaign }))).toEqual([
        ['success', 'SUCCESS', campaign],
      ]);
      expect(await campaigns.list()).toEqual([]);
    });

    it('takes a related list named otherwise than the module, and a custom hydration', async () => {
      const record = await lead('Custom');
      const item = await product('Named');
      const renamed = related(record, Product, { relatedList: 'Products_Custom' });
      expect(renamed.apiName).toBe('Products_Custom');
      const error = await rejectionOf(renamed.link(item));
      expect(error.url).toMatch(/\/Leads\/\d+\/Products_Custom$/);
      expect(error.errorMessage).toBe('The relation name given seems to be invalid');

      const products = related(record, Product, {
        hydrate: (json) => ({ id: `#${String(json.id)}` }) as Product,
      });
      await products.link(item);
      expect(await products.list()).toEqual([{ id: `#${item.id}` }]);
    });
  });

  describe('errors', () => {
    it('checks the record and the target when the list is made, before any request', async () => {
      let error = await expectClientSideRejection(emulator, async () =>
        related(new Lead(), Product, { client }),
      );
      expect(error).toBeInstanceOf(ValidationException);
      expect(error.errorMessage).toContain('Lead.related() needs a saved record');
      const record = await lead('Checked');
      error = await expectClientSideRejection(emulator, async () => related(record, NotAModel as never));
      expect(error).toBeInstanceOf(ModelMetadataException);
      expect(error.errorMessage).toContain('NotAModel is not a CRM model');
      error = await expectClientSideRejection(emulator, async () =>
        // @ts-expect-error a number is neither a model nor a related list name
        related(record, 42),
      );
      expect(error.errorMessage).toBe(
        'target: Lead.related() needs a model class or a related list API name, got number 42',
      );
      error = await expectClientSideRejection(emulator, async () => related(record, ''));
      expect(error.errorMessage).toBe(
        'relatedList: Lead.related() needs a related list API name (Products, Campaigns …), got ""',
      );
    });

    it('checks every target and the relation data before any request', async () => {
      const record = await lead('Targets');
      const item = await product('Ok');
      const products = related(record, Product);
      let error = await expectClientSideRejection(emulator, () => products.link([]));
      expect(error.errorMessage).toBe('targets: Lead.related("Products").link() needs at least one record');
      error = await expectClientSideRejection(emulator, () => products.link([item, new Product()]));
      expect(error.errorMessage).toBe(
        'targets[1]: Lead.related("Products").link() needs saved records: this Product has no id yet',
      );
      error = await expectClientSideRejection(emulator, () => products.unlink(7 as never));
      expect(error.errorMessage).toBe(
        'target: Lead.related("Products").unlink() needs an id string or a saved record, got number 7',
      );
      error = await expectClientSideRejection(emulator, () => products.link(item, 'cheap' as never));
      expect(error.errorMessage).toBe(
        'relationData: Lead.related("Products").link() needs relation fields as an object keyed by API name, got "cheap"',
      );
      error = await expectClientSideRejection(emulator, () =>
        products.link([{ record: item, data: [1] as never }]),
      );
      expect(error.errorMessage).toBe(
        'targets[0].data: Lead.related("Products").link(): relation fields must be an object keyed by API name, got an array',
      );
      error = await expectClientSideRejection(emulator, () => products.list({ page: 0 }));
      expect(error.errorMessage).toBe('page: Lead.related("Products").list(): pages start at 1, got 0');
    });

    it("throws Zoho's request-level errors: an unknown related list, a parent that does not exist", async () => {
      const record = await lead('Zoho says no');
      const item = await product('Orphan');
      let error = await rejectionOf(related(record, 'Nope').link(item));
      expect([error.statusCode, error.errorCode, error.errorMessage]).toEqual([
        400,
        'INVALID_DATA',
        'The relation name given seems to be invalid',
      ]);
      error = await rejectionOf(related(record, 'Nope').list());
      expect(error.errorCode).toBe('INVALID_DATA');
      const ghost = Object.assign(new Lead(), { id: MISSING_ID });
      error = await rejectionOf(related(ghost, Product, { client }).list());
      expect([error.statusCode, error.errorCode]).toEqual([400, 'INVALID_DATA']);
    });
  });
});
