import type { RunningEmulator } from '../../src/emulator';
import type { ZCRMRestClient } from '../../src/api/rest-client';
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { ZCRMBlueprint } from '../../src/api/entities/zcrm-blueprint';
import { ZCRMBlueprintTransition } from '../../src/api/entities/zcrm-blueprint-transition';
import { ZCRMField } from '../../src/api/entities/zcrm-field';
import { ZCRMTransition } from '../../src/api/entities/zcrm-transition';
import { getBlueprint, updateBlueprint } from '../../src/api/services/record-blueprint-service';
import { ValidationException } from '../../src/errors/validation-exception';
import {
  createRecord,
  expectClientSideRejection,
  MISSING_ID,
  readRecordJson,
  rejectionOf,
  startSdkEmulator,
  stopSdkEmulator,
} from '../support/sub-resource-fixtures';

describe('blueprint', () => {
  let emulator: RunningEmulator;
  let client: ZCRMRestClient;

  beforeAll(async () => {
    ({ emulator, client } = await startSdkEmulator());
  });
  afterAll(() => stopSdkEmulator({ emulator, client }));

  const deal = (name: string, stage: string) =>
    createRecord(client, 'Deals', { Deal_Name: name, Stage: stage });

  it('reads the process and the transitions open to the record', async () => {
    const fresh = await deal('Fresh', 'Qualification');
    const response = await getBlueprint(fresh);
    expect(response.statusCode).toBe(200);
    const blueprint = response.data!;
    expect(blueprint).toBeInstanceOf(ZCRMBlueprint);
    expect(blueprint.record).toBe(fresh);
    expect(blueprint.entityType).toBe('Deals');
    expect(blueprint.entityId).toBe(fresh.entityId);
    expect(blueprint.getProcessInfoValue('name')).toBe('Deal Process');
    expect(blueprint.getProcessInfoValue('field_value')).toBe('Qualification');
    expect(blueprint.getProcessInfoValues().api_name).toBe('Stage');

    expect(blueprint.transitions).toHaveLength(1);
    const qualify = blueprint.transitions[0];
    expect(qualify).toBeInstanceOf(ZCRMBlueprintTransition);
    expect(qualify.name).toBe('Qualify');
    expect(qualify.id).toMatch(/^\d+$/);
    expect(qualify.getTransitionValue('next_field_value')).toBe('Needs Analysis');
    expect(qualify.getTransitionValues().criteria_matched).toBe(true);
    expect(qualify.nextTransitions).toEqual([expect.any(ZCRMTransition)]);
    expect(qualify.nextTransitions[0].name).toBe('Present Value');
    expect(qualify.entityName).toBe('Deals');
    expect(blueprint.getTransition(qualify.id!)).toBe(qualify);
  });

  it("parses a transition's fields and current data", async () => {
    const analysing = await createRecord(client, 'Deals', {
      Deal_Name: 'Analysing',
      Stage: 'Needs Analysis',
      Next_Step: 'Demo',
    });
    const [present] = (await getBlueprint(analysing)).data!.transitions;
    expect(present.name).toBe('Present Value');
    expect(present.fields).toHaveLength(1);
    expect(present.fields[0]).toBeInstanceOf(ZCRMField);
    expect(present.fields[0].apiName).toBe('Next_Step');
    expect(present.transitionData.getDataValue('Next_Step')).toBe('Demo');
    expect(present.transitionData.getDataNames()).toEqual(['Next_Step']);
  });

  it('applies a transition with its data, moving the record on', async () => {
    const deciding = await deal('Deciding', 'Id. Decision Makers');
    const blueprint = (await getBlueprint(deciding)).data!;
    const sendQuote = blueprint.transitions.find((t) => t.name === 'Send Quote')!;
    deciding.blueprintTransitionId = sendQuote.id;
    deciding.setBlueprintData('Amount', 25000);
    deciding.setChecklistValue('Quote reviewed', true);
    expect(deciding.getChecklistValues()).toEqual([{ 'Quote reviewed': true }]);

    const response = await updateBlueprint(deciding);
    expect(response.status).toBe('success');
    expect(response.message).toBe('transition updated successfully');
    expect(response.data).toBe(deciding);
    const stored = await readRecordJson(client, 'Deals', deciding.entityId!);
    expect(stored.Stage).toBe('Proposal/Price Quote');
    expect(stored.Amount).toBe(25000);
  });

  it('works through the blueprint object too', async () => {
    const fresh = await deal('Object', 'Qualification');
    const blueprint = ZCRMBlueprint.getInstance(fresh);
    const read = await blueprint.getBlueprint();
    expect(read.data).toBe(blueprint);
    fresh.blueprintTransitionId = blueprint.transitions[0].id;
    expect((await blueprint.updateBlueprint()).status).toBe('success');
    expect((await readRecordJson(client, 'Deals', fresh.entityId!)).Stage).toBe('Needs Analysis');
  });

  it("throws Zoho's errors: missing transition field, closed transition, record not in a process", async () => {
    const negotiating = await deal('Negotiating', 'Negotiation/Review');
    const transitions = (await getBlueprint(negotiating)).data!.transitions;
    const win = transitions.find((t) => t.name === 'Win')!;
    negotiating.blueprintTransitionId = win.id;
    let error = await rejectionOf(updateBlueprint(negotiating));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.errorCode).toBe('MANDATORY_NOT_FOUND');
    expect(error.errorDetails).toEqual({ api_name: 'Closing_Date' });

    negotiating.blueprintTransitionId = MISSING_ID;
    error = await rejectionOf(updateBlueprint(negotiating));
    expect(error.errorCode).toBe('INVALID_DATA');

    const lead = await createRecord(client, 'Leads', { Last_Name: 'No process' });
    error = await rejectionOf(getBlueprint(lead));
    expect(error.errorCode).toBe('RECORD_NOT_IN_PROCESS');
    expect(error.statusCode).toBe(400);

    error = await rejectionOf(getBlueprint(ZCRMRecord.getInstance('Deals', MISSING_ID, client)));
    expect(error.errorCode).toBe('INVALID_DATA');
  });

  it('checks the record id and the transition before any request', async () => {
    const unsaved = ZCRMRecord.getInstance('Deals', undefined, client);
    await expectClientSideRejection(emulator, () => getBlueprint(unsaved));
    await expectClientSideRejection(emulator, () => updateBlueprint(unsaved));
    const saved = ZCRMRecord.getInstance('Deals', MISSING_ID, client);
    const error = await expectClientSideRejection(emulator, () => updateBlueprint(saved));
    expect(error.errorMessage).toContain('blueprintTransitionId');
    await expectClientSideRejection(emulator, () => ZCRMBlueprint.getInstance().getBlueprint());
  });
});
