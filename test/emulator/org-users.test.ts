import { RunningEmulator } from '../../src/emulator';
import { ALL_SCOPES, obtainTokens, RawClient, startTestEmulator } from '../support/emulator';

const error = (code: string, message: string, details: Record<string, unknown> = {}) => ({
  code,
  details,
  message,
  status: 'error',
});
const ok = (message: string, details: Record<string, unknown>) => ({
  code: 'SUCCESS',
  details,
  message,
  status: 'success',
});
const invalidId = (id: string) => error('INVALID_DATA', 'the id given seems to be invalid', { id });
const ID = expect.stringMatching(/^\d{19}$/);
const FUTURE = '2999-01-01T00:00:00+05:30';
const PAST = '2020-01-01T00:00:00+05:30';

/** Keys the Python SDK's `get_zcrm_user` reads without a presence check. */
const SDK_USER_KEYS = [
  'id',
  'role',
  'city',
  'language',
  'locale',
  'alias',
  'street',
  'state',
  'country_locale',
  'fax',
  'first_name',
  'email',
  'zip',
  'website',
  'time_format',
  'profile',
  'mobile',
  'last_name',
  'time_zone',
  'zuid',
  'confirm',
  'full_name',
  'phone',
  'dob',
  'date_format',
  'status',
  'created_by',
  'Modified_By',
  'created_time',
  'Modified_Time',
];
/** Keys the Python SDK's `get_zcrm_organization` reads without a presence check. */
const SDK_ORG_KEYS = [
  'company_name',
  'id',
  'alias',
  'city',
  'country',
  'country_code',
  'currency_locale',
  'currency_symbol',
  'description',
  'employee_count',
  'fax',
  'gapps_enabled',
  'iso_code',
  'mc_status',
  'mobile',
  'phone',
  'primary_email',
  'primary_zuid',
  'state',
  'street',
  'time_zone',
  'website',
  'zgid',
  'zip',
  'license_details',
];

