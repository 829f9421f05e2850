/**
 * Parsing of the tag responses documented by Zoho (samples in test/api/fixtures/wire-samples.ts), served verbatim through the client's
 * transport hook, and the matching of per-item write results to their inputs.
 */
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { ZCRMModule } from '../../src/api/entities/zcrm-module';
import { ZCRMTag } from '../../src/api/entities/zcrm-tag';
import { addTags } from '../../src/api/services/record-tags-service';
import {
  addTagsToMultipleRecords,
  getTagCount,
  getTags,
  updateTags,
} from '../../src/api/entities/zcrm-module-tags';
import { matchEntityResponses } from '../../src/api/support/write-results';
import { cannedClient } from '../support/record-helpers';

const USER = { name: 'Patricia Boyle', id: '554023000000235011' };

/** tag admin list sample. */
const TAGS_SAMPLE = {
  tags: [
    {
      created_by: USER,
      modified_by: USER,
      created_time: '2019-05-02T11:17:33+05:30',
      modified_time: '2019-05-03T09:00:00+05:30',
      name: 'hot',
      id: '3652397000000649013',
    },
  ],
  info: { count: 1, allowed_count: 1000 },
};

/** single-record tagging sample. */
const RECORD_TAGS_SAMPLE = {
  data: [
    {
      code: 'SUCCESS',
      details: { id: '3652397000000649013', tags: ['tag1', 'tag2'] },
      message: 'tags updated successfully',
      status: 'success',
    },
  ],
};

describe('tags parsing', () => {
  it('parses the documented tag list, with creators as users', async () => {
    const { client, requests } = await cannedClient(() => ({ status: 200, body: TAGS_SAMPLE }));
    const response = await getTags(ZCRMModule.getInstance('Leads', client));
    expect(new URL(requests[0].url).search).toBe('?module=Leads');
    const [tag] = response.data;
    expect(tag).toBeInstanceOf(ZCRMTag);
    expect(tag).toMatchObject({
      id: '3652397000000649013',
      name: 'hot',
      moduleApiName: 'Leads',
      createdTime: '2019-05-02T11:17:33+05:30',
      modifiedTime: '2019-05-03T09:00:00+05:30',
    });
    expect(tag.createdBy?.name).toBe('Patricia Boyle');
    expect(tag.modifiedBy?.id).toBe('554023000000235011');
    expect(response.info?.count).toBe(1);
    expect(response.info?.json.allowed_count).toBe(1000);
  });

  it('parses the documented record tagging answer and sends names as a comma list', async () => {
    const { client, requests } = await cannedClient(() => ({ status: 200, body: RECORD_TAGS_SAMPLE }));
    const record = ZCRMRecord.getInstance('Leads', '3652397000000649013', client);
    const response = await addTags(record, ['tag1', 'tag2'], { overWrite: true });
    const url = new URL(requests[0].url);
    expect(requests[0].method).toBe('POST');
    expect(url.pathname).toBe('/crm/v2/Leads/3652397000000649013/actions/add_tags');
    expect(url.searchParams.get('tag_names')).toBe('tag1,tag2');
    expect(url.searchParams.get('over_write')).toBe('true');
    expect(response.data?.tagList.map((t) => t.name)).toEqual(['tag1', 'tag2']);
  });

  it('reads the record count, which Zoho sends as a string', async () => {
    const { client } = await cannedClient(() => ({ status: 200, body: { count: '5' } }));
    const response = await getTagCount(ZCRMModule.getInstance('Leads', client), '3652397000000649013');
    expect(response.data?.count).toBe(5);
  });

  it('matches multi-record results by id even when Zoho reorders them, keeping the top-level counters', async () => {
    const body = {
      data: [
        {
          code: 'SUCCESS',
          details: { id: '2', tags: ['t'] },
          message: 'tags updated successfully',
          status: 'success',
        },
        {
          code: 'SUCCESS',
          details: { id: '1', tags: ['t'] },
          message: 'tags updated successfully',
          status: 'success',
        },
      ],
      wf_scheduler: false,
      success_count: '2',
      locked_count: 0,
    };
    const { client } = await cannedClient(() => ({ status: 200, body }));
    const response = await addTagsToMultipleRecords(
      ZCRMModule.getInstance('Leads', client),
      ['t'],
      ['1', '2', '3'],
    );
    expect(response.bulkEntityResponse.map((r) => r.details.id ?? null)).toEqual(['1', '2', '3']);
    expect(response.bulkEntityResponse.map((r) => r.code)).toEqual(['SUCCESS', 'SUCCESS', 'NO_RESULT']);
    expect(response.data.map((r) => r.entityId)).toEqual(['1', '2']);
    expect(response.responseJson).toEqual(expect.objectContaining({ success_count: '2', locked_count: 0 }));
  });

  it('matches tag updates by id and sends {id, name}', async () => {
    const body = {
      tags: [
        {
          code: 'SUCCESS',
          details: { id: '20', name: 'b', modified_time: '2020-01-01T00:00:00+05:30' },
          message: 'tags updated successfully',
          status: 'success',
        },
        {
          code: 'INVALID_DATA',
          details: { id: '10' },
          message: 'the id given seems to be invalid',
          status: 'error',
        },
      ],
    };
    const { client, requests } = await cannedClient(() => ({ status: 202, body }));
    const a = ZCRMTag.getInstance('10', 'a', client);
    const b = ZCRMTag.getInstance('20', 'b', client);
    const response = await updateTags(ZCRMModule.getInstance('Leads', client), [a, b]);
    expect(requests[0].body).toEqual({
      tags: [
        { id: '10', name: 'a' },
        { id: '20', name: 'b' },
      ],
    });
    expect(response.bulkEntityResponse.map((r) => r.status)).toEqual(['error', 'success']);
    expect(response.data).toEqual([b]);
    expect(b.modifiedTime).toBe('2020-01-01T00:00:00+05:30');
  });
});

describe('matchEntityResponses', () => {
  const ok = (id?: string) => ({
    status: 'success',
    code: 'SUCCESS',
    message: 'ok',
    details: id === undefined ? {} : { id },
  });

  it('pairs by position when results carry no ids', () => {
    const results = matchEntityResponses(
      ['a', 'b'],
      [ok(), { ...ok(), status: 'error', code: 'X' }],
      () => undefined,
      (_r, input) => input,
    );
    expect(results.map((r) => [r.status, r.data])).toEqual([
      ['success', 'a'],
      ['error', undefined],
    ]);
  });

  it('re-pairs by id, and gives inputs left without a result a NO_RESULT error', () => {
    const results = matchEntityResponses(['1', '2', '3'], [ok('3'), ok('1')], (id) => id);
    expect(results.map((r) => r.details.id)).toEqual(['1', '2', '3']);
    expect(results.map((r) => r.code)).toEqual(['SUCCESS', 'NO_RESULT', 'SUCCESS']);
    expect(results[1].isSuccess).toBe(false);
  });

  it('places a result past the last input, or out of place, by its id', () => {
    const results = matchEntityResponses(['1', '2'], [ok('9'), ok('2'), ok('1')], (id) => id);
    expect(results.map((r) => [r.code, r.details.id])).toEqual([
      ['SUCCESS', '1'],
      ['SUCCESS', '2'],
    ]);
  });

  it('never uses one result twice, and survives a body without results', () => {
    expect(matchEntityResponses(['1', '1'], [ok('1')], (id) => id).map((r) => r.code)).toEqual([
      'SUCCESS',
      'NO_RESULT',
    ]);
    expect(matchEntityResponses(['1'], undefined, (id) => id).map((r) => r.code)).toEqual(['NO_RESULT']);
  });
});
