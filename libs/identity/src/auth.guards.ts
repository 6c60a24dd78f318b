import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainException, IS_PUBLIC, requestContext, ROLES_KEY, type AuthUser, type Role } from '@app/common';
import type { Request } from 'express';
import { AuthService } from './auth.service';

/** Global: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new DomainException('UNAUTHORIZED', '请先登录', 401);
    const user = await this.auth.authenticate(token);
    req.user = user;
    requestContext.setActor({ id: user.id, username: user.username, roles: user.roles });
    return true;
  }
}

/** Global: a route's @Roles(...) says which kinds of user may call it. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles || roles.length === 0) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user) return true; // public route
    if (!roles.some((r) => user.roles.includes(r))) throw new DomainException('FORBIDDEN', '无权执行此操作', 403);
    return true;
  }
}
