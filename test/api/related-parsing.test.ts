/**
 * Parsing of the related-list responses documented by Zoho (samples in test/api/fixtures/wire-samples.ts), served verbatim through the
 * client's transport hook, and the shape of the link/delink requests.
 */
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { ZCRMUser } from '../../src/api/entities/zcrm-user';
import { ZCRMJunctionRecord } from '../../src/api/entities/zcrm-junction-record';
import {
  addRelation,
  addRelations,
  getRelatedListRecords,
  removeRelation,
  removeRelations,
} from '../../src/api/services/record-related-service';
import { cannedClient } from '../support/record-helpers';

describe('related lists parsing', () => {
  it('parses related records like any record, lookups and users included', async () => {
    const body = {
      data: [
        {
          id: '3652397000000327001',
          Campaign_Name: 'Spring',
          Owner: { name: 'Patricia Boyle', id: '554023000000235011', email: 'p.boyle@zylker.com' },
          Member_Status: 'Active',
          $editable: true,
        },
      ],
      info: { per_page: 20, count: 1, page: 1, more_records: false },
    };
    const { client, requests } = await cannedClient(() => ({ status: 200, body }));
    const lead = ZCRMRecord.getInstance('Leads', '1', client);
    const response = await getRelatedListRecords(lead, 'Campaigns', {
      ifModifiedSince: '2020-01-01T00:00:00+05:30',
    });
    expect(requests[0].headers['If-Modified-Since']).toBe('2020-01-01T00:00:00+05:30');
    expect(new URL(requests[0].url).pathname).toBe('/crm/v2/Leads/1/Campaigns');
    const [campaign] = response.data;
    expect(campaign.moduleApiName).toBe('Campaigns');
    expect(campaign.entityId).toBe('3652397000000327001');
    expect(campaign.owner).toBeInstanceOf(ZCRMUser);
    expect(campaign.owner?.email).toBe('p.boyle@zylker.com');
    expect(campaign.getFieldValue('Member_Status')).toBe('Active');
    expect(campaign.properties.editable).toBe(true);
  });

  it('answers a 204 related list as no data', async () => {
    const { client } = await cannedClient(() => ({ status: 204 }));
    const response = await getRelatedListRecords(ZCRMRecord.getInstance('Leads', '1', client), 'Campaigns');
    expect(response.noData).toBe(true);
    expect(response.data).toEqual([]);
  });

  it('links one record with its relation data, records and dates in wire form', async () => {
    const { client, requests } = await cannedClient(() => ({
      status: 200,
      body: {
        data: [
          {
            code: 'SUCCESS',
            details: { id: '3652397000000327001' },
            message: 'relation added',
            status: 'success',
          },
        ],
      },
    }));
    const junction = ZCRMJunctionRecord.getInstance('Campaigns', '3652397000000327001');
    junction.setRelatedData('Member_Status', 'Active');
    junction.setRelatedData('Responded_By', ZCRMRecord.getInstance('Contacts', '77'));
    junction.setRelatedData('Joined_On', new Date('2024-05-01T10:00:00Z'));
    const response = await addRelation(ZCRMRecord.getInstance('Leads', '1', client), junction);
    expect(requests[0].method).toBe('PUT');
    expect(new URL(requests[0].url).pathname).toBe('/crm/v2/Leads/1/Campaigns/3652397000000327001');
    expect(requests[0].body).toEqual({
      data: [{ Member_Status: 'Active', Responded_By: { id: '77' }, Joined_On: '2024-05-01T10:00:00+00:00' }],
    });
    expect(response.message).toBe('relation added');
  });

  it('links and delinks in bulk: {data:[{id,…}]} and ?ids=', async () => {
    const answer = (message: string) => ({
      status: 200,
      body: {
        data: ['1', '2'].map((id) => ({ code: 'SUCCESS', details: { id }, message, status: 'success' })),
      },
    });
    const answers = [answer('relation added'), answer('relation removed'), answer('relation removed')];
    const { client, requests } = await cannedClient(() => answers.shift()!);
    const lead = ZCRMRecord.getInstance('Leads', '9', client);
    const one = ZCRMJunctionRecord.getInstance('Campaigns', '1');
    one.setRelatedData('Member_Status', 'Sent');
    const two = ZCRMJunctionRecord.getInstance('Campaigns', '2');
    const linked = await addRelations(lead, 'Campaigns', [one, two]);
    expect(requests[0].body).toEqual({ data: [{ Member_Status: 'Sent', id: '1' }, { id: '2' }] });
    expect(linked.data).toEqual([one, two]);
    const delinked = await removeRelations(lead, 'Campaigns', ['1', two]);
    expect(new URL(requests[1].url).searchParams.get('ids')).toBe('1,2');
    expect(delinked.bulkEntityResponse.map((r) => r.message)).toEqual([
      'relation removed',
      'relation removed',
    ]);
    await removeRelation(lead, one);
    expect(requests[2].method).toBe('DELETE');
    expect(new URL(requests[2].url).pathname).toBe('/crm/v2/Leads/9/Campaigns/1');
  });
});
