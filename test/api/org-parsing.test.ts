import type { HttpResponse } from '../../src/http/http-types';
import { ZCRMOrganization } from '../../src/api/entities/zcrm-organization';
import { ZCRMRole } from '../../src/api/entities/zcrm-role';
import { ZCRMProfile } from '../../src/api/entities/zcrm-profile';
import { ZCRMOrgTax } from '../../src/api/entities/zcrm-org-tax';
import { ZCRMVariable } from '../../src/api/entities/zcrm-variable';
import { ZCRMVariableGroup } from '../../src/api/entities/zcrm-variable-group';
import { ZCRMUser } from '../../src/api/entities/zcrm-user';
import { userToJson } from '../../src/api/mappers/user-mapper';
import {
  firstOf,
  itemResultsOf,
  listOf,
  singleResultOf,
  ifModifiedSinceHeader,
} from '../../src/api/operations/item-results';
import { bulkWriteResponse, checkBatch, matchItemResults } from '../../src/api/mappers/settings-results';
import { NotFoundException, ValidationException, ZCRMException } from '../../src/errors';
import { ORG_SAMPLE, REQUEST_ERROR_SAMPLE, WRITE_RESULTS_SAMPLE } from './fixtures/wire-samples';

/** A response as the pipeline hands it over, for parsing tests (no HTTP involved). */
function response(data: unknown, status = 200): HttpResponse<unknown> {
  const noData = status === 204 || status === 304;
  return {
    status,
    headers: {},
    data: noData ? undefined : data,
    noData,
    url: 'https://www.zohoapis.com/crm/v2/x',
    rateLimit: {},
  };
}

