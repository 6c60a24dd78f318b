import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/common';
import { AuthController, UnitsController, UsersController } from './identity.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard, RolesGuard } from './auth.guards';
import { UnitEntity } from './unit.entity';
import { UnitsService } from './units.service';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, UnitEntity]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.JWT_SECRET, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
    }),
  ],
  controllers: [AuthController, UsersController, UnitsController],
  providers: [AuthService, UsersService, UnitsService, JwtAuthGuard, RolesGuard],
  exports: [AuthService, UsersService, UnitsService, JwtAuthGuard, RolesGuard],
})
export class IdentityModule {}
