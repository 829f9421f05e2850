import { ZCRMException } from './zcrm-exception';

/** The configuration given to `ZCRMRestClient.initialize()` is wrong; `key` names the culprit. */
export class ConfigurationException extends ZCRMException {
  readonly key: string;

  private constructor(key: string, code: string, message: string) {
    super({ errorCode: code, errorMessage: message, errorDetails: { key } });
    this.key = key;
  }

  static unknownKey(key: string, suggestion?: string): ConfigurationException {
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
    return new ConfigurationException(key, 'CONFIG_UNKNOWN_KEY', `Unknown configuration key "${key}"${hint}`);
  }

  static missingKey(key: string, alternative?: string): ConfigurationException {
    const alt = alternative ? ` (or "${alternative}")` : '';
    return new ConfigurationException(
      key,
      'CONFIG_MISSING_KEY',
      `The configuration key "${key}"${alt} is required`,
    );
  }

  /** `expected` describes a valid value; the given value is not echoed since it may be a secret. */
  static badValue(key: string, expected: string): ConfigurationException {
    return new ConfigurationException(
      key,
      'CONFIG_BAD_VALUE',
      `The configuration key "${key}" must be ${expected}`,
    );
  }

  static conflict(key: string, other: string): ConfigurationException {
    return new ConfigurationException(
      key,
      'CONFIG_CONFLICT',
      `The configuration keys "${key}" and "${other}" cannot be used together`,
    );
  }

  static insecureUrl(key: string): ConfigurationException {
    return new ConfigurationException(
      key,
      'CONFIG_INSECURE_URL',
      `The configuration key "${key}" must be an https:// URL (plain http:// is allowed only for loopback hosts such as the emulator)`,
    );
  }

  /**
   * A feature that was configured needs a package that is not installed (an optional peer dependency, or a
   * dependency an install left out); `key` is the package name.
   */
  static missingPackage(packageName: string, feature: string): ConfigurationException {
    return new ConfigurationException(
      packageName,
      'CONFIG_MISSING_PACKAGE',
      `${feature} needs the package "${packageName}", which is not installed: run \`npm install ${packageName}\``,
    );
  }
}
