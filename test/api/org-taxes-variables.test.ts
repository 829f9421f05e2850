import type { RunningEmulator } from '../../src/emulator';
import { startEmulator } from '../../src/emulator';
import type { ZCRMRestClient } from '../../src/api/rest-client';
import { ZCRMOrganization } from '../../src/api/entities/zcrm-organization';
import { ZCRMOrgTax } from '../../src/api/entities/zcrm-org-tax';
import { ZCRMVariable } from '../../src/api/entities/zcrm-variable';
import { ZCRMVariableGroup } from '../../src/api/entities/zcrm-variable-group';
import { EntityResponse } from '../../src/api/responses/entity-response';
import { NotFoundException, ValidationException, ZCRMException } from '../../src/errors';
import { authorisedClient, PATRICIA } from '../support/sdk';
import { expectClientCheck, orgId } from '../support/assertions';
import { captureRequests, CapturedRequest } from '../support/request-capture';

const VAT = orgId(72001);
const SALES_TAX = orgId(72004);
const COMMON_TAX = orgId(72007);
const GENERAL_GROUP = orgId(81001);
const SUPPORT_EMAIL = orgId(81011);
const DISCOUNT_CAP = orgId(81014);
const UNKNOWN = orgId(99999);

function tax(
  name: string | undefined,
  value: number | undefined,
  extra: Partial<ZCRMOrgTax> = {},
): ZCRMOrgTax {
  const t = ZCRMOrgTax.getInstance();
  if (name !== undefined) t.name = name;
  if (value !== undefined) t.value = value;
  return Object.assign(t, extra);
}

const outcome = (results: EntityResponse<unknown>[]) => results.map((r) => [r.status, r.code, r.message]);