describe("org parsing over Zoho's documented samples", () => {
  it('parses the org sample, licence included', () => {
    const org = ZCRMOrganization.fromJson(firstOf(response(ORG_SAMPLE), 'org')!);
    expect(org).toMatchObject({
      orgId: '..',
      companyName: 'zohoo',
      alias: null,
      primaryEmail: '..',
      primaryZuid: '808233918',
      zgid: '808232144',
      domainName: 'org808232144',
      timeZone: 'America/Los_Angeles',
      currency: 'US Dollar - USD',
      currencySymbol: '$',
      currencyLocale: 'USD',
      isoCode: 'USD',
      countryCode: 'US',
      mcStatus: false,
      isGappsEnabled: false,
      isTranslationEnabled: false,
      employeeCount: '1',
      mobile: null,
      zipCode: null,
      photoId: null,
      isPaidAccount: true,
      paidType: 'enterprise',
      paidExpiry: '2025-04-11T17:00:00-07:00',
      trialType: null,
      trialExpiry: null,
      usersLicensePurchased: 10,
    });
  });

  it("parses a role with its superior and forecast manager (Zoho\'s role keys)", () => {
    const role = ZCRMRole.fromJson({
      id: '11',
      name: 'Manager',
      display_label: 'Sales Manager',
      description: null,
      reporting_to: { name: 'CEO', id: '10' },
      forecast_manager: { name: 'Ann', id: '99' },
      admin_user: false,
      share_with_peers: true,
    });
    expect(role).toMatchObject({
      id: '11',
      name: 'Manager',
      displayLabel: 'Sales Manager',
      description: null,
      isAdmin: false,
      shareWithPeers: true,
    });
    expect(role.reportingTo).toBeInstanceOf(ZCRMRole);
    expect(role.reportingTo).toMatchObject({ id: '10', name: 'CEO' });
    expect(role.forecastManager).toBeInstanceOf(ZCRMUser);
    expect(role.forecastManager).toMatchObject({ id: '99', name: 'Ann' });
    expect(
      ZCRMRole.fromJson({ id: '10', name: 'CEO', reporting_to: null, forecast_manager: null }),
    ).toMatchObject({
      reportingTo: null,
      forecastManager: null,
    });
  });

  it("takes role, profile and user objects as a user's references", () => {
    const user = ZCRMUser.getInstance('1');
    // Type-level: these assignments must compile (ZCRMEntityRef fits the entity classes, whose id is optional).
    user.role = ZCRMRole.getInstance('11');
    user.profile = ZCRMProfile.getInstance('21', 'Standard');
    user.reportingTo = ZCRMUser.getInstance('2');
    expect(userToJson(user)).toMatchObject({ id: '1', role: '11', profile: '21' });
    user.role = ZCRMRole.getInstance();
    expect(userToJson(user)).not.toHaveProperty('role');
  });

  it("parses a profile with permissions_details and sections (Zoho\'s profile keys)", () => {
    const profile = ZCRMProfile.fromJson({
      id: '1',
      name: 'Administrator',
      display_label: 'Administrator',
      description: 'All',
      default: false,
      category: false,
      created_by: { name: 'Ann', id: '99' },
      modified_by: null,
      created_time: '2024-01-02T09:00:00+05:30',
      modified_time: null,
      permissions_details: [
        { id: '5', name: 'Crm_Implied_View_Leads', display_label: 'View', module: 'Leads', enabled: true },
      ],
      sections: [
        {
          name: 'modules',
          categories: [
            { name: 'Leads', display_label: 'Leads', module: 'Leads', permissions_details: ['5', 6] },
          ],
        },
      ],
    });
    expect(profile).toMatchObject({
      id: '1',
      isDefault: false,
      description: 'All',
      category: false,
      modifiedTime: null,
    });
    expect(profile.createdBy).toMatchObject({ id: '99', name: 'Ann' });
    expect(profile.modifiedBy).toBeUndefined();
    expect(profile.permissions.map((p) => [p.id, p.name, p.displayLabel, p.module, p.isEnabled])).toEqual([
      ['5', 'Crm_Implied_View_Leads', 'View', 'Leads', true],
    ]);
    expect(profile.sections[0].categories[0]).toMatchObject({
      name: 'Leads',
      module: 'Leads',
      permissionIds: ['5', '6'],
    });
  });

  it('parses taxes with numeric values, falling back on the name for the display label', () => {
    const taxes = listOf(
      response({ taxes: [{ id: '1', name: 'Vat', value: '12.5', sequence_number: 1 }], preference: {} }),
      'taxes',
    ).map((t) => ZCRMOrgTax.fromJson(t));
    expect(taxes).toEqual([
      expect.objectContaining({ id: '1', name: 'Vat', displayLabel: 'Vat', value: 12.5, sequenceNumber: 1 }),
    ]);
    const tax = ZCRMOrgTax.getInstance('7', 'GST');
    tax.value = 0;
    expect(tax.toJson(true)).toEqual({ id: '7', name: 'GST', value: 0 });
    expect(tax.toJson(false)).toEqual({ name: 'GST', value: 0 });
  });

  it("parses variables (Zoho\'s keys) and serialises only what was set, falsy values included", () => {
    const variable = ZCRMVariable.fromJson({
      id: '3',
      api_name: 'Flag',
      name: 'Flag',
      description: null,
      type: 'checkbox',
      value: false,
      variable_group: { api_name: 'General', id: '2' },
    });
    expect(variable).toMatchObject({
      id: '3',
      apiName: 'Flag',
      type: 'checkbox',
      value: false,
      description: null,
    });
    expect(variable.variableGroup).toBeInstanceOf(ZCRMVariableGroup);
    expect(variable.variableGroup).toMatchObject({ id: '2', apiName: 'General' });
    expect(variable.toJson(true)).toEqual({
      id: '3',
      name: 'Flag',
      api_name: 'Flag',
      type: 'checkbox',
      value: false,
      description: null,
      variable_group: { id: '2', api_name: 'General' },
    });
    const fresh = ZCRMVariable.getInstance();
    fresh.value = '';
    expect(fresh.toJson(false)).toEqual({ value: '' });
  });

  it('formats If-Modified-Since as ISO-8601 with an offset', () => {
    expect(
      ifModifiedSinceHeader({ ifModifiedSince: new Date(Date.UTC(2019, 6, 25, 15, 26, 49, 123)) }),
    ).toEqual({
      'If-Modified-Since': '2019-07-25T15:26:49+00:00',
    });
    expect(ifModifiedSinceHeader({ ifModifiedSince: '2019-07-25T15:26:49+05:30' })).toEqual({
      'If-Modified-Since': '2019-07-25T15:26:49+05:30',
    });
    expect(ifModifiedSinceHeader({})).toBeUndefined();
  });
});

