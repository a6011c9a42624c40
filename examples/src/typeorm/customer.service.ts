import type { DataSource, Repository } from 'typeorm';
import { Customer } from './entities/Customer';

export class CustomerService {
  private readonly customers: Repository<Customer>;

  constructor(dataSource: DataSource) {
    this.customers = dataSource.getRepository(Customer);
  }

  /** Right: closing an account keeps the row (orders still point at it); `restore()` reopens it. */
  close(id: string): Promise<unknown> {
    return this.customers.softDelete(id);
  }

  reopen(id: string): Promise<unknown> {
    return this.customers.restore(id);
  }

  /** Wrong: the account is gone for good, though the entity says customers are soft-deleted. */
  closeForGood(id: string): Promise<unknown> {
    return this.customers.delete(id); // deliberate: prefer-soft-delete — a hard delete of a soft-deleted entity
  }

  /** A hard delete that is meant, and says why. */
  eraseOnRequest(id: string): Promise<unknown> {
    // eslint-disable-next-line dbconventions/prefer-soft-delete -- GDPR erasure request: the row must not be kept
    return this.customers.delete(id);
  }
}
