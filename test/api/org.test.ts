import type { RunningEmulator } from '../../src/emulator';
import { startEmulator } from '../../src/emulator';
import { PROFILE_IDS, ROLE_IDS } from '../../src/emulator/data/org';
import { ZCRMRestClient } from '../../src/api/rest-client';
import { ZCRMOrganization } from '../../src/api/entities/zcrm-organization';
import { ZCRMUser } from '../../src/api/entities/zcrm-user';
import { ZCRMRole } from '../../src/api/entities/zcrm-role';
import { ZCRMProfile } from '../../src/api/entities/zcrm-profile';
import { ZCRMPermission } from '../../src/api/entities/zcrm-permission';
import { ZCRMUserTheme } from '../../src/api/entities/zcrm-user-theme';
import { ZCRMUserCustomizeInfo } from '../../src/api/entities/zcrm-user-customize-info';
import { AuthenticationException, ValidationException } from '../../src/errors';
import { ALL_SCOPES } from '../support/emulator';
import { authorisedClient, emulatorConfig, KEVIN, PATRICIA, requestLog, admin } from '../support/sdk';
import { expectClientCheck, rejectionOf, orgId } from '../support/assertions';
import { captureRequests, CapturedRequest } from '../support/request-capture';

const PATRICIA_ID = orgId(235011);
const KEVIN_ID = orgId(235014);
const PRIYA_ID = orgId(235017);

