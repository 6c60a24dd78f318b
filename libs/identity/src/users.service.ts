import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '@app/audit';
import { AppConfig, DomainException, invalidField, notFound, SEPARATED_ADMIN_ROLES, type AuthUser, type Role } from '@app/common';
import type { CreateUserDto, UpdateUserDto, UserDirectoryEntry, UserDirectoryQueryDto, UserResponseDto } from './identity.dto';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';

export const mapUser = (u: UserEntity): UserResponseDto => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  roles: u.roles,
  unitId: u.unitId,
  active: u.active,
});

/** argon2id with OWASP's second recommended profile (19 MiB, t=2). */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  hashPassword(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  private checkPassword(password: string): void {
    if (password.length < this.config.PASSWORD_MIN_LENGTH) {
      throw invalidField('password', `密码至少 ${this.config.PASSWORD_MIN_LENGTH} 个字符`);
    }
  }

  private async checkUnit(m: EntityManager, unitId: string | null | undefined): Promise<void> {
    if (unitId && !(await m.existsBy(UnitEntity, { id: unitId }))) throw invalidField('unitId', '单位不存在');
  }

  async list(): Promise<UserResponseDto[]> {
    const users = await this.dataSource.getRepository(UserEntity).find({ order: { username: 'ASC' } });
    return users.map(mapUser);
  }

  async get(id: string): Promise<UserResponseDto> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw notFound('用户');
    return mapUser(user);
  }

  /** Active accounts with a role, by name: the organization department picks a team or a committee from it. */
  async directory(q: UserDirectoryQueryDto): Promise<{ items: UserDirectoryEntry[]; total: number; page: number; pageSize: number }> {
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('u').where('u.active AND :role = ANY(u.roles)', { role: q.role });
    const term = q.q?.trim();
    if (term) {
      qb.andWhere(`(u.display_name ILIKE :q ESCAPE '\\' OR u.username ILIKE :q ESCAPE '\\')`, { q: `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` });
    }
    const [rows, total] = await qb
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: rows.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName })), total, page: q.page, pageSize: q.pageSize };
  }

  /** Users by id (for features that show names, e.g. the inspection team). */
  async findByIds(ids: string[]): Promise<UserResponseDto[]> {
    if (ids.length === 0) return [];
    return (await this.dataSource.getRepository(UserEntity).findBy({ id: In(ids) })).map(mapUser);
  }

  /** Accounts are created without roles: granting them is the security administrator's job. */
  async create(dto: CreateUserDto, roles: Role[] = []): Promise<UserResponseDto> {
    this.checkPassword(dto.password);
    const passwordHash = await this.hashPassword(dto.password);
    return this.dataSource.transaction(async (m) => {
      await this.checkUnit(m, dto.unitId);
      if (await m.existsBy(UserEntity, { username: dto.username })) {
        throw new DomainException('USERNAME_TAKEN', '用户名已被使用', 409, { errors: [{ field: 'username', message: '用户名已被使用' }] });
      }
      const user = await m.save(
        m.create(UserEntity, { username: dto.username, displayName: dto.displayName, passwordHash, unitId: dto.unitId ?? null, roles }),
      );
      await this.audit.append(m, { action: 'user.created', entity: 'user', entityId: user.id, after: mapUser(user) });
      return mapUser(user);
    });
  }

  async update(id: string, dto: UpdateUserDto): Promise<UserResponseDto> {
    if (dto.password !== undefined) this.checkPassword(dto.password);
    const passwordHash = dto.password !== undefined ? await this.hashPassword(dto.password) : undefined;
    return this.dataSource.transaction(async (m) => {
      const user = await m.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('用户');
      await this.checkUnit(m, dto.unitId);
      const before = mapUser(user);
      if (dto.displayName !== undefined) user.displayName = dto.displayName;
      if (dto.unitId !== undefined) user.unitId = dto.unitId;
      if (dto.active !== undefined) user.active = dto.active;
      if (passwordHash) user.passwordHash = passwordHash;
      this.assertRoleBindings(user.roles, user.unitId);
      const saved = await m.save(user);
      await this.audit.append(m, {
        action: 'user.updated',
        entity: 'user',
        entityId: id,
        before,
        after: { ...mapUser(saved), passwordChanged: Boolean(passwordHash) },
      });
      return mapUser(saved);
    });
  }

  /** 三员分立: refuses two administrator roles on one account, and any change of one's own roles. */
  async setRoles(actor: AuthUser, id: string, roles: Role[]): Promise<UserResponseDto> {
    if (actor.id === id) throw new DomainException('SELF_ROLE_CHANGE', '不能修改自己的角色', 403);
    const admins = roles.filter((r) => SEPARATED_ADMIN_ROLES.includes(r));
    if (admins.length > 1) {
      throw new DomainException('ADMIN_ROLES_SEPARATED', `三员分立：一个账号不能同时拥有 ${admins.join('、')}`, 422, {
        errors: [{ field: 'roles', message: '系统管理员、安全管理员、安全审计员三者只能取其一' }],
      });
    }
    return this.dataSource.transaction(async (m) => {
      const user = await m.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('用户');
      this.assertRoleBindings(roles, user.unitId);
      const before = mapUser(user);
      user.roles = roles;
      const saved = await m.save(user);
      await this.audit.append(m, { action: 'user.roles_set', entity: 'user', entityId: id, before, after: mapUser(saved) });
      return mapUser(saved);
    });
  }

  private assertRoleBindings(roles: Role[], unitId: string | null): void {
    if (roles.includes('unit_respondent') && !unitId) {
      throw invalidField('roles', '征求意见单位经办人必须绑定一个单位（unitId）');
    }
  }

  /** For login only: the hash is never selected otherwise. */
  findForLogin(username: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
  }

  findActive(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id, active: true });
  }
}
