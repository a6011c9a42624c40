import { defineEntity, p } from '@mikro-orm/core';
import { Carrier } from './Carrier';
import { Warehouse } from './Warehouse';

export const Shipment = defineEntity({
  name: 'Shipment',
  tableName: 'shipments',
  properties: {
    id: p.integer().primary(),
    orderId: p.uuid().index(),
    trackingCode: p.string().length(64).nullable(),
    carrier: () => p.manyToOne(Carrier).eager(), // deliberate: no-eager-relations — every shipment query joins carriers
    warehouse: () => p.manyToOne(Warehouse),
    shippedAt: p.datetime().nullable(),
  },
});
