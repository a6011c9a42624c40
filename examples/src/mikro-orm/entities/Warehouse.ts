import { EntitySchema } from '@mikro-orm/core';

export interface Warehouse {
  id: number;
  code: string;
  city: string;
}

// Correct: an EntitySchema with explicit column types, sizes and nullability, and nothing eager.
export const Warehouse = new EntitySchema<Warehouse>({
  name: 'Warehouse',
  tableName: 'warehouses',
  properties: {
    id: { type: 'integer', primary: true },
    code: { type: 'string', length: 16, nullable: false, unique: true },
    city: { type: 'string', length: 80, nullable: false },
  },
});
