import type { FieldDefinition, ModelClass } from './field-metadata';

/**
 * Where TypeScript 5 standard field decorators leave their declarations: on the class's decorator
 * metadata (`context.metadata`, later `Class[Symbol.metadata]`), since a field decorator runs before its
 * class exists. The registry takes them over when the class decorator runs or when it first meets the class.
 */

// Standard decorators hand out `context.metadata` only when `Symbol.metadata` exists (Node 20 and 22 lack
// it); the TypeScript and esbuild helpers read it when a class is defined, so it is set before any is.
const symbols = Symbol as { metadata?: symbol };
symbols.metadata ??= Symbol.for('Symbol.metadata');
const METADATA: symbol = symbols.metadata;

const PENDING = Symbol('zcrm.pendingFields');

/** A field declared by a standard decorator, not yet in the registry. */
export interface PendingField {
  property: string;
  definition: FieldDefinition;
}

type Holder = { [PENDING]?: PendingField[] };

/** Leaves a declaration on a class's decorator metadata. */
export function addPendingField(metadata: object, field: PendingField): void {
  const holder = metadata as Holder;
  // The metadata object inherits from the base class's: each class keeps its own list.
  if (!Object.prototype.hasOwnProperty.call(holder, PENDING)) holder[PENDING] = [];
  holder[PENDING]!.push(field);
}

/** Takes (and clears) the declarations left on `metadata`, by default the class's own `Symbol.metadata`. */
export function takePendingFields(target: ModelClass, metadata?: object): PendingField[] {
  const holder = (metadata ??
    (Object.prototype.hasOwnProperty.call(target, METADATA)
      ? (target as unknown as Record<symbol, unknown>)[METADATA]
      : undefined)) as Holder | undefined;
  if (!holder || !Object.prototype.hasOwnProperty.call(holder, PENDING)) return [];
  const pending = holder[PENDING]!;
  delete holder[PENDING];
  return pending;
}
