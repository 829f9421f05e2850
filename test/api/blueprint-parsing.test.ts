/**
 * Parsing of blueprint responses (https://www.zoho.com/crm/developer/docs/api/v2/get-blueprint-details.html; the shape the seed's ZCRMBlueprint parsers read), served
 * verbatim through the client's transport hook: checklists, transition attachments, related data, and a
 * transition without `data` (which crashed the seed).
 */
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { ZCRMUser } from '../../src/api/entities/zcrm-user';
import { ZCRMTransitionAttachment } from '../../src/api/entities/zcrm-transition-attachment';
import { ZCRMTransitionCheckList } from '../../src/api/entities/zcrm-transition-check-list';
import { ZCRMTransitionCrypt } from '../../src/api/entities/zcrm-transition-crypt';
import { ZCRMBlueprintRelatedModule } from '../../src/api/entities/zcrm-blueprint-related-module';
import { getBlueprint, updateBlueprint } from '../../src/api/services/record-blueprint-service';
import { cannedClient } from '../support/record-helpers';
import { rejectionOf } from '../support/sub-resource-fixtures';

const BLUEPRINT_SAMPLE = {
  blueprint: {
    process_info: {
      field_id: '1',
      is_continuous: false,
      api_name: 'Stage',
      name: 'Deal Process',
      field_value: 'Qualification',
      id: '10',
      escalation: null,
    },
    transitions: [
      {
        next_transitions: [{ id: '12', name: 'Present Value' }],
        percent_partial_save: null,
        data: {
          Next_Step: 'Demo',
          Notes: { Note_Content: 'call', Note_Title: 'x' },
          CheckLists: { title: 'Before qualifying', items: [{ title: 'Budget known', id: '501' }] },
          Attachments: [{ name: 'brief.pdf', $file_id: 'f1', $link_url: null, fileSize: 2048 }],
        },
        next_field_value: 'Needs Analysis',
        name: 'Qualify',
        criteria_matched: true,
        id: '11',
        fields: [
          {
            api_name: 'Next_Step',
            id: '2',
            field_label: 'Next Step',
            data_type: 'text',
            required: true,
            transition_sequence: 1,
          },
        ],
        criteria_message: null,
      },
      { name: 'Disqualify', id: '13', next_field_value: 'Closed Lost' },
    ],
  },
};

describe('blueprint parsing', () => {
  it('parses process info, transitions, fields, checklists, attachments and related data', async () => {
    const { client, requests } = await cannedClient(() => ({ status: 200, body: BLUEPRINT_SAMPLE }));
    const deal = ZCRMRecord.getInstance('Deals', '5', client);
    const blueprint = (await getBlueprint(deal)).data!;
    expect(new URL(requests[0].url).pathname).toBe('/crm/v2/Deals/5/actions/blueprint');
    expect(blueprint.getProcessInfoValue('field_value')).toBe('Qualification');
    expect(blueprint.transitions.map((t) => t.name)).toEqual(['Qualify', 'Disqualify']);

    const [qualify, disqualify] = blueprint.transitions;
    expect(qualify.nextTransitions.map((t) => [t.id, t.name])).toEqual([['12', 'Present Value']]);
    expect(qualify.fields.map((f) => [f.apiName, f.isMandatory, f.transitionSequence])).toEqual([
      ['Next_Step', true, 1],
    ]);
    expect(qualify.checklists).toEqual([expect.any(ZCRMTransitionCheckList)]);
    expect(qualify.checklists[0].title).toBe('Before qualifying');
    expect(qualify.checklists[0].items).toEqual([{ title: 'Budget known', id: '501' }]);
    expect(qualify.attachments).toEqual([expect.any(ZCRMTransitionAttachment)]);
    expect(qualify.attachments[0]).toMatchObject({
      name: 'brief.pdf',
      fileId: 'f1',
      linkUrl: null,
      fileSize: 2048,
    });
    expect(qualify.transitionData.getDataNames()).toEqual(['Next_Step', 'Notes']);
    expect(qualify.transitionData.getValue('Notes', 'Note_Content')).toBe('call');
    expect(qualify.transitionData.getDataKeys('Notes')).toEqual(['Note_Content', 'Note_Title']);
    expect(qualify.transitionData.getDataKeys('Next_Step')).toBe('Demo');
    expect(qualify.getTransitionValue('percent_partial_save')).toBeNull();
    expect(Object.keys(qualify.getTransitionValues())).not.toContain('data');

    // No `data`, no `fields`: parses to empty collections (the seed raised NameError).
    expect(disqualify.fields).toEqual([]);
    expect(disqualify.transitionData.getDataValues()).toEqual({});
    expect(disqualify.getTransitionValue('next_field_value')).toBe('Closed Lost');
  });

  it('sends the transition with its data, records and users as ids, and the checklist', async () => {
    const { client, requests } = await cannedClient(() => ({
      status: 200,
      body: { code: 'SUCCESS', details: {}, message: 'transition updated successfully', status: 'success' },
    }));
    const deal = ZCRMRecord.getInstance('Deals', '5', client);
    deal.blueprintTransitionId = '11';
    deal.setBlueprintData('Next_Step', 'Demo');
    deal.setBlueprintData('Contact_Name', ZCRMRecord.getInstance('Contacts', '77'));
    deal.setBlueprintData('Reviewer', ZCRMUser.getInstance('88', 'Kevin'));
    deal.setChecklistValue('Budget known', true);
    const response = await updateBlueprint(deal);
    expect(requests[0].method).toBe('PUT');
    expect(requests[0].body).toEqual({
      blueprint: [
        {
          transition_id: '11',
          data: {
            Next_Step: 'Demo',
            Contact_Name: { id: '77' },
            Reviewer: { id: '88' },
            CheckLists: [{ 'Budget known': true }],
          },
        },
      ],
    });
    expect(response.message).toBe('transition updated successfully');
  });

  it('refuses a 200 answer without a blueprint object', async () => {
    const { client } = await cannedClient(() => ({ status: 200, body: { something: 'else' } }));
    const error = await rejectionOf(getBlueprint(ZCRMRecord.getInstance('Deals', '5', client)));
    expect(error.errorCode).toBe('INVALID_RESPONSE');
  });

  it('has the seed’s data-only blueprint classes', () => {
    const crypt = ZCRMTransitionCrypt.fromJson({ mode: 'decryption', column: 'C1', table: 'T', status: 1 });
    expect(crypt).toMatchObject({ mode: 'decryption', column: 'C1', table: 'T', status: 1 });
    const related = ZCRMBlueprintRelatedModule.getInstance('9');
    related.displayLabel = 'Deals';
    expect(related).toMatchObject({ id: '9', displayLabel: 'Deals' });
  });
});
