import type { ErrorCode, ErrorParams, FieldErrors, ServiceFieldCode } from '../../shared/errors';

/**
 * The one error type the core throws. It carries a code and safe params only;
 * its message is the code, so a log line can never hold confidential content.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params?: ErrorParams;
  readonly fields?: FieldErrors;

  constructor(code: ErrorCode, details: { params?: ErrorParams; fields?: Record<string, ServiceFieldCode> } = {}) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = details.params;
    this.fields = details.fields;
  }
}

/** Invalid input as the schemas judged it: their codes are checked by the i18n test. */
export function invalidInput(fields: FieldErrors): AppError {
  const error = new AppError('call.invalidInput');
  return Object.assign(error, { fields });
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
