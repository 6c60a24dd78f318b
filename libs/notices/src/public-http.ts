import { ArgumentsHost, Catch, CanActivate, ExceptionFilter, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AllExceptionsFilter, AppConfig, DomainException } from '@app/common';
import { renderErrorPage, type ErrorBodyLike } from './public-html';

/**
 * HTML or JSON for the public routes: `?format=html|json` wins; otherwise the Accept header; a
 * plain HTML form post (urlencoded, no preference for JSON) gets HTML, so the page works without
 * JavaScript. JSON is the default for API clients.
 */
export function wantsHtml(req: Request): boolean {
  const format = typeof req.query?.format === 'string' ? req.query.format : undefined;
  if (format === 'html') return true;
  if (format === 'json') return false;
  const preferred = req.accepts(['application/json', 'text/html']);
  if (preferred === 'text/html') return true;
  const accept = req.headers.accept ?? '';
  return Boolean(req.is('application/x-www-form-urlencoded')) && !accept.includes('application/json');
}

/** Byte limits of a public report: a few times the longest valid report, far below the global 1 MB. */
export const REPORT_JSON_BODY_LIMIT = 16 * 1024;
/** A form percent-encodes each Chinese character as 9 bytes: 5,000 characters need ~45 KB. */
export const REPORT_FORM_BODY_LIMIT = 48 * 1024;

/**
 * 413 PAYLOAD_TOO_LARGE on the report route above the limits. The body parser (global, 1 MB JSON,
 * 64 KB forms) has already read it; this refuses to go further with it. Without Content-Length
 * (chunked) the parsed body's size is measured instead.
 */
@Injectable()
export class ReportBodyLimitGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const form = Boolean(req.is('application/x-www-form-urlencoded'));
    const limit = form ? REPORT_FORM_BODY_LIMIT : REPORT_JSON_BODY_LIMIT;
    const declared = Number(req.headers['content-length']);
    const size = Number.isFinite(declared) ? declared : Buffer.byteLength(JSON.stringify(req.body ?? {}), 'utf8');
    if (size > limit) {
      throw new DomainException('PAYLOAD_TOO_LARGE', `提交内容过大（不超过 ${Math.round(limit / 1024)} KB）`, 413, { limitBytes: limit });
    }
    return true;
  }
}

/**
 * The house error mapping (AllExceptionsFilter) for the public routes, rendered as an HTML page
 * when the client asked for HTML (a browser posting the report form gets a readable page, not JSON).
 */
@Catch()
export class PublicPageExceptionFilter implements ExceptionFilter {
  private readonly json = new AllExceptionsFilter();

  constructor(private readonly config: AppConfig) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    if (!wantsHtml(req)) {
      this.json.catch(exception, host);
      return;
    }
    const captured: { status: number; body: ErrorBodyLike } = { status: 500, body: {} };
    const recorder = {
      status(code: number) {
        captured.status = code;
        return recorder;
      },
      json(body: ErrorBodyLike) {
        captured.body = body;
        return recorder;
      },
    };
    const recordingHost = {
      getArgs: () => host.getArgs(),
      getArgByIndex: (i: number) => host.getArgByIndex(i),
      getType: () => host.getType(),
      switchToRpc: () => host.switchToRpc(),
      switchToWs: () => host.switchToWs(),
      switchToHttp: () => ({ getRequest: () => req, getResponse: () => recorder, getNext: () => http.getNext() }),
    } as unknown as ArgumentsHost;
    this.json.catch(exception, recordingHost);
    res.status(captured.status).type('html').send(renderErrorPage(captured.body, this.config.NOTICE_ISSUER));
  }
}
