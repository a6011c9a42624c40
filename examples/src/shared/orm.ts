// The shop's ORM entry point: TypeORM plus the shop's own column helpers, so that an entity
// imports everything from one module (`@shop/orm`, a path in tsconfig.json). ESLint learns that
// this module is TypeORM from `settings.dbconventions.libraryModules` in eslint.config.mjs.
export * from 'typeorm';
export { MoneyColumn } from './money-column';
