import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import { DomainException, Public, REDIS } from '@app/common';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Public()
  @Get()
  async check() {
    try {
      return await this.health.check([() => this.db.pingCheck('postgres', { timeout: 2000 }), () => this.redisCheck()]);
    } catch (err) {
      const body = (err as { getResponse?: () => { error?: Record<string, unknown>; details?: unknown } }).getResponse?.();
      const down = Object.keys(body?.error ?? {});
      if (!body) throw err;
      throw new DomainException('SERVICE_UNAVAILABLE', `服务不可用：${down.join('、')} unreachable`, 503, {
        status: 'error',
        down,
        details: body.details,
      });
    }
  }

  private async redisCheck() {
    const indicator = this.indicators.check('redis');
    try {
      const pong = await Promise.race([
        this.redis.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
      ]);
      return pong === 'PONG' ? indicator.up() : indicator.down({ message: String(pong) });
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    }
  }
}
