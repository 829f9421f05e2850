import { addRecordListener, RecordEvent } from '../src/metadata/record-listeners';
import { ModelMetadataException } from '../src/metadata/metadata-exception';

/**
 * A method decorator registering an entity listener, in either decorator flavour: legacy
 * (`experimentalDecorators`: prototype, name, descriptor) or standard (method, context).
 */
type ListenerDecorator = {
  (target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor): void;
  (value: (...args: never[]) => unknown, context: ClassMethodDecoratorContext): void;
};

function listener(name: string, event: RecordEvent): () => ListenerDecorator {
  return () =>
    ((target: unknown, keyOrContext: string | symbol | ClassMethodDecoratorContext) => {
      if (typeof keyOrContext === 'object') {
        const context = keyOrContext;
        if (context.kind !== 'method' || context.static)
          throw ModelMetadataException.misplacedDecorator(
            name,
            undefined,
            context.name,
            'listeners are instance methods',
          );
        context.addInitializer(function (this: unknown) {
          addRecordListener((this as object).constructor, event, context.name);
        });
        return;
      }
      if (typeof target === 'function' || typeof (target as object | undefined) !== 'object')
        throw ModelMetadataException.misplacedDecorator(
          name,
          target,
          keyOrContext,
          'listeners are instance methods',
        );
      addRecordListener((target as object).constructor, event, keyOrContext);
    }) as ListenerDecorator;
}

/** Runs the method before a `save` inserts the record (before validation, so what it sets is checked and sent). */
export const BeforeInsert = listener('BeforeInsert', 'beforeInsert');
/** Runs the method before a `save` updates the record (before the changed fields are worked out). */
export const BeforeUpdate = listener('BeforeUpdate', 'beforeUpdate');
/** Runs the method once an insert succeeded (the record has its id and system fields). */
export const AfterInsert = listener('AfterInsert', 'afterInsert');
/** Runs the method before the record is deleted; throwing keeps it from being deleted. */
export const BeforeRemove = listener('BeforeRemove', 'beforeRemove');
/** Runs the method (synchronously) after the record was read. */
export const AfterLoad = listener('AfterLoad', 'afterLoad');
