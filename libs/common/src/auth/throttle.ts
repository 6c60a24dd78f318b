import { Injectable, Type } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

export type ThrottlerName = 'login' | 'public';

/**
 * A guard that applies only the named throttler (the module defines several, each guard picks
 * one), counting per `tracker` of the request.
 */
export function throttlerGuardFor(name: ThrottlerName, tracker: (req: Record<string, any>) => string): Type<ThrottlerGuard> {
  @Injectable()
  class NamedThrottlerGuard extends ThrottlerGuard {
    override async onModuleInit(): Promise<void> {
      await super.onModuleInit();
      this.throttlers = this.throttlers.filter((t) => t.name === name);
    }

    protected override getTracker(req: Record<string, any>): Promise<string> {
      return Promise.resolve(tracker(req));
    }
  }
  Object.defineProperty(NamedThrottlerGuard, 'name', { value: `${name[0].toUpperCase()}${name.slice(1)}ThrottlerGuard` });
  return NamedThrottlerGuard;
}

const clientIp = (req: Record<string, any>): string => String(req.ip ?? req.socket?.remoteAddress ?? 'unknown');

/** Login attempts are counted per address and username: office NATs share one address. */
export const LoginThrottlerGuard = throttlerGuardFor('login', (req) => `${clientIp(req)}|${String(req.body?.username ?? '').toLowerCase()}`);

/** Public endpoints (report intake) are counted per client address. */
export const PublicThrottlerGuard = throttlerGuardFor('public', clientIp);
