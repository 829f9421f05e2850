import { parseParticipant, participantToJson } from '../../../api/mappers/participant-mapper';
import type { CodecFactory } from '../../../metadata/codecs/field-codec';
import { Participant } from '../../values/participant';
import { rowListCodec } from './row-list-codec';

/** Events' `Participants`, as {@link Participant} rows. */
export const participantsCodec: CodecFactory = (field) =>
  rowListCodec(
    field,
    Participant,
    { list: 'participants', row: 'participant' },
    parseParticipant,
    participantToJson,
  );
