import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, LoginThrottlerGuard, Public, Roles, type AuthUser } from '@app/common';
import { AuthService } from './auth.service';
import { CreateUnitDto, CreateUserDto, LoginDto, SetRolesDto, UnitDeliveryDto, UpdateUserDto, UserDirectoryQueryDto } from './identity.dto';
import { UnitsService } from './units.service';
import { UsersService } from './users.service';

@ApiTags('identity')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto.username, dto.password);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return user;
  }
}

@ApiTags('identity')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Roles('system_admin', 'security_admin')
  @Get()
  list() {
    return this.users.list();
  }

  /** Names of active inspectors or committee members, for the work plan's team and a vote's members. */
  @Roles('org_admin')
  @Get('directory')
  directory(@Query() q: UserDirectoryQueryDto) {
    return this.users.directory(q);
  }

  @Roles('system_admin')
  @Post()
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }

  @Roles('system_admin')
  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(id, dto);
  }

  @Roles('security_admin')
  @Put(':id/roles')
  setRoles(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SetRolesDto) {
    return this.users.setRoles(actor, id, dto.roles);
  }
}

@ApiTags('identity')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Roles('org_admin', 'system_admin')
  @Get()
  list() {
    return this.units.list();
  }

  @Roles('org_admin')
  @Post()
  create(@Body() dto: CreateUnitDto) {
    return this.units.create(dto);
  }

  @Roles('org_admin')
  @Put(':id/delivery')
  setDelivery(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UnitDeliveryDto) {
    return this.units.setDelivery(id, dto);
  }
}