describe('org, taxes, users, roles, profiles and variables', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  /** Priya Raman: a Standard-profile user, for privilege checks. */
  let priya: RawClient;
  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator({ demoData: false }));
    priya = new RawClient(
      emulator,
      (await obtainTokens(emulator, ALL_SCOPES, 'priya.raman@zylker.com')).access_token,
    );
  });
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  const users = async (query = '') => (await client.get(`/crm/v2/users${query}`)).json.users as any[];
  const userByEmail = async (email: string) => (await users('?type=AllUsers')).find((u) => u.email === email);

  describe('GET /org and POST /org/photo', () => {
    it('returns the org without emulator-internal keys', async () => {
      const res = await client.get('/crm/v2/org');
      expect(res.status).toBe(200);
      expect(res.json.org).toHaveLength(1);
      const org = res.json.org[0];
      expect(Object.keys(org)).toEqual(expect.arrayContaining(SDK_ORG_KEYS));
      expect(org).not.toHaveProperty('offset_minutes');
      expect(org).toEqual(
        expect.objectContaining({
          id: ID,
          company_name: 'Zylker',
          zgid: '808232144',
          time_zone: 'Asia/Kolkata',
          photo_id: null,
        }),
      );
      expect(org.license_details).toEqual({
        paid: true,
        paid_type: 'enterprise',
        paid_expiry: '2027-12-31T23:59:59+05:30',
        trial_type: null,
        trial_expiry: null,
        users_license_purchased: 10,
      });
    });

    const upload = (blob: Blob, name = 'logo.png', field = 'file') => {
      const form = new FormData();
      form.append(field, blob, name);
      return client.request('POST', '/crm/v2/org/photo', { form });
    };

    it('stores an uploaded image and sets photo_id', async () => {
      const res = await upload(
        new Blob([Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'image/png' }),
      );
      expect(res.status).toBe(200);
      expect(res.json).toEqual(ok('photo uploaded successfully', {}));
      expect((await client.get('/crm/v2/org')).json.org[0].photo_id).toMatch(/^[0-9a-f]{32}$/);
    });

    it('refuses a request without a file or with a non-image', async () => {
      const none = await client.post('/crm/v2/org/photo', {});
      expect(none.status).toBe(400);
      expect(none.json).toEqual(error('INVALID_DATA', 'the request does not contain any file'));
      const wrongPart = await upload(new Blob(['x'], { type: 'image/png' }), 'a.png', 'photo');
      expect(wrongPart.json).toEqual(error('INVALID_DATA', 'the request does not contain any file'));
      const text = await upload(new Blob(['hello'], { type: 'text/plain' }), 'a.txt');
      expect(text.status).toBe(400);
      expect(text.json).toEqual(error('INVALID_DATA', 'invalid file type'));
      expect((await client.get('/crm/v2/org')).json.org[0].photo_id).toBeNull();
    });
  });

  describe('/org/taxes', () => {
    const taxes = async () => (await client.get('/crm/v2/org/taxes')).json.taxes as any[];

    it('lists taxes in sequence with the preferences', async () => {
      const res = await client.get('/crm/v2/org/taxes');
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        taxes: [
          { id: ID, name: 'Vat', display_label: 'Vat', value: 12.5, sequence_number: 1 },
          { id: ID, name: 'Sales Tax', display_label: 'Sales Tax', value: 5, sequence_number: 2 },
          { id: ID, name: 'Common Tax', display_label: 'Common Tax', value: 1.5, sequence_number: 3 },
        ],
        preference: { auto_populate_tax: true, modify_tax_rates: true },
      });
    });

    it('returns one tax by id and rejects unknown ids', async () => {
      const [vat] = await taxes();
      expect((await client.get(`/crm/v2/org/taxes/${vat.id}`)).json).toEqual({ taxes: [vat] });
      const unknown = await client.get('/crm/v2/org/taxes/123');
      expect(unknown.status).toBe(400);
      expect(unknown.json).toEqual(error('INVALID_DATA', 'Given ID does not exist', { id: '123' }));
    });

    it('adds taxes from stringified values, as the Python SDK sends them', async () => {
      const res = await client.post('/crm/v2/org/taxes', {
        taxes: [
          { name: 'GST', value: '7.5' },
          { name: 'Cess', display_label: 'Cess 2%', value: '2', sequence_number: '1' },
        ],
      });
      expect(res.status).toBe(201);
      expect(res.json).toEqual({ taxes: [ok('tax added', { id: ID }), ok('tax added', { id: ID })] });
      expect((await taxes()).map((t) => [t.name, t.display_label, t.value, t.sequence_number])).toEqual([
        ['Cess', 'Cess 2%', 2, 1],
        ['Vat', 'Vat', 12.5, 2],
        ['Sales Tax', 'Sales Tax', 5, 3],
        ['Common Tax', 'Common Tax', 1.5, 4],
        ['GST', 'GST', 7.5, 5],
      ]);
    });

    it('reports bad items one by one and keeps the good ones', async () => {
      const res = await client.post('/crm/v2/org/taxes', {
        taxes: [
          { name: 'vat', value: 3 },
          { name: 'Levy', value: 4 },
          { value: 1 },
          { name: 'Odd', value: 'abc' },
          { name: 'Far', value: 1, sequence_number: 9 },
          { name: 'First', value: 1, sequence_number: 1 },
          { name: 'Again', value: 1, sequence_number: 1 },
        ],
      });
      expect(res.status).toBe(202);
      expect(res.json.taxes).toEqual([
        error('DUPLICATE_DATA', 'duplicate data', { api_name: 'name' }),
        ok('tax added', { id: ID }),
        error('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'name' }),
        error('INVALID_DATA', 'invalid data', { api_name: 'value' }),
        error('INVALID_DATA', 'Sequence number out of range', { api_name: 'sequence_number' }),
        ok('tax added', { id: ID }),
        error('INVALID_DATA', 'Sequence number cannot be repeated in same request', {
          api_name: 'sequence_number',
        }),
      ]);
      expect((await taxes()).map((t) => t.name)).toEqual(['First', 'Vat', 'Sales Tax', 'Common Tax', 'Levy']);
    });

    it('answers 400 when every item fails, and checks the batch size', async () => {
      const before = await taxes();
      const bad = await client.post('/crm/v2/org/taxes', { taxes: [{ name: 'X', value: 101 }] });
      expect(bad.status).toBe(400);
      expect(bad.json).toEqual({ taxes: [error('INVALID_DATA', 'invalid data', { api_name: 'value' })] });
      const many = await client.post('/crm/v2/org/taxes', {
        taxes: Array.from({ length: 101 }, (_, i) => ({ name: `T${i}`, value: 1 })),
      });
      expect(many.status).toBe(400);
      expect(many.json).toEqual(error('LIMIT_EXCEEDED', 'limit exceeded', { api_name: 'taxes', limit: 100 }));
      expect(await taxes()).toEqual(before);
    });

    it('updates taxes by id, reordering on a new sequence number', async () => {
      const [vat, sales] = await taxes();
      const res = await client.put('/crm/v2/org/taxes', {
        taxes: [
          { id: sales.id, value: '6', sequence_number: '1' },
          { id: vat.id, name: 'VAT' },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        taxes: [ok('record updated', { id: sales.id }), ok('record updated', { id: vat.id })],
      });
      expect((await taxes()).map((t) => [t.name, t.value, t.sequence_number])).toEqual([
        ['Sales Tax', 6, 1],
        ['VAT', 12.5, 2],
        ['Common Tax', 1.5, 3],
      ]);
    });

    it('refuses updates without an id, with an unknown id or a taken name, leaving the tax unchanged', async () => {
      const [vat] = await taxes();
      const res = await client.put('/crm/v2/org/taxes', {
        taxes: [{ value: 1 }, { id: '42', value: 1 }, { id: vat.id, name: 'Sales Tax', value: 1 }],
      });
      expect(res.status).toBe(400);
      expect(res.json.taxes).toEqual([
        error('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'id' }),
        error('INVALID_DATA', 'Given ID does not exist', { id: '42' }),
        error('DUPLICATE_DATA', 'duplicate data', { api_name: 'name' }),
      ]);
      expect((await taxes())[0]).toEqual(vat);
    });

    it('deletes by ids, reporting unknown ones, and closes up the sequence', async () => {
      const [vat, , common] = await taxes();
      const res = await client.delete(`/crm/v2/org/taxes?ids=${vat.id},77`);
      expect(res.status).toBe(202);
      expect(res.json).toEqual({
        taxes: [ok('tax deleted', { id: vat.id }), error('INVALID_DATA', 'tax not deleted', { id: '77' })],
      });
      const one = await client.delete(`/crm/v2/org/taxes/${common.id}`);
      expect(one.status).toBe(200);
      expect(one.json).toEqual({ taxes: [ok('tax deleted', { id: common.id })] });
      expect((await taxes()).map((t) => [t.name, t.sequence_number])).toEqual([['Sales Tax', 1]]);
      expect((await client.delete(`/crm/v2/org/taxes/${common.id}`)).json).toEqual(
        error('INVALID_DATA', 'Given ID does not exist', { id: common.id }),
      );
      const noIds = await client.delete('/crm/v2/org/taxes');
      expect(noIds.status).toBe(400);
      expect(noIds.json).toEqual(
        error('REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', { param: 'ids' }),
      );
    });

    it('answers 204 once every tax is gone', async () => {
      const ids = (await taxes()).map((t) => t.id).join(',');
      expect((await client.delete(`/crm/v2/org/taxes?ids=${ids}`)).status).toBe(200);
      expect((await client.get('/crm/v2/org/taxes')).status).toBe(204);
    });

    it('accepts a ZohoCRM.org read scope', async () => {
      const reader = new RawClient(emulator, (await obtainTokens(emulator, 'ZohoCRM.org.READ')).access_token);
      expect((await reader.get('/crm/v2/org/taxes')).status).toBe(200);
      const denied = await reader.post('/crm/v2/org/taxes', { taxes: [{ name: 'X', value: 1 }] });
      expect(denied.status).toBe(401);
      expect(denied.json.code).toBe('OAUTH_SCOPE_MISMATCH');
    });
  });

  describe('GET /users', () => {
    it('lists users with the keys the Python SDK reads', async () => {
      const res = await client.get('/crm/v2/users');
      expect(res.status).toBe(200);
      expect(res.json.info).toEqual({ per_page: 200, count: 3, page: 1, more_records: false });
      expect(res.json.users.map((u: any) => u.full_name)).toEqual([
        'Patricia Boyle',
        'Kevin Hart',
        'Priya Raman',
      ]);
      for (const user of res.json.users)
        expect(Object.keys(user)).toEqual(expect.arrayContaining(SDK_USER_KEYS));
      expect(res.json.users[0]).toEqual(
        expect.objectContaining({
          id: ID,
          email: 'patricia.boyle@zylker.com',
          status: 'active',
          confirm: true,
          role: { name: 'CEO', id: ID },
          profile: { name: 'Administrator', id: ID },
          created_by: { name: 'Patricia Boyle', id: res.json.users[0].id },
          Modified_By: { name: 'Patricia Boyle', id: res.json.users[0].id },
          offset: 19800000,
          customize_info: expect.objectContaining({
            notes_desc: null,
            bc_view: null,
            unpin_recent_item: null,
          }),
          theme: expect.objectContaining({ normal_tab: { font_color: '#FFFFFF', background: '#222222' } }),
        }),
      );
    });

    it.each<[string, string[]]>([
      ['CurrentUser', ['Priya Raman']],
      ['AdminUsers', ['Patricia Boyle']],
      ['ActiveConfirmedAdmins', ['Patricia Boyle']],
      ['ActiveUsers', ['Patricia Boyle', 'Kevin Hart', 'Priya Raman']],
      ['ConfirmedUsers', ['Patricia Boyle', 'Kevin Hart', 'Priya Raman']],
    ])('filters type=%s', async (type, names) => {
      const res = await priya.get(`/crm/v2/users?type=${type}&page=1&per_page=200`);
      expect(res.status).toBe(200);
      expect(res.json.users.map((u: any) => u.full_name)).toEqual(names);
    });

    it('answers 204 for types with no users and rejects unknown types', async () => {
      for (const type of ['DeletedUsers', 'DeactiveUsers', 'NotConfirmedUsers']) {
        const res = await client.get(`/crm/v2/users?type=${type}`);
        expect(res.status).toBe(204);
        expect(res.text).toBe('');
      }
      const bad = await client.get('/crm/v2/users?type=Everyone');
      expect(bad.status).toBe(400);
      expect(bad.json).toEqual(error('INVALID_DATA', 'invalid data', { param: 'type' }));
    });

    it('pages with page/per_page', async () => {
      const res = await client.get('/crm/v2/users?per_page=1&page=2');
      expect(res.json.users.map((u: any) => u.full_name)).toEqual(['Kevin Hart']);
      expect(res.json.info).toEqual({ per_page: 1, count: 1, page: 2, more_records: true });
      expect((await client.get('/crm/v2/users?per_page=2&page=3')).status).toBe(204);
    });

    it('honours If-Modified-Since on the list and on one user', async () => {
      const list = await client.get('/crm/v2/users', { 'If-Modified-Since': FUTURE });
      expect(list.status).toBe(304);
      expect(list.text).toBe('');
      expect((await client.get('/crm/v2/users', { 'If-Modified-Since': PAST })).json.users).toHaveLength(3);
      const kevin = await userByEmail('kevin.hart@zylker.com');
      expect((await client.get(`/crm/v2/users/${kevin.id}`, { 'If-Modified-Since': FUTURE })).status).toBe(
        304,
      );
      await client.put(`/crm/v2/users/${kevin.id}`, { users: [{ phone: '+1 555 0111' }] });
      const since = await client.get('/crm/v2/users', {
        'If-Modified-Since': new Date(Date.now() - 60_000).toISOString(),
      });
      expect(since.json.users.map((u: any) => u.full_name)).toEqual(['Kevin Hart']);
    });

    it('returns one user by id and answers 204 for an unknown id', async () => {
      const [, kevin] = await users();
      expect((await client.get(`/crm/v2/users/${kevin.id}`)).json).toEqual({ users: [kevin] });
      for (const id of ['3652397000000999999', 'abc']) {
        const unknown = await client.get(`/crm/v2/users/${id}`);
        expect([unknown.status, unknown.text]).toEqual([204, '']);
      }
    });

    it('needs a ZohoCRM.users scope', async () => {
      const narrow = new RawClient(
        emulator,
        (await obtainTokens(emulator, 'ZohoCRM.users.READ')).access_token,
      );
      expect((await narrow.get('/crm/v2/users')).status).toBe(200);
      const denied = await narrow.post('/crm/v2/users', { users: [{ last_name: 'X' }] });
      expect(denied.status).toBe(401);
      expect(denied.json).toEqual(error('OAUTH_SCOPE_MISMATCH', 'invalid oauth scope to access this URL'));
    });
  });

  describe('POST|PUT|DELETE /users', () => {
    const roles = async () => (await client.get('/crm/v2/settings/roles')).json.roles as any[];
    const profiles = async () => (await client.get('/crm/v2/settings/profiles')).json.profiles as any[];
    const newUser = async (extra: Record<string, unknown> = {}) => {
      const [, manager] = await roles();
      const [, standard] = await profiles();
      return {
        role: manager.id,
        profile: { id: standard.id },
        first_name: 'Ada',
        last_name: 'Lovelace',
        email: 'ada@zylker.com',
        ...extra,
      };
    };

    it('adds a user as an unconfirmed invitation', async () => {
      const res = await client.post('/crm/v2/users', {
        users: [await newUser({ phone: '+1 555 0199', Skills__c: 'Maths' })],
      });
      expect(res.status).toBe(201);
      expect(res.json).toEqual({ users: [ok('User added', { id: ID })] });
      const ada = (await client.get(`/crm/v2/users/${res.json.users[0].details.id}`)).json.users[0];
      expect(ada).toEqual(
        expect.objectContaining({
          full_name: 'Ada Lovelace',
          email: 'ada@zylker.com',
          status: 'active',
          confirm: false,
          phone: '+1 555 0199',
          Skills__c: 'Maths',
          role: { name: 'Manager', id: ID },
          profile: { name: 'Standard', id: ID },
          time_zone: 'Asia/Kolkata',
          created_by: { name: 'Patricia Boyle', id: ID },
          created_time: expect.stringMatching(/\+05:30$/),
        }),
      );
      expect((await users('?type=NotConfirmedUsers')).map((u) => u.email)).toEqual(['ada@zylker.com']);
    });

    it('checks every item: mandatory keys, role, profile and e-mail', async () => {
      const res = await client.post('/crm/v2/users', {
        users: [
          await newUser({ last_name: undefined }),
          await newUser({ role: '1' }),
          await newUser({ profile: { id: '2' } }),
          await newUser({ email: 'not-an-email' }),
          await newUser({ email: 'KEVIN.HART@zylker.com' }),
          await newUser(),
          await newUser({ first_name: 'Twin' }),
        ],
      });
      expect(res.status).toBe(202);
      expect(res.json.users).toEqual([
        error('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'last_name' }),
        error('INVALID_DATA', 'invalid data', { api_name: 'role' }),
        error('INVALID_DATA', 'invalid data', { api_name: 'profile' }),
        error('INVALID_DATA', 'Invalid Email Id. Please choose a different email id', { api_name: 'email' }),
        error('DUPLICATE_DATA', 'Failed to add user since same email id is already present', {
          api_name: 'email',
        }),
        ok('User added', { id: ID }),
        error('DUPLICATE_DATA', 'Failed to add user since same email id is already present', {
          api_name: 'email',
        }),
      ]);
      expect(await users()).toHaveLength(4);
    });

    it('stops at the licence limit of active users', async () => {
      const batch = await Promise.all(
        Array.from({ length: 8 }, (_, i) => newUser({ email: `u${i}@zylker.com` })),
      );
      const res = await client.post('/crm/v2/users', { users: batch });
      expect(res.status).toBe(202);
      expect(res.json.users.filter((r: any) => r.status === 'success')).toHaveLength(7);
      expect(res.json.users[7]).toEqual(
        error(
          'LICENSE_LIMIT_EXCEEDED',
          'Request exceeds your license limit. Need to upgrade in order to add',
        ),
      );
    });

    it('updates users by path or in bulk', async () => {
      const [, kevin, priyaUser] = await users();
      const one = await client.put(`/crm/v2/users/${kevin.id}`, {
        users: [{ phone: '+1 555 0111', city: 'Austin' }],
      });
      expect(one.status).toBe(200);
      expect(one.json).toEqual({ users: [ok('User updated', { id: kevin.id })] });
      const bulk = await client.put('/crm/v2/users', {
        users: [{ id: priyaUser.id, mobile: '+91 90000 00000' }, { mobile: 'x' }, { id: '99', mobile: 'x' }],
      });
      expect(bulk.status).toBe(202);
      expect(bulk.json.users).toEqual([
        ok('User updated', { id: priyaUser.id }),
        error('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'id' }),
        invalidId('99'),
      ]);
      const after = await users();
      expect(after[1]).toEqual(
        expect.objectContaining({
          phone: '+1 555 0111',
          city: 'Austin',
          Modified_By: { name: 'Patricia Boyle', id: after[0].id },
        }),
      );
      expect(after[2].mobile).toBe('+91 90000 00000');
    });

    it('refuses e-mail changes of confirmed users and bad values, leaving the user unchanged', async () => {
      const [, kevin] = await users();
      const res = await client.put(`/crm/v2/users/${kevin.id}`, {
        users: [{ city: 'Paris', email: 'k@zylker.com' }],
      });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        users: [
          error('EMAIL_UPDATE_NOT_ALLOWED', 'Cannot update email of a confirmed CRM User', {
            api_name: 'email',
          }),
        ],
      });
      const badType = await client.put(`/crm/v2/users/${kevin.id}`, {
        users: [{ city: 'Paris', personal_account: 'yes' }],
      });
      expect(badType.json).toEqual({
        users: [error('INVALID_DATA', 'invalid data', { api_name: 'personal_account' })],
      });
      expect((await users())[1]).toEqual(kevin);
    });

    it('deactivates and reactivates users, but never the primary contact', async () => {
      const [patricia, kevin] = await users();
      expect(
        (await client.put(`/crm/v2/users/${kevin.id}`, { users: [{ status: 'disabled' }] })).status,
      ).toBe(200);
      expect((await users('?type=DeactiveUsers')).map((u) => u.id)).toEqual([kevin.id]);
      expect((await users('?type=ActiveUsers')).map((u) => u.id)).not.toContain(kevin.id);
      expect((await client.put(`/crm/v2/users/${kevin.id}`, { users: [{ status: 'active' }] })).status).toBe(
        200,
      );
      const primary = await client.put(`/crm/v2/users/${patricia.id}`, { users: [{ status: 'disabled' }] });
      expect(primary.status).toBe(400);
      expect(primary.json).toEqual({
        users: [error('INVALID_DATA', 'Primary Contact cannot be deactivated', { id: patricia.id })],
      });
      const deleted = await client.put(`/crm/v2/users/${kevin.id}`, { users: [{ status: 'deleted' }] });
      expect(deleted.json).toEqual({
        users: [error('INVALID_DATA', 'invalid data', { api_name: 'status' })],
      });
    });

    it('lets a standard user change only their own details, not their role or profile', async () => {
      const [patricia, kevin, me] = await users();
      const own = await priya.put(`/crm/v2/users/${me.id}`, { users: [{ phone: '+91 1' }] });
      expect(own.status).toBe(200);
      const role = await priya.put(`/crm/v2/users/${me.id}`, { users: [{ role: patricia.role.id }] });
      expect(role.json).toEqual({
        users: [
          error('AUTHORIZATION_FAILED', 'Profile and Role cannot be Updated by the user.', { id: me.id }),
        ],
      });
      const other = await priya.put(`/crm/v2/users/${kevin.id}`, { users: [{ phone: '+91 2' }] });
      expect(other.status).toBe(400);
      expect(other.json).toEqual({
        users: [
          error(
            'AUTHORIZATION_FAILED',
            'Either trial has expired or user does not have sufficient privilege to perform this action',
            { id: kevin.id },
          ),
        ],
      });
      const add = await priya.post('/crm/v2/users', { users: [await newUser()] });
      expect(add.status).toBe(400);
      expect(add.json).toEqual(
        error(
          'AUTHORIZATION_FAILED',
          'Either trial has expired or user does not have sufficient privilege to perform this action',
        ),
      );
      const remove = await priya.delete(`/crm/v2/users/${kevin.id}`);
      expect(remove.status).toBe(400);
      expect(remove.json).toEqual(
        error('AUTHORIZATION_FAILED', 'User does not have sufficient privilege to delete users'),
      );
      expect((await users())[1]).toEqual(kevin);
    });

    it('deletes a user: listed as deleted, no longer updatable, token refused', async () => {
      const kevinClient = new RawClient(
        emulator,
        (await obtainTokens(emulator, ALL_SCOPES, 'kevin.hart@zylker.com')).access_token,
      );
      const [patricia, kevin] = await users();
      const res = await client.delete(`/crm/v2/users/${kevin.id}`);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ users: [ok('User deleted', { id: kevin.id })] });
      expect((await users()).map((u) => u.id)).not.toContain(kevin.id);
      expect((await users('?type=DeletedUsers')).map((u) => [u.id, u.status])).toEqual([
        [kevin.id, 'deleted'],
      ]);
      const again = await client.delete(`/crm/v2/users/${kevin.id}`);
      expect(again.status).toBe(400);
      expect(again.json).toEqual({
        users: [error('ID_ALREADY_DELETED', 'User is already deleted', { id: kevin.id })],
      });
      const update = await client.put(`/crm/v2/users/${kevin.id}`, { users: [{ city: 'Oslo' }] });
      expect(update.json).toEqual({
        users: [error('CANNOT_UPDATE_DELETED_USER', 'Deleted user cannot be updated', { id: kevin.id })],
      });
      expect((await kevinClient.get('/crm/v2/org')).json).toEqual(
        error('INVALID_TOKEN', 'invalid oauth token'),
      );
      const primary = await client.delete(`/crm/v2/users/${patricia.id}`);
      expect(primary.status).toBe(400);
      expect(primary.json).toEqual({
        users: [error('INVALID_REQUEST', 'Primary contact cannot be deleted', { id: patricia.id })],
      });
      expect((await client.delete('/crm/v2/users/123')).json).toEqual(invalidId('123'));
    });
  });

  describe('/settings/roles and /settings/profiles', () => {
    it('lists roles with their superiors', async () => {
      const res = await client.get('/crm/v2/settings/roles');
      expect(res.status).toBe(200);
      const [ceo, manager] = res.json.roles;
      expect(ceo).toEqual({
        id: ID,
        name: 'CEO',
        display_label: 'CEO',
        description: 'Sees every record',
        reporting_to: null,
        forecast_manager: null,
        admin_user: true,
        share_with_peers: true,
      });
      expect(manager.reporting_to).toEqual({ name: 'CEO', id: ceo.id });
      expect((await client.get(`/crm/v2/settings/roles/${manager.id}`)).json).toEqual({ roles: [manager] });
      expect((await client.get('/crm/v2/settings/roles/5')).json).toEqual(invalidId('5'));
    });

    it('lists profiles, and details one with its permissions', async () => {
      const list = await client.get('/crm/v2/settings/profiles');
      expect(list.status).toBe(200);
      const [admin, standard] = list.json.profiles;
      expect(standard).toEqual({
        id: ID,
        name: 'Standard',
        display_label: 'Standard',
        description: 'This profile will have all the permissions except administrative privileges.',
        default: true,
        category: false,
        created_time: '2024-01-02T09:00:00+05:30',
        modified_time: '2024-01-02T09:00:00+05:30',
        created_by: { name: 'Patricia Boyle', id: ID },
        modified_by: { name: 'Patricia Boyle', id: ID },
      });
      const one = (await client.get(`/crm/v2/settings/profiles/${standard.id}`)).json.profiles[0];
      const viewLeads = one.permissions_details.find((p: any) => p.name === 'Crm_Implied_View_Leads');
      expect(viewLeads).toEqual({
        id: ID,
        name: 'Crm_Implied_View_Leads',
        display_label: 'View',
        module: 'Leads',
        enabled: true,
      });
      expect(one.permissions_details.find((p: any) => p.name === 'Crm_Implied_Manage_Users').enabled).toBe(
        false,
      );
      const leadsCategory = one.sections
        .find((s: any) => s.name === 'modules')
        .categories.find((c: any) => c.name === 'Leads');
      expect(leadsCategory).toEqual({
        name: 'Leads',
        display_label: 'Leads',
        module: 'Leads',
        permissions_details: expect.arrayContaining([viewLeads.id]),
      });
      const adminOne = (await client.get(`/crm/v2/settings/profiles/${admin.id}`)).json.profiles[0];
      expect(
        adminOne.permissions_details.find((p: any) => p.name === 'Crm_Implied_Manage_Users').enabled,
      ).toBe(true);
      expect(adminOne.permissions_details.find((p: any) => p.name === 'Crm_Implied_View_Leads').id).toBe(
        viewLeads.id,
      );
      const unknown = await client.get('/crm/v2/settings/profiles/9');
      expect([unknown.status, unknown.text]).toEqual([204, '']);
    });

    it('answers 304 when profiles did not change after If-Modified-Since', async () => {
      const [admin] = (await client.get('/crm/v2/settings/profiles')).json.profiles;
      expect((await client.get('/crm/v2/settings/profiles', { 'If-Modified-Since': FUTURE })).status).toBe(
        304,
      );
      expect(
        (await client.get(`/crm/v2/settings/profiles/${admin.id}`, { 'If-Modified-Since': FUTURE })).status,
      ).toBe(304);
      expect((await client.get('/crm/v2/settings/profiles', { 'If-Modified-Since': PAST })).status).toBe(200);
    });
  });

  describe('/settings/variables and /settings/variable_groups', () => {
    const variables = async (query = '') =>
      (await client.get(`/crm/v2/settings/variables${query}`)).json.variables as any[];
    const general = { api_name: 'General', id: ID };

    it('lists variables with their group, optionally filtered by group', async () => {
      const res = await client.get('/crm/v2/settings/variables');
      expect(res.status).toBe(200);
      expect(res.json.variables).toEqual([
        {
          id: ID,
          api_name: 'Support_Email',
          name: 'Support Email',
          description: 'Where customers write',
          type: 'email',
          value: 'support@zylker.com',
          variable_group: general,
        },
        {
          id: ID,
          api_name: 'Discount_Cap',
          name: 'Discount Cap',
          description: null,
          type: 'integer',
          value: 20,
          variable_group: general,
        },
      ]);
      expect(await variables('?group=General')).toHaveLength(2);
      const bad = await client.get('/crm/v2/settings/variables?group=Nope');
      expect(bad.status).toBe(400);
      expect(bad.json).toEqual(error('INVALID_DATA', 'invalid data', { param: 'group' }));
    });

    it('returns one variable by id or API name', async () => {
      const [email] = await variables();
      expect((await client.get(`/crm/v2/settings/variables/${email.id}?group=General`)).json).toEqual({
        variables: [email],
      });
      expect((await client.get('/crm/v2/settings/variables/Support_Email')).json).toEqual({
        variables: [email],
      });
      const unknown = await client.get('/crm/v2/settings/variables/Nope');
      expect(unknown.status).toBe(400);
      expect(unknown.json).toEqual(invalidId('Nope'));
    });

    it('creates variables, checking each value against its type', async () => {
      const res = await client.post('/crm/v2/settings/variables', {
        variables: [
          { name: 'Max Seats', type: 'integer', value: '5', variable_group: { api_name: 'General' } },
          {
            name: 'Support Email',
            api_name: 'support_email',
            type: 'text',
            variable_group: { api_name: 'General' },
          },
          { name: 'Broken', type: 'email', value: 'nope', variable_group: { api_name: 'General' } },
          { name: 'Untyped', variable_group: { api_name: 'General' } },
          { name: 'Odd', type: 'colour', variable_group: { api_name: 'General' } },
          { name: 'Lost', type: 'text', variable_group: { id: '1' } },
        ],
      });
      expect(res.status).toBe(202);
      expect(res.json.variables).toEqual([
        ok('variable added', { id: ID }),
        error('DUPLICATE_DATA', 'duplicate data', { api_name: 'api_name' }),
        error('INVALID_DATA', 'invalid data', { api_name: 'value', expected_data_type: 'email' }),
        error('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'type' }),
        error('INVALID_DATA', 'invalid data', { api_name: 'type' }),
        error('INVALID_DATA', 'invalid data', { api_name: 'variable_group' }),
      ]);
      const created = (await client.get('/crm/v2/settings/variables/Max_Seats')).json.variables[0];
      expect(created).toEqual({
        id: res.json.variables[0].details.id,
        api_name: 'Max_Seats',
        name: 'Max Seats',
        description: null,
        type: 'integer',
        value: 5,
        variable_group: general,
      });
    });

    it('updates variables by path and in bulk, all or nothing per item', async () => {
      const [email, cap] = await variables();
      const one = await client.put(`/crm/v2/settings/variables/${cap.api_name}`, {
        variables: [{ value: 25, description: 'Percent' }],
      });
      expect(one.status).toBe(200);
      expect(one.json).toEqual({ variables: [ok('variable updated', { id: cap.id })] });
      const bulk = await client.put('/crm/v2/settings/variables', {
        variables: [{ id: email.id, value: 'help@zylker.com' }, { id: cap.id, value: 'lots' }, { value: 1 }],
      });
      expect(bulk.status).toBe(202);
      expect(bulk.json.variables).toEqual([
        ok('variable updated', { id: email.id }),
        error('INVALID_DATA', 'invalid data', { api_name: 'value', expected_data_type: 'integer' }),
        error('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'id' }),
      ]);
      expect((await variables()).map((v) => [v.value, v.description])).toEqual([
        ['help@zylker.com', 'Where customers write'],
        [25, 'Percent'],
      ]);
    });

    it('deletes variables by path or ids', async () => {
      const [email, cap] = await variables();
      const one = await client.delete(`/crm/v2/settings/variables/${email.id}`);
      expect(one.status).toBe(200);
      expect(one.json).toEqual({ variables: [ok('variable deleted', { id: email.id })] });
      const many = await client.delete(`/crm/v2/settings/variables?ids=${cap.id},${email.id}`);
      expect(many.status).toBe(202);
      expect(many.json).toEqual({
        variables: [
          ok('variable deleted', { id: cap.id }),
          error('INVALID_DATA', 'variable not deleted', { id: email.id }),
        ],
      });
      expect((await client.get('/crm/v2/settings/variables')).status).toBe(204);
      expect((await client.delete(`/crm/v2/settings/variables/${email.id}`)).json).toEqual(
        invalidId(email.id),
      );
    });

    it('lists variable groups and returns one by id or API name', async () => {
      const res = await client.get('/crm/v2/settings/variable_groups');
      expect(res.json).toEqual({
        variable_groups: [
          { id: ID, api_name: 'General', name: 'General', display_label: 'General', description: null },
        ],
      });
      const [group] = res.json.variable_groups;
      expect((await client.get(`/crm/v2/settings/variable_groups/${group.id}`)).json).toEqual({
        variable_groups: [group],
      });
      expect((await client.get('/crm/v2/settings/variable_groups/general')).json).toEqual({
        variable_groups: [group],
      });
      expect((await client.get('/crm/v2/settings/variable_groups/Other')).json).toEqual(invalidId('Other'));
    });
  });
});