describe('org taxes and variables against the emulator', () => {
  let emulator: RunningEmulator;
  let client: ZCRMRestClient;
  let org: ZCRMOrganization;
  let sent: CapturedRequest[];

  beforeAll(async () => {
    emulator = await startEmulator();
    client = await authorisedClient(emulator, PATRICIA);
    sent = captureRequests(client);
    org = client.getOrganizationInstance();
  });
  afterAll(async () => {
    await client.close();
    await emulator.stop();
  });
  beforeEach(() => {
    sent.length = 0;
  });
  afterEach(() => emulator.reset());

  describe('taxes', () => {
    it('getOrganizationTaxes lists the taxes in sequence; getOrganizationTax returns one', async () => {
      const all = await org.getOrganizationTaxes();
      expect(sent[0].url).toBe('/crm/v2/org/taxes');
      expect(all.data.every((t) => t instanceof ZCRMOrgTax)).toBe(true);
      expect(all.data.map((t) => [t.id, t.name, t.displayLabel, t.value, t.sequenceNumber])).toEqual([
        [VAT, 'Vat', 'Vat', 12.5, 1],
        [SALES_TAX, 'Sales Tax', 'Sales Tax', 5, 2],
        [COMMON_TAX, 'Common Tax', 'Common Tax', 1.5, 3],
      ]);
      const one = await org.getOrganizationTax(SALES_TAX);
      expect(sent[1].url).toBe(`/crm/v2/org/taxes/${SALES_TAX}`);
      expect(one.data).toMatchObject({ id: SALES_TAX, name: 'Sales Tax', value: 5 });
    });

    it("getOrganizationTax of an unknown id throws Zoho's error; an empty id never leaves the client", async () => {
      const error = await org.getOrganizationTax(UNKNOWN).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationException);
      expect(error).toMatchObject({
        statusCode: 400,
        errorCode: 'INVALID_DATA',
        errorMessage: 'Given ID does not exist',
      });
      await expectClientCheck(org.getOrganizationTax(''), /tax id: an id is required/, emulator);
    });

    it('createOrganizationTaxes sends the set attributes, gives created taxes their ids, and reports failures per tax', async () => {
      const gst = tax('GST', 18, { sequenceNumber: 1 });
      const bad = tax('Luxury', 250);
      const response = await org.createOrganizationTaxes([gst, bad]);
      expect(sent[0]).toMatchObject({ method: 'POST', url: '/crm/v2/org/taxes' });
      expect(sent[0].body).toEqual({
        taxes: [
          { name: 'GST', value: 18, sequence_number: 1 },
          { name: 'Luxury', value: 250 },
        ],
      });
      expect(response.statusCode).toBe(202);
      expect(outcome(response.bulkEntityResponse)).toEqual([
        ['success', 'SUCCESS', 'tax added'],
        ['error', 'INVALID_DATA', 'invalid data'],
      ]);
      expect(response.bulkEntityResponse[1].details).toEqual({ api_name: 'value' });
      expect(response.bulkEntityResponse.map((r) => r.data)).toEqual([gst, bad]);
      expect(gst.id).toBe(response.bulkEntityResponse[0].details.id);
      expect(bad.id).toBeUndefined();
      expect(response.data).toEqual([gst]);
      const after = await org.getOrganizationTaxes();
      expect(after.data.map((t) => t.name)).toEqual(['GST', 'Vat', 'Sales Tax', 'Common Tax']);
      expect(after.data[0].id).toBe(gst.id);
    });

    it('createOrganizationTaxes returns per-tax results when every tax fails (HTTP 400)', async () => {
      const response = await org.createOrganizationTaxes([tax('Vat', 3), tax(undefined, 4)]);
      expect(response.statusCode).toBe(400);
      expect(outcome(response.bulkEntityResponse)).toEqual([
        ['error', 'DUPLICATE_DATA', 'duplicate data'],
        ['error', 'MANDATORY_NOT_FOUND', 'required field not found'],
      ]);
      expect(response.bulkEntityResponse[1].details).toEqual({ api_name: 'name' });
      expect(response.data).toEqual([]);
      // A response rebuilt from the error has no headers, so its rate-limit getters have nothing to say.
      expect(response.getAPILimitForTheDay()).toBeUndefined();
    });

    it('createOrganizationTaxes checks count, type and ids before any request', async () => {
      await expectClientCheck(org.createOrganizationTaxes([]), /taxes: give at least one/, emulator);
      const many = Array.from({ length: 101 }, (_, i) => tax(`T${i}`, 1));
      await expectClientCheck(
        org.createOrganizationTaxes(many),
        /taxes: at most 100 per request, got 101/,
        emulator,
      );
      await expectClientCheck(
        org.createOrganizationTaxes([tax('A', 1), tax('B', 2, { id: VAT })]),
        /taxes\[1\]\.id: must not be set/,
        emulator,
      );
      await expectClientCheck(
        org.createOrganizationTaxes([{ name: 'A' } as ZCRMOrgTax]),
        /taxes\[0\]: a ZCRMOrgTax is required/,
        emulator,
      );
    });

    it('updateOrganizationTaxes sends ids and changes; results follow the input order', async () => {
      const vat = ZCRMOrgTax.getInstance(VAT);
      vat.value = 15;
      const common = ZCRMOrgTax.getInstance(COMMON_TAX, 'Sales Tax');
      const response = await org.updateOrganizationTaxes([vat, common]);
      expect(sent[0]).toMatchObject({ method: 'PUT', url: '/crm/v2/org/taxes' });
      expect(sent[0].body).toEqual({
        taxes: [
          { id: VAT, value: 15 },
          { id: COMMON_TAX, name: 'Sales Tax' },
        ],
      });
      expect(outcome(response.bulkEntityResponse)).toEqual([
        ['success', 'SUCCESS', 'record updated'],
        ['error', 'DUPLICATE_DATA', 'duplicate data'],
      ]);
      expect(response.data).toEqual([vat]);
      expect((await org.getOrganizationTax(VAT)).data?.value).toBe(15);
      expect((await org.getOrganizationTax(COMMON_TAX)).data?.name).toBe('Common Tax');
    });

    it('updateOrganizationTaxes needs every id before any request, and reports unknown ids per tax', async () => {
      await expectClientCheck(
        org.updateOrganizationTaxes([ZCRMOrgTax.getInstance(VAT), tax('X', 1)]),
        /taxes\[1\]\.id: an id is required/,
        emulator,
      );
      const unknown = ZCRMOrgTax.getInstance(UNKNOWN);
      unknown.value = 1;
      const response = await org.updateOrganizationTaxes([unknown]);
      expect(outcome(response.bulkEntityResponse)).toEqual([
        ['error', 'INVALID_DATA', 'Given ID does not exist'],
      ]);
      expect(response.bulkEntityResponse[0].data).toBe(unknown);
    });

    it('deleteOrganizationTaxes deletes by ids, one result per id', async () => {
      const response = await org.deleteOrganizationTaxes([VAT, UNKNOWN]);
      expect(sent[0]).toMatchObject({ method: 'DELETE', url: `/crm/v2/org/taxes?ids=${VAT},${UNKNOWN}` });
      expect(outcome(response.bulkEntityResponse)).toEqual([
        ['success', 'SUCCESS', 'tax deleted'],
        ['error', 'INVALID_DATA', 'tax not deleted'],
      ]);
      expect(response.bulkEntityResponse.map((r) => (r.data as ZCRMOrgTax).id)).toEqual([VAT, UNKNOWN]);
      expect(response.data.map((t) => t.id)).toEqual([VAT]);
      expect((await org.getOrganizationTaxes()).data.map((t) => [t.name, t.sequenceNumber])).toEqual([
        ['Sales Tax', 1],
        ['Common Tax', 2],
      ]);
      await expectClientCheck(org.deleteOrganizationTaxes([]), /tax ids: give at least one/, emulator);
      await expectClientCheck(
        org.deleteOrganizationTaxes([VAT, '']),
        /tax ids\[1\]: an id is required/,
        emulator,
      );
      const many = Array.from({ length: 101 }, (_, i) => String(i + 1));
      await expectClientCheck(org.deleteOrganizationTaxes(many), /at most 100/, emulator);
    });

    it('deleteOrganizationTax deletes one; an org without taxes lists none with noData', async () => {
      const response = await org.deleteOrganizationTax(VAT);
      expect(sent[0]).toMatchObject({ method: 'DELETE', url: `/crm/v2/org/taxes/${VAT}` });
      expect(response).toMatchObject({ statusCode: 200, status: 'success', message: 'tax deleted' });
      expect(response.data?.id).toBe(VAT);
      await org.deleteOrganizationTax(SALES_TAX);
      await org.deleteOrganizationTax(COMMON_TAX);
      const none = await org.getOrganizationTaxes();
      expect(none).toMatchObject({ statusCode: 204, noData: true, data: [] });
      await expect(org.deleteOrganizationTax(VAT)).rejects.toMatchObject({ errorCode: 'INVALID_DATA' });
      await expectClientCheck(org.deleteOrganizationTax(''), /tax id/, emulator);
    });
  });

  describe('variables and variable groups', () => {
    it('getVariables parses values by type with their group, and can filter by group', async () => {
      const all = await org.getVariables();
      expect(sent[0].url).toBe('/crm/v2/settings/variables');
      expect(all.data.every((v) => v instanceof ZCRMVariable)).toBe(true);
      expect(all.data.map((v) => [v.id, v.apiName, v.name, v.type, v.value, v.description])).toEqual([
        [
          SUPPORT_EMAIL,
          'Support_Email',
          'Support Email',
          'email',
          'support@zylker.com',
          'Where customers write',
        ],
        [DISCOUNT_CAP, 'Discount_Cap', 'Discount Cap', 'integer', 20, null],
      ]);
      expect(all.data[0].variableGroup).toBeInstanceOf(ZCRMVariableGroup);
      expect(all.data[0].variableGroup).toMatchObject({ id: GENERAL_GROUP, apiName: 'General' });
      // Variables read through an org keep its client for their own calls.
      expect(all.data[0].client).toBe(client);
      expect(all.data[0].variableGroup?.client).toBe(client);
      const byGroup = await org.getVariables(ZCRMVariableGroup.getInstance(undefined, 'General'));
      expect(sent[1].url).toBe('/crm/v2/settings/variables?group=General');
      expect(byGroup.data).toHaveLength(2);
      await expect(org.getVariables('Nope')).rejects.toMatchObject({
        errorCode: 'INVALID_DATA',
        errorDetails: { param: 'group' },
      });
    });

    it('ZCRMVariable.getVariable fills the variable by id or API name, optionally within a group', async () => {
      const byId = ZCRMVariable.getInstance(DISCOUNT_CAP, undefined, client);
      const response = await byId.getVariable();
      expect(sent[0].url).toBe(`/crm/v2/settings/variables/${DISCOUNT_CAP}`);
      expect(response.data).toBe(byId);
      expect(byId).toMatchObject({ apiName: 'Discount_Cap', type: 'integer', value: 20 });
      const byName = ZCRMVariable.getInstance(undefined, 'Support_Email', client);
      await byName.getVariable(GENERAL_GROUP);
      expect(sent[1].url).toBe(`/crm/v2/settings/variables/Support_Email?group=${GENERAL_GROUP}`);
      expect(byName.id).toBe(SUPPORT_EMAIL);
      await expect(ZCRMVariable.getInstance(UNKNOWN, undefined, client).getVariable()).rejects.toMatchObject({
        statusCode: 400,
        errorCode: 'INVALID_DATA',
      });
      await expectClientCheck(
        ZCRMVariable.getInstance(undefined, undefined, client).getVariable(),
        /variable id: an id or an API name is required to get/,
        emulator,
      );
    });

    it('createVariables sends only set values (a 0 included), sets ids, and reports failures per variable', async () => {
      const group = ZCRMVariableGroup.getInstance(GENERAL_GROUP);
      const zero = ZCRMVariable.getInstance();
      Object.assign(zero, {
        name: 'Min Stock',
        apiName: 'Min_Stock',
        type: 'integer',
        value: 0,
        variableGroup: group,
      });
      const wrong = ZCRMVariable.getInstance();
      Object.assign(wrong, { name: 'Home', type: 'url', value: 'not a url', variableGroup: group });
      const response = await org.createVariables([zero, wrong]);
      expect(sent[0]).toMatchObject({ method: 'POST', url: '/crm/v2/settings/variables' });
      expect(sent[0].body).toEqual({
        variables: [
          {
            name: 'Min Stock',
            api_name: 'Min_Stock',
            type: 'integer',
            value: 0,
            variable_group: { id: GENERAL_GROUP },
          },
          { name: 'Home', type: 'url', value: 'not a url', variable_group: { id: GENERAL_GROUP } },
        ],
      });
      expect(outcome(response.bulkEntityResponse)).toEqual([
        ['success', 'SUCCESS', 'variable added'],
        ['error', 'INVALID_DATA', 'invalid data'],
      ]);
      expect(response.bulkEntityResponse[1].details).toEqual({
        api_name: 'value',
        expected_data_type: 'url',
      });
      expect(zero.id).toMatch(/^3652397/);
      expect(response.data).toEqual([zero]);
      const stored = await ZCRMVariable.getInstance(zero.id, undefined, client).getVariable();
      expect(stored.data?.value).toBe(0);
      await expectClientCheck(
        org.createVariables([ZCRMVariable.getInstance(SUPPORT_EMAIL)]),
        /variables\[0\]\.id: must not be set/,
        emulator,
      );
      await expectClientCheck(org.createVariables([]), /variables: give at least one/, emulator);
    });

    it('updateVariables sends ids with the changes; updateVariable and deleteVariable act on one', async () => {
      const cap = ZCRMVariable.getInstance(DISCOUNT_CAP);
      cap.value = 25;
      const email = ZCRMVariable.getInstance(SUPPORT_EMAIL);
      email.value = 'nope';
      const response = await org.updateVariables([cap, email]);
      expect(sent[0].body).toEqual({
        variables: [
          { id: DISCOUNT_CAP, value: 25 },
          { id: SUPPORT_EMAIL, value: 'nope' },
        ],
      });
      expect(outcome(response.bulkEntityResponse)).toEqual([
        ['success', 'SUCCESS', 'variable updated'],
        ['error', 'INVALID_DATA', 'invalid data'],
      ]);
      await expectClientCheck(
        org.updateVariables([ZCRMVariable.getInstance()]),
        /variables\[0\]\.id: an id is required/,
        emulator,
      );

      sent.length = 0;
      const one = ZCRMVariable.getInstance(SUPPORT_EMAIL, undefined, client);
      one.description = 'Front desk';
      const updated = await one.updateVariable();
      expect(sent[0]).toMatchObject({ method: 'PUT', url: `/crm/v2/settings/variables/${SUPPORT_EMAIL}` });
      expect(sent[0].body).toEqual({ variables: [{ description: 'Front desk' }] });
      expect(updated).toMatchObject({ status: 'success', message: 'variable updated' });
      one.value = 12;
      await expect(one.updateVariable()).rejects.toMatchObject({
        statusCode: 400,
        errorCode: 'INVALID_DATA',
        errorDetails: { api_name: 'value' },
      });

      const deleted = await ZCRMVariable.getInstance(DISCOUNT_CAP, undefined, client).deleteVariable();
      expect(deleted).toMatchObject({ status: 'success', message: 'variable deleted' });
      await expect(
        ZCRMVariable.getInstance(DISCOUNT_CAP, undefined, client).deleteVariable(),
      ).rejects.toMatchObject({
        errorCode: 'INVALID_DATA',
      });
      await expectClientCheck(
        ZCRMVariable.getInstance(undefined, undefined, client).updateVariable(),
        /to update a variable/,
        emulator,
      );
      await expectClientCheck(
        ZCRMVariable.getInstance(undefined, undefined, client).deleteVariable(),
        /to delete a variable/,
        emulator,
      );
    });

    it('deleteVariables deletes by ids with one result per id; none left lists as noData', async () => {
      const response = await org.deleteVariables([SUPPORT_EMAIL, UNKNOWN, DISCOUNT_CAP]);
      expect(sent[0].url).toBe(`/crm/v2/settings/variables?ids=${SUPPORT_EMAIL},${UNKNOWN},${DISCOUNT_CAP}`);
      expect(outcome(response.bulkEntityResponse)).toEqual([
        ['success', 'SUCCESS', 'variable deleted'],
        ['error', 'INVALID_DATA', 'variable not deleted'],
        ['success', 'SUCCESS', 'variable deleted'],
      ]);
      expect(response.data.map((v) => v.id)).toEqual([SUPPORT_EMAIL, DISCOUNT_CAP]);
      expect(await org.getVariables()).toMatchObject({ statusCode: 204, noData: true, data: [] });
    });

    it('getVariableGroups lists groups; ZCRMVariableGroup.getVariableGroup fills one by id or API name', async () => {
      const groups = await org.getVariableGroups();
      expect(sent[0].url).toBe('/crm/v2/settings/variable_groups');
      expect(groups.data.map((g) => [g.id, g.apiName, g.name, g.displayLabel, g.description])).toEqual([
        [GENERAL_GROUP, 'General', 'General', 'General', null],
      ]);
      const group = ZCRMVariableGroup.getInstance(undefined, 'general', client);
      const response = await group.getVariableGroup();
      expect(sent[1].url).toBe('/crm/v2/settings/variable_groups/general');
      expect(response.data).toBe(group);
      expect(group).toMatchObject({ id: GENERAL_GROUP, apiName: 'General', displayLabel: 'General' });
      const missing = await ZCRMVariableGroup.getInstance('404', undefined, client)
        .getVariableGroup()
        .catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(ZCRMException);
      expect(missing).not.toBeInstanceOf(NotFoundException);
      expect(missing).toMatchObject({ errorCode: 'INVALID_DATA' });
      await expectClientCheck(
        ZCRMVariableGroup.getInstance(undefined, undefined, client).getVariableGroup(),
        /variable group id/,
        emulator,
      );
    });
  });
});
