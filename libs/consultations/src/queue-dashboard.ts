import { Controller, HttpCode, Injectable, Module, NestMiddleware, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig, DomainException, hasRole, Roles } from '@app/common';
import { AuthService } from '@app/identity';
import { ALL_QUEUES } from '@app/queue';

export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';
const COOKIE = 'kaocha_queues';

function tokenOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/**
 * Bull Board is an Express router outside Nest's guards, so it is guarded here: a bearer token
 * (API clients) or the same token in an HttpOnly cookie (a browser, which cannot add headers to
 * the page's own requests), checked by AuthService like every request, for org_admin only.
 */
@Injectable()
export class QueueDashboardAuth implements NestMiddleware {
  constructor(private readonly auth: AuthService) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const token = tokenOf(req);
    if (!token) return deny(res, 401, 'UNAUTHORIZED', '请先登录');
    try {
      const user = await this.auth.authenticate(token);
      if (!hasRole(user, 'org_admin')) return deny(res, 403, 'FORBIDDEN', '只有组织部工作人员可以查看任务队列');
    } catch (err) {
      if (err instanceof DomainException) return deny(res, err.status, err.code, err.message);
      throw err;
    }
    next();
  }
}

function deny(res: Response, statusCode: number, code: string, message: string): void {
  res.status(statusCode).json({ statusCode, code, message });
}

/** Hands a browser the cookie that opens the dashboard: POST with the bearer token, then open the page. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
export class QueueDashboardSessionController {
  constructor(private readonly config: AppConfig) {}

  @Roles('org_admin')
  @Post('queues-session')
  @HttpCode(204)
  open(@Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    const secure = this.config.PUBLIC_BASE_URL.startsWith('https:') ? '; Secure' : '';
    res.setHeader(
      'set-cookie',
      `${COOKIE}=${encodeURIComponent(tokenOf(req) ?? '')}; Path=/api${QUEUE_DASHBOARD_ROUTE}; HttpOnly; SameSite=Strict; Max-Age=${this.config.JWT_TTL_SECONDS}${secure}`,
    );
  }
}

/** Bull Board at /api/admin/queues (API process only). */
@Module({
  imports: [
    BullBoardModule.forRoot({ route: QUEUE_DASHBOARD_ROUTE, adapter: ExpressAdapter, middleware: QueueDashboardAuth }),
    BullBoardModule.forFeature(...ALL_QUEUES.map((name) => ({ name, adapter: BullMQAdapter }))),
  ],
  controllers: [QueueDashboardSessionController],
})
export class QueueDashboardModule {}
