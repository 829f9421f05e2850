import { ZCRMException } from '../errors/zcrm-exception';

/** The name of a class for messages (`Invoice`, or `(anonymous class)`). */
export function className(target: unknown): string {
  return typeof target === 'function' && target.name ? target.name : '(anonymous class)';
}

/**
 * A model is declared wrongly (a decorator misplaced, an API name repeated, a class that is not a model
 * used as one). Raised when the class is defined or first used, before any request (statusCode 0).
 */
export class ModelMetadataException extends ZCRMException {
  private static make(
    code: string,
    message: string,
    details: Record<string, unknown>,
  ): ModelMetadataException {
    return new ModelMetadataException({
      statusCode: 0,
      errorCode: code,
      errorMessage: message,
      errorDetails: details,
    });
  }

  /** `@CrmModule` is missing on a class used as a model. */
  static notAModel(target: unknown): ModelMetadataException {
    return ModelMetadataException.make(
      'NOT_A_MODEL',
      `${className(target)} is not a CRM model: decorate it with @CrmModule('<module API name>') or declare it with defineModel()`,
      { model: className(target) },
    );
  }

  /** A decorator was put where it cannot work (a static member, a method, a symbol-named property). */
  static misplacedDecorator(
    decorator: string,
    target: unknown,
    property: string | symbol,
    problem: string,
  ): ModelMetadataException {
    return ModelMetadataException.make(
      'MISPLACED_DECORATOR',
      `@${decorator} on ${className(target)}.${String(property)}: ${problem}`,
      { decorator, model: className(target), property: String(property) },
    );
  }

  /** A property was declared twice (two field decorators on it). */
  static duplicateProperty(target: unknown, property: string): ModelMetadataException {
    return ModelMetadataException.make(
      'DUPLICATE_PROPERTY',
      `${className(target)}.${property} is declared twice: use one field decorator per property`,
      { model: className(target), property },
    );
  }

  /** Two properties map to the same API name. */
  static duplicateApiName(target: unknown, apiName: string, properties: string[]): ModelMetadataException {
    return ModelMetadataException.make(
      'DUPLICATE_API_NAME',
      `${className(target)}: the properties ${properties.join(' and ')} both map to the API name ${apiName}`,
      { model: className(target), apiName, properties },
    );
  }

  /** `@CrmModule` used twice on one class. */
  static duplicateModule(target: unknown, first: string, second: string): ModelMetadataException {
    return ModelMetadataException.make(
      'DUPLICATE_MODULE',
      `${className(target)} is declared as module ${first} and as module ${second}: use @CrmModule once`,
      { model: className(target), modules: [first, second] },
    );
  }

  /** A module or field API name that Zoho cannot have. */
  static badApiName(target: unknown, what: string, value: unknown): ModelMetadataException {
    return ModelMetadataException.make(
      'BAD_API_NAME',
      `${className(target)}: ${what} must be a Zoho API name (letters, digits and underscores, starting with a letter), got ${JSON.stringify(value)}`,
      { model: className(target), what },
    );
  }

  /** An unknown `type` option. */
  static badDataType(target: unknown, property: string, type: unknown): ModelMetadataException {
    return ModelMetadataException.make(
      'BAD_DATA_TYPE',
      `${className(target)}.${property}: ${JSON.stringify(type)} is not a Zoho field data type (text, picklist, integer, currency, date, datetime …)`,
      { model: className(target), property },
    );
  }

  /** A field of a role the module does not have (line items outside the inventory modules …). */
  static roleNotInModule(
    target: unknown,
    property: string,
    decorator: string,
    module: string,
    allowed: readonly string[],
  ): ModelMetadataException {
    return ModelMetadataException.make(
      'FIELD_NOT_IN_MODULE',
      `${className(target)}.${property}: @${decorator} is only for the ${allowed.join(', ')} module${allowed.length > 1 ? 's' : ''}, not ${module}`,
      { model: className(target), property, module, allowed: [...allowed] },
    );
  }

  /** A lookup or subform thunk returned something that is not a class (often an import cycle). */
  static badTarget(target: unknown, property: string, got: unknown): ModelMetadataException {
    return ModelMetadataException.make(
      'BAD_TARGET',
      `${className(target)}.${property}: its target thunk returned ${got === undefined ? 'undefined (an import cycle?)' : typeof got}, not a class`,
      { model: className(target), property },
    );
  }

  /** A field the model does not have. */
  static unknownProperty(target: unknown, property: string): ModelMetadataException {
    return ModelMetadataException.make(
      'UNKNOWN_PROPERTY',
      `${className(target)} has no field "${property}"`,
      {
        model: className(target),
        property,
      },
    );
  }
}
