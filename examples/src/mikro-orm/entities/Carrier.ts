import { defineEntity } from '@mikro-orm/core';
import { Shipment } from './Shipment';

// Correct: the builder form with the `p` parameter, and no eager relation.
export const Carrier = defineEntity({
  name: 'Carrier',
  tableName: 'carriers',
  properties: (p) => ({
    id: p.integer().primary(),
    code: p.string().length(16).unique(),
    name: p.string().length(80),
    shipments: () => p.oneToMany(Shipment).mappedBy('carrier'),
  }),
});
