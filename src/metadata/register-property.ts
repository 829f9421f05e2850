import 'reflect-metadata';
import type { FieldDefinition, ModelClass } from './field-metadata';
import { ModelMetadataException } from './metadata-exception';
import { getMetadataStorage } from './metadata-storage';
import { addPendingField } from './standard-metadata';

/**
 * A field decorator: works as a legacy property decorator (`experimentalDecorators`, with the design type
 * of `emitDecoratorMetadata` when there is one) and as a TypeScript 5 standard field decorator.
 */
export interface FieldDecorator {
  (target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor): void;
  (value: undefined, context: ClassFieldDecoratorContext): void;
}

/** A class decorator, legacy or standard. */
export interface ModelDecorator {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  (target: Function): void;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  (value: Function, context: ClassDecoratorContext): void;
}

/** A standard decorator's context (any kind), as far as the registry reads it. */
interface StandardContext {
  kind: string;
  name: string | symbol;
  static?: boolean;
  private?: boolean;
  metadata?: object;
}

/** True when a decorator was called the TypeScript 5 standard way (`(value, context)`). */
function isStandardCall(args: readonly unknown[]): boolean {
  const context = args[1];
  return (
    typeof context === 'object' && context !== null && typeof (context as StandardContext).kind === 'string'
  );
}

/**
 * Records a field decorator's declaration, whichever flavour called it: checks it sits on an instance
 * property with a string name, and hands the field to the registry (legacy: now, with the property's design
 * type; standard: when the class is defined, through `context.metadata`).
 */
export function registerProperty(
  decorator: string,
  args: readonly unknown[],
  definition: FieldDefinition,
): void {
  if (isStandardCall(args)) {
    registerStandard(decorator, args[1] as StandardContext, definition);
    return;
  }
  const [target, propertyKey, descriptor] = args as [object, string | symbol, PropertyDescriptor?];
  if (typeof target === 'function') {
    throw ModelMetadataException.misplacedDecorator(
      decorator,
      target,
      propertyKey,
      'static members cannot be record fields',
    );
  }
  const owner = (target as { constructor?: unknown }).constructor;
  if (typeof propertyKey !== 'string') {
    throw ModelMetadataException.misplacedDecorator(
      decorator,
      owner,
      propertyKey,
      'record fields need string property names',
    );
  }
  if (descriptor !== undefined) {
    throw ModelMetadataException.misplacedDecorator(
      decorator,
      owner,
      propertyKey,
      'only class properties can be record fields, not methods or accessors',
    );
  }
  if (typeof owner !== 'function') {
    throw ModelMetadataException.misplacedDecorator(
      decorator,
      owner,
      propertyKey,
      'the decorator must be used inside a class',
    );
  }
  const designType = Reflect.getMetadata('design:type', target, propertyKey) as unknown;
  getMetadataStorage().addField(owner, propertyKey, definition, designType);
}

function registerStandard(decorator: string, context: StandardContext, definition: FieldDefinition): void {
  // The class is not known yet (a field decorator runs before its class exists): messages name the property.
  const misplaced = (problem: string) =>
    ModelMetadataException.misplacedDecorator(decorator, undefined, context.name, problem);
  if (context.kind !== 'field') {
    throw misplaced('only class properties can be record fields, not methods or accessors');
  }
  if (context.static) throw misplaced('static members cannot be record fields');
  if (context.private || typeof context.name !== 'string') {
    throw misplaced('record fields need public string property names');
  }
  if (!context.metadata) throw misplaced('the compiler gave no decorator metadata (context.metadata)');
  addPendingField(context.metadata, { property: context.name, definition });
}

/** Binds a class to a module, whichever flavour called the class decorator. */
export function registerModel(moduleApiName: string, args: readonly unknown[]): void {
  const target = args[0] as ModelClass;
  const context = isStandardCall(args) ? (args[1] as StandardContext) : undefined;
  if (context && context.kind !== 'class') {
    throw ModelMetadataException.misplacedDecorator(
      'CrmModule',
      undefined,
      context.name,
      'it goes on a class',
    );
  }
  getMetadataStorage().setModule(target, moduleApiName, context?.metadata);
}
