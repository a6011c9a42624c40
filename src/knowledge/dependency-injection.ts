/**
 * Dependency injection of a framework that is not a database library itself (NestJS), as plain data:
 * how a field names what it is handed (`@Inject('DB')`), and how a custom provider says what it
 * gives (`{ provide: 'DB', useFactory: () => knex(config) }`). Read by the import engine (a field
 * injected by token is what its one provider makes), the module engine (where providers are
 * written) and the lifetime engine (a provider factory runs once).
 */
export default {
  /** The decorator that names a field's token, and the module it must be imported from by name. */
  inject: { module: '@nestjs/common', decorator: 'Inject' },
  /** The keys of a custom provider object. */
  provider: { token: 'provide', value: 'useValue', factory: 'useFactory' },
} as const;
