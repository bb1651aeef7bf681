import type { ErrorCode, ErrorParams, FieldErrors } from '../../shared/errors';

/**
 * The one error type the core throws. It carries a code and safe params only;
 * its message is the code, so a log line can never hold confidential content.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params?: ErrorParams;
  readonly fields?: FieldErrors;

  constructor(code: ErrorCode, details: { params?: ErrorParams; fields?: FieldErrors } = {}) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = details.params;
    this.fields = details.fields;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
