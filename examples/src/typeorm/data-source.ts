import { DataSource } from 'typeorm';
import { Category } from './entities/Category';
import { Customer } from './entities/Customer';
import { Order } from './entities/Order';
import { OrderItem } from './entities/OrderItem';
import { Product } from './entities/Product';

export const dataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entities: [Category, Customer, Order, OrderItem, Product],
  migrations: ['dist/src/migrations/*.js'],
  synchronize: false,
  // Four API replicas × 20 stays well under the database's max_connections of 200.
  poolSize: 20,
});
