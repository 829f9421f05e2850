import 'reflect-metadata';
import type { FieldDefinition, FieldMetadata } from './field-metadata';
import { ModelMetadataException } from './metadata-exception';
import { getMetadataStorage } from './metadata-storage';

/** The signature of the field decorators (legacy `experimentalDecorators` property decorators). */
export type FieldDecorator = (
  target: object,
  propertyKey: string | symbol,
  descriptor?: PropertyDescriptor,
) => void;

/**
 * Records a property decorator's declaration: checks it sits on an instance property with a string
 * name, reads the property's design type (`emitDecoratorMetadata`) and hands the field to the registry.
 */
export function registerProperty(
  decorator: string,
  target: object,
  propertyKey: string | symbol,
  descriptor: PropertyDescriptor | undefined,
  definition: FieldDefinition,
): FieldMetadata {
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
  return getMetadataStorage().addField(owner, propertyKey, definition, designType);
}
