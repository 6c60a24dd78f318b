import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { AuditModule } from '@app/audit';
import { CommonModule, loadConfig, type Role } from '@app/common';
import { DatabaseModule } from '@app/database';
import { IdentityModule, UnitsService, UsersService, type UnitKind } from '@app/identity';
import { preflight } from '@app/platform';

/** The demo county: six consulted units, two work units, a supervising unit. */
const UNITS: { name: string; kind: UnitKind; respondent?: string }[] = [
  { name: '示范县纪委监委', kind: 'discipline_commission', respondent: 'discipline' },
  { name: '示范县人民检察院', kind: 'procuratorate', respondent: 'procuratorate' },
  { name: '中共示范县委政法委员会', kind: 'political_legal_committee', respondent: 'political_legal' },
  { name: '示范县审计局', kind: 'audit_bureau', respondent: 'audit' },
  { name: '示范县卫生健康委员会', kind: 'health_commission', respondent: 'health' },
  { name: '城关镇东门社区', kind: 'community', respondent: 'community' },
  { name: '示范县发展和改革局', kind: 'work_unit' },
  { name: '示范县教育体育局', kind: 'work_unit' },
  { name: '示范县政协机关义务监督组', kind: 'supervising_unit' },
];

interface Account {
  username: string;
  displayName: string;
  roles: Role[];
  unit?: string;
}

const ACCOUNTS: Account[] = [
  { username: 'admin1', displayName: '组织部干部一科 王敏', roles: ['org_admin'] },
  { username: 'admin2', displayName: '组织部干部一科 李强', roles: ['org_admin'] },
  { username: 'inspector1', displayName: '考察组 赵磊', roles: ['inspector'] },
  { username: 'inspector2', displayName: '考察组 钱芳', roles: ['inspector'] },
  { username: 'inspector3', displayName: '考察组 孙浩', roles: ['inspector'] },
  ...UNITS.filter((u) => u.respondent).map((u) => ({
    username: u.respondent!,
    displayName: `${u.name}经办人`,
    roles: ['unit_respondent'] as Role[],
    unit: u.name,
  })),
  { username: 'supervisor1', displayName: '义务监督员 周静', roles: ['supervisor'], unit: '示范县政协机关义务监督组' },
  { username: 'supervisor2', displayName: '义务监督员 吴刚', roles: ['supervisor'] },
  ...Array.from({ length: 9 }, (_, i) => ({
    username: `member${i + 1}`,
    displayName: i === 0 ? '县委书记 郑国栋' : `县委常委 ${['冯', '陈', '褚', '卫', '蒋', '沈', '韩', '杨'][i - 1]}委员`,
    roles: ['committee_member'] as Role[],
  })),
  { username: 'sysadmin', displayName: '系统管理员', roles: ['system_admin'] },
  { username: 'secadmin', displayName: '安全管理员', roles: ['security_admin'] },
  { username: 'auditor', displayName: '安全审计员', roles: ['audit_admin'] },
];

@Module({ imports: [CommonModule, DatabaseModule, AuditModule, IdentityModule] })
class SeedModule {}

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  await preflight(loadConfig());
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const units = app.get(UnitsService);
    const users = app.get(UsersService);
    const existingUnits = new Map((await units.list()).map((u) => [u.name, u.id]));
    let created = 0;
    for (const u of UNITS) {
      if (!existingUnits.has(u.name)) {
        existingUnits.set(u.name, (await units.create({ name: u.name, kind: u.kind })).id);
        created++;
      }
    }
    const existingUsers = new Set((await users.list()).map((u) => u.username));
    const given = process.env.DEMO_PASSWORD;
    const password = given ?? `Demo-${randomBytes(6).toString('base64url')}`;
    const made: string[] = [];
    for (const a of ACCOUNTS) {
      if (existingUsers.has(a.username)) continue;
      await users.create(
        { username: a.username, displayName: a.displayName, password, unitId: a.unit ? existingUnits.get(a.unit)! : null },
        a.roles,
      );
      made.push(a.username);
    }
    console.log(`seed: ${created} unit(s) and ${made.length} account(s) created; the rest existed already`);
    if (made.length > 0) {
      console.log(
        given ? 'seed: new accounts use DEMO_PASSWORD' : `seed: password of the new demo accounts (shown once): ${password}`,
      );
    }
  } finally {
    await app.close();
  }
}

main().catch((err: Error) => {
  console.error(`seed failed: ${err.message}`);
  process.exit(1);
});
