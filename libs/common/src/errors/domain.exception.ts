/**
 * The one exception type services throw. It carries a stable upper-case `code` that clients
 * branch on, the HTTP status the global filter answers with, and any extra fields of the body
 * (e.g. `unmet` for GATE_UNMET). Services never throw Nest HttpExceptions.
 */
export class DomainException extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainException';
  }
}

export const notFound = (what: string, extra: Record<string, unknown> = {}) =>
  new DomainException('NOT_FOUND', `${what}不存在或无权访问`, 404, extra);
export const forbidden = (message = '无权执行此操作') => new DomainException('FORBIDDEN', message, 403);
export const conflict = (message: string, extra: Record<string, unknown> = {}) =>
  new DomainException('CONFLICT', message, 409, extra);
export const unprocessable = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new DomainException(code, message, 422, extra);
/** A 400 naming the field, in the same shape as class-validator failures. */
export const invalidField = (field: string, message: string) =>
  new DomainException('VALIDATION_FAILED', '请求参数有误', 400, { errors: [{ field, message }] });
