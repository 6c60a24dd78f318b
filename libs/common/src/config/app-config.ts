import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : typeof value === 'boolean' ? value : ['1', 'true', 'yes', 'on'].includes(`${value as string}`.toLowerCase());
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every setting the processes read, validated once at start-up. Defaults work on a developer
 * machine; secrets have no default on purpose (`npm run setup` writes a local .env with fresh ones).
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/vetting';

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key the project writes (queues, rate limits, clock); lets test runs share a server. */
  @IsString()
  @Matches(/^[a-z0-9:_-]+$/i)
  REDIS_PREFIX = 'kaocha';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters (run `npm run setup` to create one)' })
  JWT_SECRET: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  JWT_TTL_SECONDS = 8 * 3600;

  /** 32-byte AES-256-GCM key, base64, for fields encrypted at rest (ID numbers, reporter contacts, webhook secrets). */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'FIELD_ENCRYPTION_KEY must be 32 bytes in base64 (run `npm run setup`)' })
  FIELD_ENCRYPTION_KEY: string;

  @IsIn(['sha256', 'sm3'])
  AUDIT_HASH: 'sha256' | 'sm3' = 'sha256';

  @Transform(toBool)
  @IsBoolean()
  RUN_MIGRATIONS = true;

  @Transform(toBool)
  @IsBoolean()
  ENABLE_TEST_CLOCK = false;

  @Transform(toInt)
  @IsInt()
  @Min(8)
  PASSWORD_MIN_LENGTH = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_WINDOW_SECONDS = 60;

  /** Requests per minute per client address on public endpoints (report intake). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PUBLIC_RATE_LIMIT = 30;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS = 500;

  @IsString()
  PUBLIC_BASE_URL = 'http://127.0.0.1:3000';

  @IsOptional()
  @IsString()
  SIGNING_P12_PATH?: string;

  @IsOptional()
  @IsString()
  SIGNING_P12_PASSPHRASE?: string;

  @IsOptional()
  @IsString()
  SMTP_URL?: string;

  /** 举报电话 printed on every public notice (the national 12380 line by default). */
  @IsString()
  @MinLength(1)
  REPORT_PHONE = '12380';

  /** 来信来访地址 printed on every public notice. */
  @IsString()
  @MinLength(1)
  REPORT_ADDRESS = '县委组织部干部监督科（县行政中心3楼），邮编000000';

  /** Who signs the public notices. */
  @IsString()
  @MinLength(1)
  NOTICE_ISSUER = '中共示范县委组织部';

  /** Days a closed notice stays readable on the public page (reports then arrive flagged late). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  NOTICE_PUBLIC_RETENTION_DAYS = 30;
}

export class ConfigInvalidError extends Error {}

/** Validates `env` into an AppConfig, or throws one readable sentence per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(AppConfig, defined, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigInvalidError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return config;
}
