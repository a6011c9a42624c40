import { Column, type ColumnOptions } from 'typeorm';

/** Amounts are integer cents, never floats: every price and total goes through this column. */
export function MoneyColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return Column({ ...options, type: 'integer', nullable: options.nullable ?? false });
}
