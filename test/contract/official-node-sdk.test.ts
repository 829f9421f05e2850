import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startEmulator, RunningEmulator } from '../../src/emulator';
import { ALL_SCOPES } from '../support/emulator';
import {
  closeOfficialSdkLogs,
  initializeOfficialSdk,
  OfficialSdkSession,
  sdk,
  sdkApi,
} from '../support/official-sdk';

/**
 * Contract test: Zoho's official Node SDK (`@zohocrm/nodejs-sdk-2.0` 6.1.0), unmodified, against the emulator.
 * The steps run in order and share state (ids made by one step are used by the next), as a user's script would.
 */
const PATRICIA = 'patricia.boyle@zylker.com';
const { ParameterMap } = sdk('routes/parameter_map');
const { RecordOperations, GetRecordsParam, SearchRecordsParam, DeleteRecordsParam } =
  sdkApi('record/record_operations');
const { BodyWrapper } = sdkApi('record/body_wrapper');
const { Record } = sdkApi('record/record');
const { ResponseWrapper } = sdkApi('record/response_wrapper');
const { ActionWrapper } = sdkApi('record/action_wrapper');
const { SuccessResponse } = sdkApi('record/success_response');
const { APIException } = sdkApi('record/api_exception');

describe('official Node SDK against the emulator', () => {
  let emulator: RunningEmulator;
  let dir: string;
  let session: OfficialSdkSession;
  const records = new RecordOperations();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zcrm-official-sdk-'));
    // The emulator's clock must not follow the faked `Date` of the token-refresh step: it moves by the admin route.
    emulator = await startEmulator({ clock: { now: () => performance.timeOrigin + performance.now() } });
    const grantToken = await emulator.issueGrantToken({ scope: ALL_SCOPES, email: PATRICIA });
    session = await initializeOfficialSdk({ emulator, email: PATRICIA, grantToken, dir });
  });

  afterAll(async () => {
    closeOfficialSdkLogs();
    await emulator?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The emulator's request log entries for a path (prefix with `*`). */
  async function requestsTo(route: string): Promise<Array<Record<string, any>>> {
    const res = await fetch(`${emulator.url}/__emulator/requests?path=${encodeURIComponent(route)}`);
    return (await res.json()).requests;
  }

  /** `getObject()` of a response, failing with the SDK's own error details when it is an `APIException`. */
  function objectOf(response: any, expected: new () => unknown): any {
    const object = response.getObject();
    if (!(object instanceof expected)) {
      const detail = object?.getCode ? `${object.getCode().getValue()}: ${object.getMessage().getValue()}` : object;
      throw new Error(`expected ${expected.name}, got ${object?.constructor?.name} (${String(detail)})`);
    }
    return object;
  }

  it('exchanges the grant token on the first call and reads the current user', async () => {
    const { UsersOperations, GetUsersParam } = sdkApi('users/users_operations');
    const { ResponseWrapper: UsersWrapper } = sdkApi('users/response_wrapper');
    const params = new ParameterMap();
    await params.add(GetUsersParam.TYPE, 'CurrentUser');
    const response = await new UsersOperations().getUsers(params);

    expect(response.getStatusCode()).toBe(200);
    const users = objectOf(response, UsersWrapper).getUsers();
    expect(users.map((u: any) => u.getEmail())).toEqual([PATRICIA]);
    expect(users[0].getFullName()).toBe('Patricia Boyle');
    expect(await requestsTo('/oauth/v2/token')).toHaveLength(1);
    const stored = await session.store.getTokens();
    expect(stored).toHaveLength(1);
    expect(stored[0].getUserMail()).toBe(PATRICIA);
    expect(stored[0].getRefreshToken()).toMatch(/^1000\./);
    expect(stored[0].getAccessToken()).toBe(session.token.getAccessToken());
  });

  it('reads the organization', async () => {
    const { OrgOperations } = sdkApi('org/org_operations');
    const { ResponseWrapper: OrgWrapper } = sdkApi('org/response_wrapper');
    const response = await new OrgOperations().getOrganization();
    const [org] = objectOf(response, OrgWrapper).getOrg();
    expect(org.getCompanyName()).toBe('Zylker');
    expect(String(org.getId())).toMatch(/^\d+$/);
  });

  it('lists the modules', async () => {
    const { ModulesOperations } = sdkApi('modules/modules_operations');
    const { ResponseWrapper: ModulesWrapper } = sdkApi('modules/response_wrapper');
    const response = await new ModulesOperations().getModules();
    const names = objectOf(response, ModulesWrapper)
      .getModules()
      .map((m: any) => m.getAPIName());
    expect(names).toEqual(expect.arrayContaining(['Leads', 'Accounts', 'Contacts', 'Products', 'Invoices']));
  });

  it('reads the fields of Leads', async () => {
    const { FieldsOperations } = sdkApi('fields/fields_operations');
    const { ResponseWrapper: FieldsWrapper } = sdkApi('fields/response_wrapper');
    const response = await new FieldsOperations('Leads').getFields();
    const fields = objectOf(response, FieldsWrapper).getFields();
    const email = fields.find((f: any) => f.getAPIName() === 'Email');
    expect(email.getDataType()).toBe('email');
    expect(fields.map((f: any) => f.getAPIName())).toEqual(expect.arrayContaining(['Last_Name', 'Company']));
  });

  /** Inserts records through `createRecords` and returns their ids (every item must succeed). */
  async function insert(module: string, rows: Array<Record<string, unknown>>): Promise<bigint[]> {
    const body = new BodyWrapper();
    body.setData(rows.map(toSdkRecord));
    const response = await records.createRecords(module, body);
    expect(response.getStatusCode()).toBe(201);
    return objectOf(response, ActionWrapper)
      .getData()
      .map((item: any) => {
        if (!(item instanceof SuccessResponse)) throw new Error(`insert into ${module} failed: ${describe(item)}`);
        expect(item.getCode().getValue()).toBe('SUCCESS');
        return BigInt(item.getDetails().get('id'));
      });
  }

  function toSdkRecord(fields: Record<string, unknown>): any {
    const record = new Record();
    for (const [name, value] of Object.entries(fields)) record.addKeyValue(name, value);
    return record;
  }

  function describe(item: any): string {
    return `${item?.getCode?.()?.getValue()}: ${item?.getMessage?.()?.getValue()} ${JSON.stringify([...(item?.getDetails?.() ?? [])])}`;
  }

  /** `getRecord` of one id, parsed by the SDK against its field cache. */
  async function readRecord(module: string, id: bigint): Promise<any> {
    const response = await records.getRecord(id, module);
    expect(response.getStatusCode()).toBe(200);
    const [record] = objectOf(response, ResponseWrapper).getData();
    expect(record.getId()).toBe(id);
    return record;
  }

  const ids: { lead?: bigint; product?: bigint; account?: bigint; invoice?: bigint; contact?: bigint } = {};

  it('creates, reads and updates a Lead, keeping the field cache under its resource path', async () => {
    [ids.lead] = await insert('Leads', [
      { Last_Name: 'Contract', First_Name: 'Ada', Company: 'Acme (UK), Ltd', Email: 'ada.contract@example.com' },
    ]);
    const lead = await readRecord('Leads', ids.lead);
    expect(lead.getKeyValue('Last_Name')).toBe('Contract');
    expect(lead.getKeyValue('Company')).toBe('Acme (UK), Ltd');
    expect(lead.getKeyValue('Owner').getKeyValue('email')).toBe(PATRICIA);
    expect(lead.getCreatedTime()).toBeInstanceOf(Date);

    const update = new BodyWrapper();
    update.setData([toSdkRecord({ Designation: 'CTO' })]);
    const updated = await records.updateRecord(ids.lead, 'Leads', update);
    expect(objectOf(updated, ActionWrapper).getData()[0].getCode().getValue()).toBe('SUCCESS');
    expect((await readRecord('Leads', ids.lead)).getKeyValue('Designation')).toBe('CTO');

    // The SDK caches each module's fields in one JSON file under `<resourcePath>/resources`.
    const [cacheFile] = readdirSync(session.resourcePath);
    const cache = JSON.parse(readFileSync(path.join(session.resourcePath, cacheFile), 'utf8'));
    expect(cache.leads.Email).toEqual(expect.objectContaining({ name: 'Email' }));
    expect(cache.leads.Last_Name).toEqual(expect.objectContaining({ required: true }));
  });

  it('creates a Product and an Account, and an Invoice with a discounted, taxed line item', async () => {
    const { InventoryLineItems } = sdkApi('record/inventory_line_items');
    const { LineItemProduct } = sdkApi('record/line_item_product');
    const { LineTax } = sdkApi('record/line_tax');
    [ids.product] = await insert('Products', [{ Product_Name: 'Contract Widget', Unit_Price: 40 }]);
    [ids.account] = await insert('Accounts', [{ Account_Name: 'Contract Holdings' }]);
    expect((await readRecord('Products', ids.product)).getKeyValue('Unit_Price')).toBe(40);

    const product = new LineItemProduct();
    product.setId(ids.product);
    const item = new InventoryLineItems();
    item.setProduct(product);
    item.setQuantity(3);
    item.setListPrice(40);
    item.setDiscount('10%');
    const tax = new LineTax();
    tax.setName('Vat');
    tax.setPercentage(20);
    const account = new Record();
    account.setId(ids.account);
    const invoice = toSdkRecord({ Subject: 'Contract invoice' });
    invoice.addKeyValue('Account_Name', account);
    invoice.addKeyValue('Product_Details', [item]);
    invoice.addKeyValue('$line_tax', [tax]);
    const body = new BodyWrapper();
    body.setData([invoice]);
    const response = await records.createRecords('Invoices', body);
    const [result] = objectOf(response, ActionWrapper).getData();
    if (!(result instanceof SuccessResponse)) throw new Error(describe(result));
    ids.invoice = BigInt(result.getDetails().get('id'));

    const read = await readRecord('Invoices', ids.invoice);
    const [line] = read.getKeyValue('Product_Details');
    expect(line).toBeInstanceOf(InventoryLineItems);
    expect(line.getProduct().getId()).toBe(ids.product);
    expect(line.getQuantity()).toBe(3);
    // "10%" of 3 × 40, read back as the amount; the SDK types a line's Discount as a String
    // (core/com/zoho/crm/api/record/inventory_line_items.js).
    expect(line.getDiscount()).toBe('12');
    expect(line.getTotal()).toBe(120);
    expect(line.getTotalAfterDiscount()).toBe(108);
    const [lineTax] = read.getKeyValue('$line_tax');
    expect(lineTax).toBeInstanceOf(LineTax);
    expect([lineTax.getName(), lineTax.getPercentage()]).toEqual(['Vat', 20]);
    expect(read.getKeyValue('Account_Name').getId()).toBe(ids.account);
    expect(read.getKeyValue('Sub_Total')).toBe(108);
    expect(read.getKeyValue('Tax')).toBeCloseTo(21.6);
    expect(read.getKeyValue('Grand_Total')).toBeCloseTo(129.6);
  });
});
