import { RunningEmulator } from '../../src/emulator';
import { RawClient, startTestEmulator } from '../support/emulator';
import { ANY_ID, getRecord, recordId } from './sub-resource-helpers';

describe('blueprint', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  let fresh: string;
  let deciding: string;
  let negotiating: string;
  let leadId: string;

  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator({
      demoData: false,
      seed: {
        records: {
          Deals: [
            { Deal_Name: 'Fresh', Stage: 'Qualification' },
            { Deal_Name: 'Deciding', Stage: 'Id. Decision Makers' },
            { Deal_Name: 'Negotiating', Stage: 'Negotiation/Review' },
          ],
          Leads: [{ Last_Name: 'Lead' }],
        },
      },
    }));
    fresh = await recordId(client, 'Deals', 'Deal_Name', 'Fresh');
    deciding = await recordId(client, 'Deals', 'Deal_Name', 'Deciding');
    negotiating = await recordId(client, 'Deals', 'Deal_Name', 'Negotiating');
    leadId = await recordId(client, 'Leads', 'Last_Name', 'Lead');
  });
  afterAll(() => emulator.stop());

  const blueprint = async (id: string) =>
    (await client.get(`/crm/v2/Deals/${id}/actions/blueprint`)).json.blueprint;
  const transitionId = async (id: string, name: string) =>
    (await blueprint(id)).transitions.find((t: { name: string }) => t.name === name).id as string;
  const apply = (id: string, body: unknown) => client.put(`/crm/v2/Deals/${id}/actions/blueprint`, body);

  it('describes the process and the transitions open to the record', async () => {
    const res = await client.get(`/crm/v2/Deals/${fresh}/actions/blueprint`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      blueprint: {
        process_info: {
          field_id: ANY_ID,
          is_continuous: false,
          api_name: 'Stage',
          continuous: false,
          field_label: 'Stage',
          name: 'Deal Process',
          column_name: 'STAGE',
          field_value: 'Qualification',
          id: ANY_ID,
          field_name: 'Stage',
          escalation: null,
        },
        transitions: [
          {
            next_transitions: [{ id: ANY_ID, name: 'Present Value' }],
            percent_partial_save: null,
            data: {},
            next_field_value: 'Needs Analysis',
            name: 'Qualify',
            criteria_matched: true,
            id: ANY_ID,
            fields: [],
            criteria_message: null,
          },
        ],
      },
    });
  });

  it('lists a transition’s fields with the record’s current values', async () => {
    const { transitions } = await blueprint(negotiating);
    expect(transitions.map((t: { name: string }) => t.name)).toEqual(['Win', 'Lose']);
    expect(transitions[0].data).toEqual({ Closing_Date: null });
    expect(transitions[0].next_transitions).toEqual([]);
    expect(transitions[0].fields).toEqual([
      expect.objectContaining({
        api_name: 'Closing_Date',
        id: ANY_ID,
        field_label: 'Closing Date',
        data_type: 'date',
        required: true,
        transition_sequence: 1,
      }),
    ]);
  });

  it('applies a transition, moving the stage', async () => {
    const res = await apply(fresh, {
      blueprint: [{ transition_id: await transitionId(fresh, 'Qualify'), data: {} }],
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      code: 'SUCCESS',
      details: {},
      message: 'transition updated successfully',
      status: 'success',
    });
    expect((await getRecord(client, 'Deals', fresh)).Stage).toBe('Needs Analysis');
    expect((await blueprint(fresh)).transitions.map((t: { name: string }) => t.name)).toEqual([
      'Present Value',
    ]);
  });

  it('stores the transition’s fields from `data`, ignoring the rest', async () => {
    const id = await transitionId(fresh, 'Present Value');
    const res = await apply(fresh, {
      blueprint: [
        {
          transition_id: id,
          data: {
            Next_Step: 'Demo',
            Description: 'not a transition field',
            CheckLists: [{ 'item 1': true }],
          },
        },
      ],
    });
    expect(res.status).toBe(200);
    const deal = await getRecord(client, 'Deals', fresh);
    expect(deal.Stage).toBe('Value Proposition');
    expect(deal.Next_Step).toBe('Demo');
    expect(deal.Description ?? null).toBeNull();
  });

  it('requires every field of the transition, changing nothing otherwise', async () => {
    const before = await getRecord(client, 'Deals', deciding);
    const res = await apply(deciding, {
      blueprint: [{ transition_id: await transitionId(deciding, 'Send Quote'), data: {} }],
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      code: 'MANDATORY_NOT_FOUND',
      details: { api_name: 'Amount' },
      message: 'required field not found',
      status: 'error',
    });
    expect(await getRecord(client, 'Deals', deciding)).toEqual(before);
  });

  it('reports the write path’s validation error, changing nothing', async () => {
    const before = await getRecord(client, 'Deals', deciding);
    const res = await apply(deciding, {
      blueprint: [{ transition_id: await transitionId(deciding, 'Send Quote'), data: { Amount: 'lots' } }],
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      code: 'INVALID_DATA',
      details: { api_name: 'Amount', expected_data_type: 'currency' },
      message: 'invalid data',
      status: 'error',
    });
    expect(await getRecord(client, 'Deals', deciding)).toEqual(before);
  });

  it('refuses a transition that is not open from the current stage', async () => {
    const win = await transitionId(negotiating, 'Win');
    const res = await apply(deciding, {
      blueprint: [{ transition_id: win, data: { Closing_Date: '2025-01-01' } }],
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      code: 'INVALID_DATA',
      details: { api_name: 'transition_id' },
      message: 'invalid data',
      status: 'error',
    });
    expect((await getRecord(client, 'Deals', deciding)).Stage).toBe('Id. Decision Makers');
  });

  it('requires the blueprint array and a transition id', async () => {
    const noBlueprint = await apply(deciding, {});
    expect(noBlueprint.json).toEqual({
      code: 'MANDATORY_NOT_FOUND',
      details: { api_name: 'blueprint' },
      message: 'required field not found',
      status: 'error',
    });
    const noId = await apply(deciding, { blueprint: [{ data: {} }] });
    expect(noId.json).toEqual({
      code: 'MANDATORY_NOT_FOUND',
      details: { api_name: 'transition_id' },
      message: 'required field not found',
      status: 'error',
    });
  });

  it('takes a record out of the process at its last transition', async () => {
    const res = await apply(negotiating, {
      blueprint: [
        { transition_id: await transitionId(negotiating, 'Win'), data: { Closing_Date: '2025-06-30' } },
      ],
    });
    expect(res.status).toBe(200);
    const deal = await getRecord(client, 'Deals', negotiating);
    expect(deal.Stage).toBe('Closed Won');
    expect(deal.Closing_Date).toBe('2025-06-30');
    const after = await client.get(`/crm/v2/Deals/${negotiating}/actions/blueprint`);
    expect(after.status).toBe(400);
    expect(after.json).toEqual({
      code: 'RECORD_NOT_IN_PROCESS',
      details: {},
      message: 'record not in process',
      status: 'error',
    });
  });

  it('has no process for records of other modules, and checks the record', async () => {
    const lead = await client.get(`/crm/v2/Leads/${leadId}/actions/blueprint`);
    expect(lead.json.code).toBe('RECORD_NOT_IN_PROCESS');
    const put = await client.put(`/crm/v2/Leads/${leadId}/actions/blueprint`, {
      blueprint: [{ transition_id: '1' }],
    });
    expect(put.json.code).toBe('RECORD_NOT_IN_PROCESS');
    const unknown = await client.get('/crm/v2/Deals/3652397000999999999/actions/blueprint');
    expect(unknown.json).toEqual({
      code: 'INVALID_DATA',
      details: { id: '3652397000999999999' },
      message: 'the id given seems to be invalid',
      status: 'error',
    });
  });
});
