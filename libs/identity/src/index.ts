export * from './unit.entity';
export * from './user.entity';
export * from './identity.dto';
export * from './users.service';
export * from './units.service';
export * from './auth.service';
export * from './auth.guards';
export * from './identity.module';
