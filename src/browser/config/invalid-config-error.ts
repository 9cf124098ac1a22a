/** A chat instance's configuration is unusable; `code` names the first bad field (`config.rules.schedule.timeZone`). */
export class InvalidConfigError extends Error {
  override readonly name: string = 'InvalidConfigError';
  constructor(
    readonly code: string,
    message: string,
    readonly problems: readonly string[] = [message],
  ) {
    super(message);
  }
}

/**
 * True for an InvalidConfigError from any bundle: the validator lives in its own lazily loaded chunk,
 * whose copy of the class is not the first script's, so `instanceof` cannot tell.
 */
export function isInvalidConfigError(error: unknown): error is InvalidConfigError {
  return error instanceof Error && error.name === 'InvalidConfigError' && typeof (error as InvalidConfigError).code === 'string';
}
