import type { MigrationInterface, QueryRunner } from 'typeorm';

// Correct: `down` undoes `up` in reverse order.
// deliberate: no-applied-migration-edit — the index was added to this migration after it was applied
// (migrations.manifest.jsonl records the earlier version): production never gets it. Write a new one.
export class AddOrdersTable1700000000000 implements MigrationInterface {
  name = 'AddOrdersTable1700000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "status" character varying(20) NOT NULL DEFAULT 'pending', "totalCents" integer NOT NULL, "customerId" uuid NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_orders" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_orders_customer_status" ON "orders" ("customerId", "status")`);
    await queryRunner.query(
      `ALTER TABLE "orders" ADD CONSTRAINT "FK_orders_customer" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE RESTRICT`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" DROP CONSTRAINT "FK_orders_customer"`);
    await queryRunner.query(`DROP INDEX "IDX_orders_customer_status"`);
    await queryRunner.query(`DROP TABLE "orders"`);
  }
}
