import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

export const ROLES = [
  'org_admin',
  'inspector',
  'unit_respondent',
  'supervisor',
  'committee_member',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  org_admin: '组织部工作人员',
  inspector: '考察组成员',
  unit_respondent: '征求意见单位经办人',
  supervisor: '义务监督员',
  committee_member: '常委',
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '安全审计员',
};

/** 等保 三员分立: no account may hold two of these. */
export const SEPARATED_ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

/** The authenticated caller, as guards put it on the request. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string | null;
}

export const hasRole = (user: AuthUser, ...roles: Role[]): boolean => roles.some((r) => user.roles.includes(r));

export const IS_PUBLIC = 'kaocha:public';
export const ROLES_KEY = 'kaocha:roles';

/** No login needed (public notices, report intake, document verification, login itself). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Any of these roles may call the route; per-object checks happen in the service. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
