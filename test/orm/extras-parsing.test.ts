/**
 * The paging of the record extras' lists (notes, attachments, related records) over Zoho's documented
 * list envelopes (`{"data": [...], "info": {per_page, count, page, more_records}}`, 204 for an empty list).
 */
import type { HttpResponse } from '../../src/http/http-types';
import { ZCRMException } from '../../src/errors/zcrm-exception';
import { infoOf, listOf } from '../../src/api/operations/item-results';
import { BulkAPIResponse } from '../../src/api/responses/bulk-api-response';
import { collectPages } from '../../src/orm/extras/pages';

const page = (data: unknown, info?: Record<string, unknown>, status = 200): HttpResponse<unknown> => ({
  status,
  headers: {},
  data: data === undefined ? undefined : info ? { data, info } : { data },
  noData: status === 204 || status === 304,
  url: 'https://www.zohoapis.com/crm/v2/Leads/1/Notes',
  rateLimit: {},
});

/**
 * Serves canned pages, read as the API services read a list page (`listOf`, `infoOf`, each item's id), and
 * records which pages were asked for.
 */
function server(pages: HttpResponse<unknown>[]) {
  const asked: Array<[number, number]> = [];
  const fetch = async (p: number, perPage: number) => {
    asked.push([p, perPage]);
    const response = pages[p - 1];
    if (!response) throw new Error(`page ${p} was not expected`);
    const data = listOf(response, 'data').map((json) => json.id);
    return new BulkAPIResponse(response, { data, info: infoOf(response) });
  };
  return { asked, fetch };
}

const note = (id: string) => ({ id, Note_Content: `note ${id}` });

describe('collectPages', () => {
  it('follows info.more_records across pages, 200 per page by default', async () => {
    const { asked, fetch } = server([
      page([note('1'), note('2')], { per_page: 2, count: 2, page: 1, more_records: true }),
      page([note('3')], { per_page: 2, count: 1, page: 2, more_records: false }),
    ]);
    const ids = await collectPages({}, 'Lead.notes()', fetch);
    expect(ids).toEqual(['1', '2', '3']);
    expect(asked).toEqual([
      [1, 200],
      [2, 200],
    ]);
  });

  it('reads one page when a page is given, whatever more_records says', async () => {
    const { asked, fetch } = server([
      page([note('1')], { more_records: true }),
      page([note('2')], { per_page: 1, count: 1, page: 2, more_records: true }),
    ]);
    expect(await collectPages({ page: 2, perPage: 1 }, 'Lead.notes()', fetch)).toEqual(['2']);
    expect(asked).toEqual([[2, 1]]);
  });

  it('gives [] for 204 No Content and stops at an empty page', async () => {
    expect(await collectPages({}, 'Lead.notes()', server([page(undefined, undefined, 204)]).fetch)).toEqual(
      [],
    );
    const { asked, fetch } = server([
      page([note('1')], { more_records: true }),
      page([], { more_records: true }),
    ]);
    expect(await collectPages({}, 'Lead.notes()', fetch)).toEqual(['1']);
    expect(asked).toHaveLength(2);
  });

  it('stops when info is missing (a page without more_records is the last)', async () => {
    const { asked, fetch } = server([page([note('1')])]);
    expect(await collectPages({}, 'Lead.notes()', fetch)).toEqual(['1']);
    expect(asked).toHaveLength(1);
  });

  it('skips items that are not objects and rejects a body without data (as the services read pages)', async () => {
    const { fetch } = server([page([note('1'), 'junk', null, [note('x')]], { more_records: false })]);
    expect(await collectPages({}, 'Lead.notes()', fetch)).toEqual(['1']);
    const broken = server([{ ...page([]), data: { info: {} } }]);
    const error = await collectPages({}, 'Lead.notes()', broken.fetch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZCRMException);
    expect((error as ZCRMException).errorCode).toBe('INVALID_RESPONSE');
  });

  it('checks paging before the first request, naming the call', async () => {
    const { asked, fetch } = server([]);
    await expect(collectPages({ page: 1.5 }, 'Lead.notes()', fetch)).rejects.toMatchObject({
      statusCode: 0,
      errorMessage: 'page: Lead.notes(): pages start at 1, got 1.5',
    });
    await expect(collectPages({ perPage: 500 }, 'Lead.notes()', fetch)).rejects.toMatchObject({
      errorMessage: 'perPage: Lead.notes(): must be 1 to 200, got 500',
    });
    expect(asked).toEqual([]);
  });
});
