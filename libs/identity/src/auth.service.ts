import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { AppConfig, DomainException, type AuthUser } from '@app/common';
import type { UserResponseDto } from './identity.dto';
import { mapUser, UsersService } from './users.service';
import type { UserEntity } from './user.entity';

export interface TokenClaims {
  sub: string;
  ver: number;
}

export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  user: UserResponseDto;
}

const invalidCredentials = () => new DomainException('INVALID_CREDENTIALS', '用户名或密码错误', 401);

@Injectable()
export class AuthService {
  /** Verified against when the user does not exist, so timing does not reveal which usernames exist. */
  private dummyHash?: Promise<string>;

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async login(username: string, password: string): Promise<LoginResult> {
    const user = await this.users.findForLogin(username);
    this.dummyHash ??= this.users.hashPassword('kaocha-timing-equalizer');
    const ok = await argon2.verify(user?.passwordHash ?? (await this.dummyHash), password);
    if (!user || !ok || !user.active) {
      await this.dataSource.transaction((m) =>
        this.audit.append(m, { action: 'auth.login_failed', entity: 'user', entityId: user?.id ?? null, after: { username } }),
      );
      throw invalidCredentials();
    }
    await this.dataSource.transaction((m) =>
      this.audit.append(m, {
        action: 'auth.login',
        entity: 'user',
        entityId: user.id,
        actor: { id: user.id, username: user.username, roles: user.roles },
      }),
    );
    const claims: TokenClaims = { sub: user.id, ver: user.version };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.JWT_TTL_SECONDS });
    return { accessToken, expiresIn: this.config.JWT_TTL_SECONDS, user: mapUser(user) };
  }

  /** A bearer token's user, still active and with the roles it has now (not when the token was issued). */
  async authenticate(token: string): Promise<AuthUser> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & object>(token);
    } catch {
      throw new DomainException('INVALID_TOKEN', '登录已失效，请重新登录', 401);
    }
    const user = await this.users.findActive(claims.sub);
    if (!user || user.version !== claims.ver) throw new DomainException('INVALID_TOKEN', '登录已失效，请重新登录', 401);
    return toAuthUser(user);
  }
}

export const toAuthUser = (u: UserEntity): AuthUser => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  roles: u.roles,
  unitId: u.unitId,
});