describe('write results and response shapes (https://www.zoho.com/crm/developer/docs/api/v2/status-codes.html)', () => {
  const sample = () => JSON.parse(JSON.stringify(WRITE_RESULTS_SAMPLE)) as typeof WRITE_RESULTS_SAMPLE;

  it('pairs the results with their inputs by position; only successes go to data', () => {
    const inputs = [ZCRMOrgTax.getInstance(undefined, 'A'), ZCRMOrgTax.getInstance(undefined, 'B')];
    const res = response(sample(), 202);
    const results = matchItemResults(
      res,
      'data',
      inputs,
      () => undefined,
      (tax, item) => {
        tax.id = String((item.details as { id: string }).id);
      },
    );
    expect(results.map((r) => [r.status, r.code, r.message])).toEqual([
      ['success', 'SUCCESS', 'record added'],
      ['error', 'MANDATORY_NOT_FOUND', 'required field not found'],
    ]);
    expect(results[1].details).toEqual({ api_name: 'Last_Name' });
    expect(results.map((r) => r.data)).toEqual(inputs);
    expect(inputs[0].id).toBe('554023000000527003');
    expect(inputs[1].id).toBeUndefined();
    const bulk = bulkWriteResponse(res, results);
    expect(bulk.data).toEqual([inputs[0]]);
    expect(bulk.bulkEntityResponse).toBe(results);
    expect(bulk.statusCode).toBe(202);
  });

  it('matches by id when the response order differs from the inputs', () => {
    const body = {
      taxes: [
        { status: 'success', code: 'SUCCESS', message: 'tax deleted', details: { id: '2' } },
        { status: 'success', code: 'SUCCESS', message: 'tax deleted', details: { id: '1' } },
      ],
    };
    const inputs = [ZCRMOrgTax.getInstance('1'), ZCRMOrgTax.getInstance('2')];
    const results = matchItemResults(response(body), 'taxes', inputs, (t) => t.id);
    expect(results.map((r) => [r.data?.id, r.details.id])).toEqual([
      ['1', '1'],
      ['2', '2'],
    ]);
  });

  it('refuses to attach results to the wrong inputs', () => {
    const one = { status: 'success', code: 'SUCCESS', message: 'ok', details: { id: '9' } };
    const inputs = [ZCRMOrgTax.getInstance('1')];
    expect(() => matchItemResults(response({ taxes: [one] }), 'taxes', inputs, (t) => t.id)).toThrow(
      /names 9, which is not among the inputs/,
    );
    expect(() => matchItemResults(response({ taxes: [one, one] }), 'taxes', inputs, (t) => t.id)).toThrow(
      /2 result\(s\) for 1 input/,
    );
    const twice = [ZCRMOrgTax.getInstance('9'), ZCRMOrgTax.getInstance('1')];
    expect(() => matchItemResults(response({ taxes: [one, one] }), 'taxes', twice, (t) => t.id)).toThrow(
      /two results belong to input 0/,
    );
    const error = (() => {
      try {
        matchItemResults(response({ taxes: [one] }), 'taxes', inputs, (t) => t.id);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ZCRMException);
    expect(error).toMatchObject({ errorCode: 'RESPONSE_MISMATCH', statusCode: 200 });
    expect(() => matchItemResults(response({ data: [] }), 'taxes', inputs, (t) => t.id)).toThrow(
      /no per-item results in "taxes"/,
    );
  });

  it('tells item results from the request-level error', () => {
    expect(itemResultsOf(sample(), 'data')).toHaveLength(2);
    expect(itemResultsOf(REQUEST_ERROR_SAMPLE, 'data')).toBeUndefined();
    expect(itemResultsOf({ data: [{ id: '1' }] }, 'data')).toBeUndefined();
    expect(itemResultsOf('text', 'data')).toBeUndefined();
  });

  it('turns an error result of a single write into the exception of its code', () => {
    const res = response(
      { users: [{ status: 'error', code: 'INVALID_MODULE', message: 'bad', details: { x: 1 } }] },
      400,
    );
    const error = (() => {
      try {
        singleResultOf(res, 'users');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error).toMatchObject({
      statusCode: 400,
      errorCode: 'INVALID_MODULE',
      errorMessage: 'bad',
      errorDetails: { x: 1 },
    });
    expect(
      singleResultOf(
        response({ status: 'success', code: 'SUCCESS', message: 'photo uploaded successfully', details: {} }),
        'data',
      ),
    ).toMatchObject({
      code: 'SUCCESS',
    });
    expect(() => singleResultOf(response({ other: 1 }), 'users')).toThrow(/has no "users" result/);
  });

  it('reads lists and single entities, 204/304 as empty, and flags a broken body', () => {
    expect(listOf(response(undefined, 204), 'users')).toEqual([]);
    expect(listOf(response(undefined, 304), 'users')).toEqual([]);
    expect(firstOf(response(undefined, 204), 'users')).toBeUndefined();
    const broken = (() => {
      try {
        listOf(response({ data: [] }), 'users');
      } catch (e) {
        return e;
      }
    })();
    expect(broken).toBeInstanceOf(ZCRMException);
    expect(broken).toMatchObject({ errorCode: 'INVALID_RESPONSE', statusCode: 200 });
    expect(() => firstOf(response({ users: [] }), 'users')).toThrow(/empty "users" array/);
  });

  it('checks batch sizes: 1..100', () => {
    expect(() => checkBatch('taxes', [])).toThrow(ValidationException);
    expect(() => checkBatch('taxes', new Array(101).fill(0))).toThrow(/at most 100 per request, got 101/);
    expect(() => checkBatch('taxes', undefined)).toThrow(/taxes: give at least one/);
    expect(() => checkBatch('taxes', new Array(100).fill(0))).not.toThrow();
  });
});
