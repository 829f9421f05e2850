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
});
