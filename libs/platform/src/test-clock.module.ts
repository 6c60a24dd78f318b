import { Body, Controller, DynamicModule, HttpCode, Module, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Clock, Instant, Public } from '@app/common';

class SetClockDto {
  @Instant()
  now: string;
}

@ApiExcludeController()
@Controller('test/clock')
class TestClockController {
  constructor(private readonly clock: Clock) {}

  // Public on purpose: the route exists only in test deployments (ENABLE_TEST_CLOCK=1).
  @Public()
  @Post()
  @HttpCode(200)
  async set(@Body() dto: SetClockDto) {
    await this.clock.set(new Date(dto.now));
    return { now: this.clock.now().toISOString() };
  }
}

/** POST /api/test/clock exists only when ENABLE_TEST_CLOCK=1 is set; otherwise there is no route at all. */
@Module({})
export class TestClockModule {
  static register(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const enabled = ['1', 'true'].includes(String(env.ENABLE_TEST_CLOCK ?? '').toLowerCase());
    return { module: TestClockModule, controllers: enabled ? [TestClockController] : [] };
  }
}
