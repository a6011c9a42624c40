import type { EntityManager } from '@mikro-orm/core';
import { Review } from './entities/Review';
import { Reviewer } from './entities/Reviewer';
import { Shipment } from './entities/Shipment';

export class ReviewService {
  constructor(private readonly em: EntityManager) {}

  /** The product page lists reviews with their reviewer: populated for this query. */
  forProduct(productSku: string): Promise<Review[]> {
    return this.em.find(Review, { productSku }, { populate: ['reviewer'], orderBy: { createdAt: 'desc' }, limit: 20 });
  }

  reviewerProfile(id: number): Promise<Reviewer> {
    return this.em.findOneOrFail(Reviewer, id, { populate: ['reviews'] });
  }

  /** Tracking page: the shipment with its carrier and warehouse. */
  trackShipment(orderId: string) {
    return this.em.findOne(Shipment, { orderId }, { populate: ['carrier', 'warehouse'] });
  }
}
