import { Global, Module } from '@nestjs/common';
import { Clock } from './clock/clock';
import { AppConfigModule } from './config/config.module';
import { FieldCipher } from './crypto/field-cipher';
import { RedisModule } from './redis/redis.module';

/** Configuration, Redis, the clock and the field cipher: what every process needs. */
@Global()
@Module({
  imports: [AppConfigModule, RedisModule],
  providers: [Clock, FieldCipher],
  exports: [AppConfigModule, RedisModule, Clock, FieldCipher],
})
export class CommonModule {}