describe('ZCRMOrganization and the client-level org calls against the emulator', () => {
  let emulator: RunningEmulator;
  let client: ZCRMRestClient;
  let kevinClient: ZCRMRestClient;
  let org: ZCRMOrganization;
  let sent: CapturedRequest[];

  beforeAll(async () => {
    emulator = await startEmulator();
    client = await authorisedClient(emulator, PATRICIA);
    kevinClient = await authorisedClient(emulator, KEVIN);
    sent = captureRequests(client);
    org = ZCRMOrganization.getInstance(undefined, undefined, client);
  });
  afterAll(async () => {
    await client.close();
    await kevinClient.close();
    await emulator.stop();
  });
  beforeEach(() => {
    sent.length = 0;
  });
  afterEach(() => emulator.reset());

  describe('instances and org details', () => {
    it('builds org, module and record objects without a request', async () => {
      await admin(emulator, 'DELETE', 'requests');
      const o = ZCRMOrganization.getInstance('Zylker', '42');
      expect(o).toMatchObject({ companyName: 'Zylker', orgId: '42' });
      expect(client.getOrganizationInstance()).toBeInstanceOf(ZCRMOrganization);
      expect(client.getModuleInstance('Leads').apiName).toBe('Leads');
      const record = client.getRecordInstance('Leads', '7');
      expect(record.moduleApiName).toBe('Leads');
      expect(record.entityId).toBe('7');
      expect(await requestLog(emulator)).toEqual([]);
    });

    it('getOrganizationDetails parses the org and its licence, with the rate-limit getters', async () => {
      const response = await client.getOrganizationDetails();
      expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /crm/v2/org']);
      expect(response.statusCode).toBe(200);
      const details = response.data!;
      expect(details).toBeInstanceOf(ZCRMOrganization);
      expect(details).toMatchObject({
        companyName: 'Zylker',
        orgId: orgId(16010),
        zgid: '808232144',
        primaryZuid: '808233918',
        primaryEmail: 'patricia.boyle@zylker.com',
        timeZone: 'Asia/Kolkata',
        currencySymbol: '$',
        isoCode: 'USD',
        countryCode: 'US',
        zipCode: '94588',
        employeeCount: '25',
        mcStatus: false,
        isGappsEnabled: false,
        alias: null,
        isPaidAccount: true,
        paidType: 'enterprise',
        paidExpiry: '2027-12-31T23:59:59+05:30',
        trialType: null,
        usersLicensePurchased: 10,
      });
      // The org's calls go through the client that fetched it.
      expect(details.client).toBe(client);
      // The emulator sends the v2-era day headers and X-ACCESSTOKEN-RESET, but not the per-window ones.
      expect(response.getAPILimitForTheDay()).toEqual(expect.any(Number));
      expect(response.getRemainingAPICountForTheDay()).toEqual(expect.any(Number));
      expect(response.getExpiryTimeOfAccessToken()).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(response.getAPILimitForCurrentWindow()).toBeUndefined();
      expect(response.getRemainingCredits()).toBeUndefined();
    });

    it('getCurrentUser on the client names the user the client acts as', async () => {
      const mine = await client.getCurrentUser();
      expect(mine.data.map((u) => u.email)).toEqual([PATRICIA]);
      const kevins = await kevinClient.getCurrentUser();
      expect(kevins.data.map((u) => u.email)).toEqual([KEVIN]);
      expect(sent.map((r) => r.url)).toEqual(['/crm/v2/users?type=CurrentUser&page=1&per_page=200']);
    });

    it('uses ZCRMRestClient.getInstance() when no client is given', async () => {
      const global = ZCRMRestClient.initialize(emulatorConfig(emulator, { currentUserEmail: KEVIN }));
      try {
        await global.oauthClient.generateAccessToken(
          await emulator.issueGrantToken({ scope: ALL_SCOPES, email: KEVIN }),
        );
        const roles = await ZCRMOrganization.getInstance().getAllRoles();
        expect(roles.data.map((r) => r.name)).toEqual(['CEO', 'Manager', 'Sales Rep']);
        expect((await ZCRMOrganization.getInstance().getCurrentUser()).data[0].email).toBe(KEVIN);
      } finally {
        await global.close();
      }
      // Without an initialised client, a call fails with a clear message (building the object still works).
      const orphan = ZCRMOrganization.getInstance();
      await expect(orphan.getAllRoles()).rejects.toMatchObject({ errorCode: 'NOT_INITIALIZED' });
    });
  });

  describe('users', () => {
    it('getAllUsers lists every user with role, profile, theme and customize info, paged from 1', async () => {
      const response = await org.getAllUsers();
      expect(sent[0].url).toBe('/crm/v2/users?page=1&per_page=200');
      expect(response.data.map((u) => u.fullName)).toEqual(['Patricia Boyle', 'Kevin Hart', 'Priya Raman']);
      const patricia = response.data[0];
      expect(patricia).toBeInstanceOf(ZCRMUser);
      expect(patricia).toMatchObject({
        id: PATRICIA_ID,
        email: PATRICIA,
        firstName: 'Patricia',
        lastName: 'Boyle',
        status: 'active',
        isConfirm: true,
        zuid: '808233918',
        role: { id: ROLE_IDS.ceo, name: 'CEO' },
        profile: { id: PROFILE_IDS.administrator, name: 'Administrator' },
        timeZone: 'Asia/Kolkata',
      });
      expect(patricia.theme).toBeInstanceOf(ZCRMUserTheme);
      expect(patricia.theme?.normalTabBackground).toBe('#222222');
      expect(patricia.customizeInfo).toBeInstanceOf(ZCRMUserCustomizeInfo);
      expect(patricia.customizeInfo?.isToShowDetailView).toBe(true);
      expect(response.info).toMatchObject({ page: 1, perPage: 200, count: 3, moreRecords: false });
    });

    it('pages with page and perPage, and refuses page 0 or perPage over 200 before any request', async () => {
      const first = await org.getAllUsers(1, 2);
      expect(first.data.map((u) => u.email)).toEqual([PATRICIA, KEVIN]);
      expect(first.info).toMatchObject({ page: 1, perPage: 2, moreRecords: true });
      const second = await org.getAllUsers(2, 2);
      expect(second.data.map((u) => u.id)).toEqual([PRIYA_ID]);
      expect(second.info?.moreRecords).toBe(false);
      const past = await org.getAllUsers(3, 2);
      expect(past.statusCode).toBe(204);
      expect(past.noData).toBe(true);
      expect(past.data).toEqual([]);
      await expectClientCheck(org.getAllUsers(0), /page: pages count from 1/, emulator);
      await expectClientCheck(org.getAllUsers(1, 201), /perPage: must be 1\.\.200/, emulator);
    });

    it('sends the type of each typed list and parses what comes back (204 as an empty result)', async () => {
      const cases: Array<[keyof ZCRMOrganization, string, string[]]> = [
        ['getAllActiveUsers', 'ActiveUsers', [PATRICIA_ID, KEVIN_ID, PRIYA_ID]],
        ['getAllDeactiveUsers', 'DeactiveUsers', []],
        ['getAllConfirmedUsers', 'ConfirmedUsers', [PATRICIA_ID, KEVIN_ID, PRIYA_ID]],
        ['getAllNotConfirmedUsers', 'NotConfirmedUsers', []],
        ['getAllDeletedUsers', 'DeletedUsers', []],
        ['getAllActiveConfirmedUsers', 'ActiveConfirmedUsers', [PATRICIA_ID, KEVIN_ID, PRIYA_ID]],
        ['getAllAdminUsers', 'AdminUsers', [PATRICIA_ID]],
        ['getAllActiveConfirmedAdminUsers', 'ActiveConfirmedAdmins', [PATRICIA_ID]],
      ];
      for (const [method, type, ids] of cases) {
        sent.length = 0;
        const call = org[method] as (
          page?: number,
          perPage?: number,
        ) => Promise<{ data: ZCRMUser[]; noData: boolean }>;
        const response = await call.call(org, 1, 50);
        expect(sent.map((r) => r.url)).toEqual([`/crm/v2/users?type=${type}&page=1&per_page=50`]);
        expect(response.data.map((u) => u.id)).toEqual(ids);
        expect(response.noData).toBe(ids.length === 0);
      }
    });

    it('getAllUsers with ifModifiedSince sends the header and turns 304 into an empty result', async () => {
      const response = await org.getAllUsers(1, 200, { ifModifiedSince: new Date(Date.now() + 3_600_000) });
      expect(sent[0].headers['If-Modified-Since']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
      expect(response.statusCode).toBe(304);
      expect(response.notModified).toBe(true);
      expect(response.data).toEqual([]);
      const all = await org.getAllUsers(1, 200, { ifModifiedSince: '2020-01-01T00:00:00+05:30' });
      expect(all.data).toHaveLength(3);
    });

    it('getUser returns one user; an unknown id is a 204 without data; an empty id never leaves the client', async () => {
      const response = await org.getUser(KEVIN_ID);
      expect(sent[0].url).toBe(`/crm/v2/users/${KEVIN_ID}`);
      expect(response.data).toMatchObject({
        id: KEVIN_ID,
        email: KEVIN,
        role: { name: 'Manager' },
        profile: { name: 'Standard' },
      });
      const unknown = await org.getUser('3652397000000999999');
      expect(unknown).toMatchObject({ statusCode: 204, noData: true, data: undefined });
      await expectClientCheck(org.getUser(''), /user id: an id is required/, emulator);
    });

    it('createUser sends only what was set and gives the user its new id', async () => {
      const user = ZCRMUser.getInstance();
      user.lastName = 'Nguyen';
      user.firstName = 'Lan';
      user.email = 'lan.nguyen@zylker.com';
      user.role = { id: ROLE_IDS.rep };
      user.profile = { id: PROFILE_IDS.standard };
      user.setFieldValue('Employee_Code', 'E-77');
      const response = await org.createUser(user);
      expect(sent[0]).toMatchObject({ method: 'POST', url: '/crm/v2/users' });
      expect(sent[0].body).toEqual({
        users: [
          {
            role: ROLE_IDS.rep,
            profile: PROFILE_IDS.standard,
            first_name: 'Lan',
            email: 'lan.nguyen@zylker.com',
            last_name: 'Nguyen',
            Employee_Code: 'E-77',
          },
        ],
      });
      expect(response).toMatchObject({
        statusCode: 201,
        status: 'success',
        code: 'SUCCESS',
        message: 'User added',
      });
      expect(response.data).toBe(user);
      expect(user.id).toMatch(/^3652397\d{12}$/);
      const invited = await org.getAllNotConfirmedUsers();
      expect(invited.data.map((u) => [u.id, u.email, u.getFieldValue('Employee_Code')])).toEqual([
        [user.id, 'lan.nguyen@zylker.com', 'E-77'],
      ]);
    });

    it('createUser throws the error of a rejected user, and checks its input before any request', async () => {
      const duplicate = ZCRMUser.getInstance();
      duplicate.lastName = 'Hart';
      duplicate.email = 'KEVIN.HART@zylker.com';
      duplicate.role = { id: ROLE_IDS.rep };
      duplicate.profile = { id: PROFILE_IDS.standard };
      const error = await rejectionOf(org.createUser(duplicate));
      expect(error).toBeInstanceOf(ValidationException);
      expect(error).toMatchObject({
        statusCode: 400,
        errorCode: 'DUPLICATE_DATA',
        errorDetails: { api_name: 'email' },
      });
      expect(duplicate.id).toBeUndefined();

      const incomplete = ZCRMUser.getInstance();
      incomplete.email = 'someone@zylker.com';
      await expect(org.createUser(incomplete)).rejects.toMatchObject({
        errorCode: 'MANDATORY_NOT_FOUND',
        errorDetails: { api_name: 'last_name' },
      });

      await expectClientCheck(
        org.createUser(ZCRMUser.getInstance(KEVIN_ID)),
        /user id: must not be set/,
        emulator,
      );
      await expectClientCheck(org.createUser({} as ZCRMUser), /user: a ZCRMUser is required/, emulator);
    });

    it('createUser by a non-administrator fails with the request-level error', async () => {
      const user = ZCRMUser.getInstance();
      user.lastName = 'X';
      user.email = 'x@zylker.com';
      user.role = { id: ROLE_IDS.rep };
      user.profile = { id: PROFILE_IDS.standard };
      const error = await rejectionOf(
        ZCRMOrganization.getInstance(undefined, undefined, kevinClient).createUser(user),
      );
      expect(error).toMatchObject({ statusCode: 400, errorCode: 'AUTHORIZATION_FAILED' });
    });

    it('updateUser sends the set attributes to users/{id}; it needs an id', async () => {
      const user = ZCRMUser.getInstance(KEVIN_ID);
      user.phone = '+1 555 0199';
      user.isPersonalAccount = false;
      const response = await org.updateUser(user);
      expect(sent[0]).toMatchObject({ method: 'PUT', url: `/crm/v2/users/${KEVIN_ID}` });
      expect(sent[0].body).toEqual({ users: [{ phone: '+1 555 0199', personal_account: false }] });
      expect(response).toMatchObject({ statusCode: 200, code: 'SUCCESS', message: 'User updated' });
      expect((await org.getUser(KEVIN_ID)).data?.phone).toBe('+1 555 0199');
      await expectClientCheck(org.updateUser(ZCRMUser.getInstance()), /user id: an id is required/, emulator);
    });

    it('updateUser of a deleted user throws its error code', async () => {
      await org.deleteUser(PRIYA_ID);
      const user = ZCRMUser.getInstance(PRIYA_ID);
      user.city = 'Pune';
      await expect(org.updateUser(user)).rejects.toMatchObject({
        statusCode: 400,
        errorCode: 'CANNOT_UPDATE_DELETED_USER',
      });
    });

    it('updateUsers returns one result per user in input order, failures included', async () => {
      const kevin = ZCRMUser.getInstance(KEVIN_ID);
      kevin.city = 'Austin';
      const priya = ZCRMUser.getInstance(PRIYA_ID);
      priya.status = 'sleeping';
      const response = await org.updateUsers([kevin, priya]);
      expect(sent[0]).toMatchObject({ method: 'PUT', url: '/crm/v2/users' });
      expect(sent[0].body).toEqual({
        users: [
          { id: KEVIN_ID, city: 'Austin' },
          { id: PRIYA_ID, status: 'sleeping' },
        ],
      });
      expect(response.statusCode).toBe(202);
      expect(response.bulkEntityResponse.map((r) => [r.status, r.code])).toEqual([
        ['success', 'SUCCESS'],
        ['error', 'INVALID_DATA'],
      ]);
      expect(response.bulkEntityResponse[1].details).toEqual({ api_name: 'status' });
      expect(response.bulkEntityResponse[1].data).toBe(priya);
      expect(response.data).toEqual([kevin]);
    });

    it('updateUsers still returns per-user results when every user fails (HTTP 400)', async () => {
      const a = ZCRMUser.getInstance(KEVIN_ID);
      a.status = 'nope';
      const b = ZCRMUser.getInstance(PRIYA_ID);
      b.email = 'not-an-email';
      const response = await org.updateUsers([a, b]);
      expect(response.statusCode).toBe(400);
      expect(response.bulkEntityResponse.map((r) => r.code)).toEqual(['INVALID_DATA', 'INVALID_DATA']);
      expect(response.bulkEntityResponse.map((r) => r.data)).toEqual([a, b]);
      expect(response.data).toEqual([]);
    });

    it('updateUsers checks count and ids before any request', async () => {
      await expectClientCheck(org.updateUsers([]), /users: give at least one/, emulator);
      const many = Array.from({ length: 101 }, (_, i) => ZCRMUser.getInstance(String(i + 1)));
      await expectClientCheck(org.updateUsers(many), /users: at most 100 per request, got 101/, emulator);
      await expectClientCheck(
        org.updateUsers([ZCRMUser.getInstance(KEVIN_ID), ZCRMUser.getInstance()]),
        /users\[1\]\.id/,
        emulator,
      );
    });

    it('deleteUser deletes; the primary contact cannot be deleted', async () => {
      const response = await org.deleteUser(PRIYA_ID);
      expect(sent[0]).toMatchObject({ method: 'DELETE', url: `/crm/v2/users/${PRIYA_ID}`, body: undefined });
      expect(response).toMatchObject({ code: 'SUCCESS', message: 'User deleted' });
      expect(response.data?.id).toBe(PRIYA_ID);
      expect((await org.getAllDeletedUsers()).data.map((u) => u.id)).toEqual([PRIYA_ID]);
      await expect(org.deleteUser(PATRICIA_ID)).rejects.toMatchObject({ errorCode: 'INVALID_REQUEST' });
      await expectClientCheck(org.deleteUser(''), /user id/, emulator);
    });

    it('a call without the users scope fails with an AuthenticationException', async () => {
      const narrow = new ZCRMRestClient(emulatorConfig(emulator, { currentUserEmail: KEVIN }));
      try {
        await narrow.oauthClient.generateAccessToken(
          await emulator.issueGrantToken({ scope: 'ZohoCRM.org.ALL,AaaServer.profile.READ', email: KEVIN }),
        );
        const error = await rejectionOf(
          ZCRMOrganization.getInstance(undefined, undefined, narrow).getAllUsers(),
        );
        expect(error).toBeInstanceOf(AuthenticationException);
        expect(error).toMatchObject({ statusCode: 401, errorCode: 'OAUTH_SCOPE_MISMATCH' });
      } finally {
        await narrow.close();
      }
    });
  });

  describe('roles and profiles', () => {
    it('getAllRoles parses the hierarchy; getRole returns one role', async () => {
      const roles = await org.getAllRoles();
      expect(sent[0].url).toBe('/crm/v2/settings/roles');
      expect(roles.data.every((r) => r instanceof ZCRMRole)).toBe(true);
      const [ceo, manager, rep] = roles.data;
      expect(ceo).toMatchObject({
        id: ROLE_IDS.ceo,
        name: 'CEO',
        displayLabel: 'CEO',
        isAdmin: true,
        reportingTo: null,
        shareWithPeers: true,
      });
      expect(manager.reportingTo).toBeInstanceOf(ZCRMRole);
      expect(manager.reportingTo).toMatchObject({ id: ROLE_IDS.ceo, name: 'CEO' });
      expect(rep).toMatchObject({
        name: 'Sales Rep',
        description: null,
        isAdmin: false,
        reportingTo: { id: ROLE_IDS.manager },
      });
      const one = await org.getRole(ROLE_IDS.manager);
      expect(sent[1].url).toBe(`/crm/v2/settings/roles/${ROLE_IDS.manager}`);
      expect(one.data).toMatchObject({ name: 'Manager', description: 'Sales manager' });
    });

    it('getRole of an unknown id throws; an empty id never leaves the client', async () => {
      await expect(org.getRole('3652397000000000001')).rejects.toMatchObject({
        statusCode: 400,
        errorCode: 'INVALID_DATA',
      });
      await expectClientCheck(org.getRole(''), /role id/, emulator);
    });

    it('getAllProfiles lists summaries; getProfile adds permissions and sections', async () => {
      const all = await org.getAllProfiles();
      expect(all.data.map((p) => [p.name, p.isDefault])).toEqual([
        ['Administrator', false],
        ['Standard', true],
      ]);
      expect(all.data[0].permissions).toEqual([]);
      expect(all.data[0].createdBy).toMatchObject({ id: PATRICIA_ID, name: 'Patricia Boyle' });
      const response = await org.getProfile(PROFILE_IDS.administrator);
      const profile = response.data!;
      expect(profile).toBeInstanceOf(ZCRMProfile);
      expect(profile).toMatchObject({
        name: 'Administrator',
        description: 'This profile will have all the permissions.',
      });
      expect(profile.createdTime).toBe('2024-01-02T09:00:00+05:30');
      expect(profile.permissions.length).toBeGreaterThan(10);
      expect(profile.permissions.every((p) => p instanceof ZCRMPermission)).toBe(true);
      expect(profile.permissions).toContainEqual(
        expect.objectContaining({
          name: 'Crm_Implied_View_Leads',
          displayLabel: 'View',
          module: 'Leads',
          isEnabled: true,
        }),
      );
      expect(profile.permissions).toContainEqual(
        expect.objectContaining({ name: 'Crm_Implied_Manage_Users', module: null, isEnabled: true }),
      );
      expect(profile.sections.map((s) => s.name)).toEqual(['modules', 'general']);
      const leads = profile.sections[0].categories.find((c) => c.name === 'Leads')!;
      expect(leads.permissionIds).toHaveLength(4);
      const viewLeads = profile.permissions.find((p) => p.name === 'Crm_Implied_View_Leads')!;
      expect(leads.permissionIds).toContain(viewLeads.id);
      const standard = await org.getProfile(PROFILE_IDS.standard);
      expect(standard.data?.permissions).toContainEqual(
        expect.objectContaining({ name: 'Crm_Implied_Manage_Users', isEnabled: false }),
      );
    });

    it('getAllProfiles with ifModifiedSince answers 304 as an empty result; an unknown profile is a 204', async () => {
      const response = await org.getAllProfiles({ ifModifiedSince: '2030-01-01T00:00:00+05:30' });
      expect(response).toMatchObject({ statusCode: 304, noData: true, data: [] });
      expect(await org.getProfile('1')).toMatchObject({ statusCode: 204, noData: true, data: undefined });
      await expectClientCheck(org.getProfile(''), /profile id/, emulator);
    });
  });
});
