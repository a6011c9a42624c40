import type { MigrationInterface, QueryRunner } from 'typeorm';

// deliberate: require-migration-down — `down` is empty, so this column can never be rolled back
export class AddCustomerCountry1700000600000 implements MigrationInterface {
  name = 'AddCustomerCountry1700000600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "customers" ADD "country" character(2) NOT NULL DEFAULT 'DE'`);
  }

  public async down(): Promise<void> {}
}
