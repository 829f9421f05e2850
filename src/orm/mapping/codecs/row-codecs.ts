import type { FieldCodec } from '../../../metadata/codecs/field-codec';
import type { ModelClass } from '../../../metadata/field-metadata';

/** The codecs of the fields a row class declares (given to the row codecs, so they need not import the registry). */
export type RowCodecs = (row: ModelClass) => FieldCodec[];
