import type { MigrationInterface, QueryRunner } from 'typeorm';

// Correct: irreversible, and `down` says why and what to do instead.
export class DropLegacyCouponsTable1700000900000 implements MigrationInterface {
  name = 'DropLegacyCouponsTable1700000900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "legacy_coupons"`);
  }

  public async down(): Promise<void> {
    throw new Error(
      'Irreversible: legacy_coupons was archived to s3://shop-archive/legacy_coupons.csv before the drop; restore it from there, not by rolling back.',
    );
  }
}
