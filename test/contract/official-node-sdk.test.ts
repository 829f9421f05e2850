import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
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
/** Every fakeable API but Date. */
const NOT_DATE: NonNullable<
  Extract<Parameters<typeof jest.useFakeTimers>[0], { doNotFake?: unknown }>['doNotFake']
> = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
];
const { ParameterMap } = sdk('routes/parameter_map');
const { RecordOperations, SearchRecordsParam } = sdkApi('record/record_operations');
const { BodyWrapper } = sdkApi('record/body_wrapper');
const { Record: SdkRecord } = sdkApi('record/record');
const { ResponseWrapper } = sdkApi('record/response_wrapper');
const { ActionWrapper } = sdkApi('record/action_wrapper');
const { SuccessResponse } = sdkApi('record/success_response');

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
    return ((await res.json()) as { requests: Array<Record<string, any>> }).requests;
  }

  /** `getObject()` of a response, failing with the SDK's own error details when it is an `APIException`. */
  function objectOf(response: any, expected: new () => unknown): any {
    const object = response.getObject();
    if (!(object instanceof expected)) {
      const detail = object?.getCode
        ? `${object.getCode().getValue()}: ${object.getMessage().getValue()}`
        : object;
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
        if (!(item instanceof SuccessResponse))
          throw new Error(`insert into ${module} failed: ${itemSummary(item)}`);
        expect(item.getCode().getValue()).toBe('SUCCESS');
        return BigInt(item.getDetails().get('id'));
      });
  }

  function toSdkRecord(fields: Record<string, unknown>): any {
    const record = new SdkRecord();
    for (const [name, value] of Object.entries(fields)) record.addKeyValue(name, value);
    return record;
  }

  function itemSummary(item: any): string {
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
      {
        Last_Name: 'Contract',
        First_Name: 'Ada',
        Company: 'Acme (UK), Ltd',
        Email: 'ada.contract@example.com',
      },
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
    const account = new SdkRecord();
    account.setId(ids.account);
    const invoice = toSdkRecord({ Subject: 'Contract invoice' });
    invoice.addKeyValue('Account_Name', account);
    invoice.addKeyValue('Product_Details', [item]);
    invoice.addKeyValue('$line_tax', [tax]);
    const body = new BodyWrapper();
    body.setData([invoice]);
    const response = await records.createRecords('Invoices', body);
    const [result] = objectOf(response, ActionWrapper).getData();
    if (!(result instanceof SuccessResponse)) throw new Error(itemSummary(result));
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

  it('searches by a criteria value with escaped parentheses and comma, and by email', async () => {
    const byCriteria = new ParameterMap();
    await byCriteria.add(SearchRecordsParam.CRITERIA, '(Company:equals:Acme \\(UK\\)\\, Ltd)');
    const found = await records.searchRecords('Leads', byCriteria);
    expect(found.getStatusCode()).toBe(200);
    expect(
      objectOf(found, ResponseWrapper)
        .getData()
        .map((r: any) => r.getId()),
    ).toEqual([ids.lead]);

    const byEmail = new ParameterMap();
    await byEmail.add(SearchRecordsParam.EMAIL, 'ada.contract@example.com');
    const [hit] = objectOf(await records.searchRecords('Leads', byEmail), ResponseWrapper).getData();
    expect([hit.getId(), hit.getKeyValue('Email')]).toEqual([ids.lead, 'ada.contract@example.com']);
  });

  it('runs a COQL query', async () => {
    const { QueryOperations } = sdkApi('query/query_operations');
    const { BodyWrapper: QueryBody } = sdkApi('query/body_wrapper');
    const { ResponseWrapper: QueryWrapper } = sdkApi('query/response_wrapper');
    const query = new QueryBody();
    query.setSelectQuery("select Last_Name, Company from Leads where Email = 'ada.contract@example.com'");
    const response = await new QueryOperations().getRecords(query);
    const rows = objectOf(response, QueryWrapper).getData();
    expect(rows.map((r: any) => [r.getId(), r.getKeyValue('Last_Name'), r.getKeyValue('Company')])).toEqual([
      [ids.lead, 'Contract', 'Acme (UK), Ltd'],
    ]);
    expect(objectOf(response, QueryWrapper).getInfo().getMoreRecords()).toBe(false);
  });

  it('adds a note to the Lead and lists it', async () => {
    const { NotesOperations } = sdkApi('notes/notes_operations');
    const { Note } = sdkApi('notes/note');
    const { BodyWrapper: NotesBody } = sdkApi('notes/body_wrapper');
    const { ActionWrapper: NotesAction } = sdkApi('notes/action_wrapper');
    const { SuccessResponse: NoteSuccess } = sdkApi('notes/success_response');
    const { ResponseWrapper: NotesWrapper } = sdkApi('notes/response_wrapper');
    const note = new Note();
    note.setNoteTitle('Call back');
    note.setNoteContent('Asked for a quote (10 seats, annual)');
    const parent = new SdkRecord();
    parent.setId(ids.lead);
    note.setParentId(parent);
    note.setSeModule('Leads');
    const body = new NotesBody();
    body.setData([note]);
    const created = objectOf(await new NotesOperations().createNotes(body), NotesAction).getData();
    expect(created[0]).toBeInstanceOf(NoteSuccess);
    const noteId = BigInt(created[0].getDetails().get('id'));

    const listed = objectOf(await new NotesOperations().getNotes(), NotesWrapper).getData();
    const mine = listed.find((n: any) => n.getId() === noteId);
    expect([mine.getNoteTitle(), mine.getNoteContent(), mine.getParentId().getId()]).toEqual([
      'Call back',
      'Asked for a quote (10 seats, annual)',
      ids.lead,
    ]);
  });

  it('uploads an attachment, lists it and downloads the same bytes and file name', async () => {
    const { AttachmentsOperations } = sdkApi('attachments/attachments_operations');
    const { FileBodyWrapper } = sdkApi('attachments/file_body_wrapper');
    const { ActionWrapper: AttachmentAction } = sdkApi('attachments/action_wrapper');
    const { ResponseWrapper: AttachmentsWrapper } = sdkApi('attachments/response_wrapper');
    const { StreamWrapper } = sdk('utils/util/stream_wrapper');
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0a, 0x80, ...Buffer.from('contract')]);
    const file = path.join(dir, 'quote-draft.pdf');
    writeFileSync(file, bytes);
    const operations = new AttachmentsOperations('Leads', ids.lead);
    const upload = new FileBodyWrapper();
    upload.setFile(new StreamWrapper(null, null, file));
    const [uploaded] = objectOf(await operations.uploadAttachment(upload), AttachmentAction).getData();
    expect(uploaded.getCode().getValue()).toBe('SUCCESS');
    const attachmentId = BigInt(uploaded.getDetails().get('id'));

    const [listed] = objectOf(await operations.getAttachments(), AttachmentsWrapper).getData();
    expect([listed.getId(), listed.getFileName(), Number(listed.getSize())]).toEqual([
      attachmentId,
      'quote-draft.pdf',
      bytes.length,
    ]);

    const download = await operations.downloadAttachment(attachmentId);
    expect(download.getStatusCode()).toBe(200);
    const downloaded = objectOf(download, FileBodyWrapper).getFile();
    expect(downloaded.getName()).toBe('quote-draft.pdf');
    expect(Buffer.compare(Buffer.from(downloaded.getStream()), bytes)).toBe(0);
  });

  it('stores nothing and keeps serving when the SDK uploads an in-memory stream', async () => {
    // The SDK appends a non-file stream without a file name and got's form-data Content-Length leaves the
    // stream's bytes out (utils/util/form_data_converter.js, addFileBody): the request arrives truncated, and
    // the SDK cannot parse the answer. The emulator must refuse it without storing anything or going down;
    // a well-formed nameless part gets 400 INVALID_DATA (test/emulator/attachments.test.ts).
    const { AttachmentsOperations } = sdkApi('attachments/attachments_operations');
    const { FileBodyWrapper } = sdkApi('attachments/file_body_wrapper');
    const { ResponseWrapper: AttachmentsWrapper } = sdkApi('attachments/response_wrapper');
    const { StreamWrapper } = sdk('utils/util/stream_wrapper');
    const { SDKException } = sdkApi('exception/sdk_exception');
    const operations = new AttachmentsOperations('Leads', ids.lead);
    const upload = new FileBodyWrapper();
    upload.setFile(new StreamWrapper('memo.txt', Readable.from([Buffer.from('in memory')])));
    await expect(operations.uploadAttachment(upload)).rejects.toBeInstanceOf(SDKException);

    const listed = objectOf(await operations.getAttachments(), AttachmentsWrapper).getData();
    expect(listed.map((a: any) => a.getFileName())).toEqual(['quote-draft.pdf']);
  });

  it('reads the Contacts related to the Account', async () => {
    const { RelatedRecordsOperations } = sdkApi('related_records/related_records_operations');
    const { ResponseWrapper: RelatedWrapper } = sdkApi('related_records/response_wrapper');
    const account = new SdkRecord();
    account.setId(ids.account);
    const contact = toSdkRecord({ Last_Name: 'Related', Email: 'related.contract@example.com' });
    contact.addKeyValue('Account_Name', account);
    const body = new BodyWrapper();
    body.setData([contact]);
    const [created] = objectOf(await records.createRecords('Contacts', body), ActionWrapper).getData();
    ids.contact = BigInt(created.getDetails().get('id'));

    const response = await new RelatedRecordsOperations('Contacts', 'Accounts').getRelatedRecords(
      ids.account,
    );
    expect(response.getStatusCode()).toBe(200);
    const related = objectOf(response, RelatedWrapper).getData();
    expect(related.map((r: any) => [r.getId(), r.getKeyValue('Last_Name')])).toEqual([
      [ids.contact, 'Related'],
    ]);
  });

  it('adds tags to the Lead and removes one', async () => {
    const { TagsOperations, AddTagsToRecordParam, RemoveTagsFromRecordParam } =
      sdkApi('tags/tags_operations');
    const { RecordActionWrapper } = sdkApi('tags/record_action_wrapper');
    const tagNames = async () =>
      ((await readRecord('Leads', ids.lead!)).getTag() ?? []).map((t: any) => t.getName()).sort();

    const add = new ParameterMap();
    await add.add(AddTagsToRecordParam.TAG_NAMES, 'contract,sdk');
    const added = objectOf(
      await new TagsOperations().addTagsToRecord(ids.lead, 'Leads', add),
      RecordActionWrapper,
    );
    expect(added.getData()[0].getCode().getValue()).toBe('SUCCESS');
    expect(await tagNames()).toEqual(['contract', 'sdk']);

    const remove = new ParameterMap();
    await remove.add(RemoveTagsFromRecordParam.TAG_NAMES, 'sdk');
    const removed = objectOf(
      await new TagsOperations().removeTagsFromRecord(ids.lead, 'Leads', remove),
      RecordActionWrapper,
    );
    expect(removed.getData()[0].getCode().getValue()).toBe('SUCCESS');
    expect(await tagNames()).toEqual(['contract']);
  });

  it('deletes the Contact, after which reading it answers 204', async () => {
    const deleted = objectOf(await records.deleteRecord(ids.contact, 'Contacts'), ActionWrapper).getData();
    expect(deleted[0].getCode().getValue()).toBe('SUCCESS');
    expect(BigInt(deleted[0].getDetails().get('id'))).toBe(ids.contact);
    const gone = await records.getRecord(ids.contact, 'Contacts');
    expect(gone.getStatusCode()).toBe(204);
    expect(gone.getObject()).toBeNull();
  });

  it("surfaces INVALID_MODULE as the SDK's APIException", async () => {
    const { FieldsOperations } = sdkApi('fields/fields_operations');
    const { APIException: FieldsException } = sdkApi('fields/api_exception');
    const response = await new FieldsOperations('Leadz').getFields();
    expect(response.getStatusCode()).toBe(400);
    const error = response.getObject();
    expect(error).toBeInstanceOf(FieldsException);
    expect([error.getStatus().getValue(), error.getCode().getValue()]).toEqual(['error', 'INVALID_MODULE']);

    // A record call looks the module's fields up first and rethrows that APIException as an SDKException.
    await expect(records.getRecords('Leadz')).rejects.toMatchObject({
      details: expect.objectContaining({ code: 'INVALID_MODULE', status: 'error' }),
    });
  });

  it('refreshes the access token once it has expired, on the emulator and in the SDK', async () => {
    const expiredToken = session.token.getAccessToken();
    const refreshToken = session.token.getRefreshToken();
    await fetch(`${emulator.url}/__emulator/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advanceSeconds: 3601 }),
    });
    // The SDK compares the token's expiry with `new Date()` (models/authenticator/oauth_token.js, authenticate):
    // only Date is faked, so sockets and timers run on.
    jest.useFakeTimers({ doNotFake: NOT_DATE, now: Date.now() + 3601_000 });
    try {
      const lead = await readRecord('Leads', ids.lead!);
      expect(lead.getKeyValue('Last_Name')).toBe('Contract');
    } finally {
      jest.useRealTimers();
    }
    const grants = (await requestsTo('/oauth/v2/token')).map((r) => r.grantType);
    expect(grants).toEqual(['authorization_code', 'refresh_token']);
    expect(session.token.getAccessToken()).not.toBe(expiredToken);
    expect(session.token.getRefreshToken()).toBe(refreshToken);
    const [stored] = await session.store.getTokens();
    expect(stored.getAccessToken()).toBe(session.token.getAccessToken());
  });

  it('kept its log inside the temporary directory, without the tokens', async () => {
    const log = readFileSync(session.logFile, 'utf8');
    expect(log).toContain(`/crm/v2/Leads/${ids.lead}`);
    expect(log).not.toContain(session.token.getAccessToken());
    expect(log).not.toContain(session.token.getRefreshToken());
  });
});
