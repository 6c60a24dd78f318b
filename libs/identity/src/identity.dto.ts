import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
import { Optional, ROLES, Text, ValidateUUID, type Role, PageQueryDto } from '@app/common';
import { UNIT_KINDS, type UnitKind } from './unit.entity';

export class LoginDto {
  @ApiProperty()
  @IsString({ message: '必须是文本' })
  @MinLength(1, { message: '不能为空' })
  @MaxLength(64)
  username: string;

  @ApiProperty()
  @IsString({ message: '必须是文本' })
  @MinLength(1, { message: '不能为空' })
  @MaxLength(256)
  password: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'clerk1' })
  @Matches(/^[a-z][a-z0-9_.-]{2,31}$/, { message: '用户名须为 3–32 位小写字母、数字或 _ . -，以字母开头' })
  username: string;

  @ApiProperty({ example: '张三' })
  @Text(64)
  displayName: string;

  @ApiProperty()
  @IsString({ message: '必须是文本' })
  @MaxLength(256)
  password: string;

  @ApiPropertyOptional()
  @Optional({ nullable: true })
  @ValidateUUID()
  unitId?: string | null;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @Optional()
  @Text(64)
  displayName?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString({ message: '必须是文本' })
  @MaxLength(256)
  password?: string;

  @ApiPropertyOptional()
  @Optional({ nullable: true })
  @ValidateUUID()
  unitId?: string | null;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean({ message: '必须是布尔值' })
  active?: boolean;
}

export class SetRolesDto {
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray({ message: '必须是数组' })
  @ArrayUnique({ message: '角色不能重复' })
  @IsIn(ROLES, { each: true, message: `角色必须是 ${ROLES.join(', ')} 之一` })
  roles: Role[];
}

export class CreateUnitDto {
  @ApiProperty({ example: '县纪委监委' })
  @Text(100)
  name: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS, { message: `类型必须是 ${UNIT_KINDS.join(', ')} 之一` })
  kind: UnitKind;
}

export class UnitDeliveryDto {
  @ApiPropertyOptional()
  @Optional({ nullable: true })
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: '必须是 http(s) 地址' })
  webhookUrl?: string | null;

  @ApiPropertyOptional()
  @Optional({ nullable: true })
  @IsString()
  @MinLength(16, { message: '签名密钥至少 16 个字符' })
  @MaxLength(256)
  webhookSecret?: string | null;

  @ApiPropertyOptional()
  @Optional({ nullable: true })
  @IsEmail({}, { message: '必须是有效的电子邮件地址' })
  email?: string | null;
}

export class UserResponseDto {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string | null;
  active: boolean;
}

export class UnitResponseDto {
  id: string;
  name: string;
  kind: UnitKind;
  webhookUrl: string | null;
  hasWebhookSecret: boolean;
  email: string | null;
}


/** Active accounts holding a role, for pickers (the inspection team, the committee members of a vote). */
export class UserDirectoryQueryDto extends PageQueryDto {
  @ApiProperty({ enum: ['inspector', 'committee_member', 'supervisor', 'org_admin'] })
  @IsIn(['inspector', 'committee_member', 'supervisor', 'org_admin'], { message: '角色必须是 inspector、committee_member、supervisor 或 org_admin 之一' })
  role: Extract<Role, 'inspector' | 'committee_member' | 'supervisor' | 'org_admin'>;

  @ApiPropertyOptional({ description: '按姓名或用户名查找' })
  @Optional()
  @IsString({ message: '必须是文本' })
  @MaxLength(50)
  q?: string;

  /** The screens of this list show 50 rows at a time. */
  override pageSize = 50;
}

export interface UserDirectoryEntry {
  id: string;
  username: string;
  displayName: string;
}
