import { MigrationInterface, QueryRunner } from 'typeorm';

/** 居住地社区: the community a cadre lives in, consulted for them (六征求) instead of every community. */
export class CadreCommunity1764490400000 implements MigrationInterface {
  name = 'CadreCommunity1764490400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cadre ADD COLUMN community_unit_id uuid REFERENCES unit(id) ON DELETE RESTRICT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cadre DROP COLUMN community_unit_id`);
  }
}
