import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainException } from './domain.exception';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  [key: string]: unknown;
}

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** Postgres errors a client can cause; anything else is our fault and stays a 500. */
function mapQueryError(err: QueryFailedError): ErrorBody | undefined {
  const pg = err.driverError as { code?: string; detail?: string } | undefined;
  switch (pg?.code ?? '') {
    case '23505':
      return { statusCode: 409, code: 'CONFLICT', message: '记录已存在' };
    case '23503':
      return { statusCode: 409, code: 'CONFLICT', message: '引用的记录不存在或仍被引用' };
    case '40001':
    case '40P01':
    case '55P03':
      return { statusCode: 409, code: 'CONFLICT', message: '并发修改冲突，请刷新后重试' };
    case '22P02':
      return { statusCode: 400, code: 'VALIDATION_FAILED', message: '请求参数有误', errors: [] };
    default:
      return undefined;
  }
}

/**
 * Maps every error to `{statusCode, code, message, ...}`. 5xx are logged with an errorId that the
 * body repeats, so a clerk's screenshot leads to the log line without leaking internals.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      const errorId = randomUUID();
      body.errorId = errorId;
      this.logger.error({ err: exception, errorId }, 'unhandled error');
    }
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainException) {
      return { statusCode: exception.status, code: exception.code, message: exception.message, ...exception.extra };
    }
    if (exception instanceof ThrottlerException) {
      return { statusCode: 429, code: 'TOO_MANY_REQUESTS', message: '请求过于频繁，请稍后再试' };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const raw = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
      // body-parser reports malformed JSON and oversized bodies as HttpErrors with a `type`.
      const message =
        status === 413 ? '请求内容过大' : typeof raw.message === 'string' ? raw.message : exception.message;
      return { ...raw, statusCode: status, code: (raw.code as string) ?? HTTP_CODES[status] ?? 'ERROR', message };
    }
    if (exception instanceof QueryFailedError) {
      const mapped = mapQueryError(exception);
      if (mapped) return mapped;
    }
    const status = (exception as { status?: number; statusCode?: number })?.status ?? (exception as { statusCode?: number })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Errors raised by Express middleware (body-parser) before Nest sees the request.
      const type = (exception as { type?: string }).type;
      if (type === 'entity.too.large') return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大' };
      return { statusCode: status, code: status === 400 ? 'BAD_REQUEST' : HTTP_CODES[status] ?? 'ERROR', message: '请求格式有误' };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL_ERROR', message: '服务器内部错误' };
  }
}
