// Methods made transactional by decorators (typeorm-transactional, @nestjs-cls/transactional, MikroORM,
// TypeORM 0.2, Vendure) and transaction helpers (`runInTransaction`, `txHost.withTransaction`), with the
// after-commit hooks that are the right place for I/O.
import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io, through } from './expect';

runRuleTests('no-io-in-transaction: transactional decorators and helpers', rule, {
  valid: [
    // I/O deferred to after commit with typeorm-transactional's hooks.
    `
import { Transactional, runOnTransactionCommit, runOnTransactionComplete } from 'typeorm-transactional';
import type { Repository } from 'typeorm';
import axios from 'axios';
export class UserService {
  constructor(private readonly users: Repository<{ id: number; email: string }>) {}
  @Transactional()
  async register(email: string) {
    const user = await this.users.save({ email } as never);
    runOnTransactionCommit(() => axios.post('https://crm.example.com/contacts', { email }));
    runOnTransactionComplete(async (error) => {
      if (error) await axios.post('https://alerts.example.com', { email });
    });
    return user;
  }
  // Not decorated: no transaction here.
  async sync(email: string) {
    await axios.post('https://crm.example.com/sync', { email });
  }
}
`,
    // A decorator that is not about transactions.
    `
import { Get, Controller } from '@nestjs/common';
@Controller('health')
export class HealthController {
  @Get()
  async check() {
    return fetch('https://upstream.example.com/health').then((r) => r.status);
  }
}
`,
  ],
  invalid: [
    {
      code: `
import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterPrisma } from '@nestjs-cls/transactional-adapter-prisma';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class AccountService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterPrisma>,
    private readonly http: HttpService,
  ) {}

  @Transactional()
  async open(ownerId: number) {
    const account = await this.txHost.tx.account.create({ data: { ownerId } });
    await firstValueFrom(this.http.post('https://kyc.example.com/checks', { ownerId }));
    return account;
  }

  async close(id: number) {
    await this.txHost.withTransaction(async () => {
      await this.txHost.tx.account.update({ where: { id }, data: { closed: true } });
      await this.report(id);
    });
  }

  private async report(id: number) {
    await firstValueFrom(this.http.post('https://ledger.example.com/closed', { id }));
  }
}
`,
      errors: [
        io(18, 26, 'this.http.post()', 'nestjs-axios', { by: '@Transactional()', line: 15 }),
        through(25, 13, 'this.report()', ['this.http.post()'], 'nestjs-axios', { by: 'this.txHost.withTransaction()', line: 23 }),
      ],
    },
    // TypeORM 0.2's @Transaction() and typeorm-transactional's runInTransaction().
    {
      code: `
import { Transaction, TransactionManager, EntityManager } from 'typeorm';
import { runInTransaction } from 'typeorm-transactional';
import { writeFileSync } from 'fs';
export class LegacyService {
  @Transaction({ isolation: 'SERIALIZABLE' })
  async save(@TransactionManager() manager: EntityManager, user: { id: number }) {
    await manager.save(user);
    writeFileSync(\`/tmp/users/\${user.id}\`, JSON.stringify(user));
  }
  async bulk(users: { id: number }[], manager: EntityManager) {
    await runInTransaction(async () => {
      await manager.save(users);
      writeFileSync('/tmp/users/bulk', String(users.length));
    });
  }
}
`,
      errors: [
        io(9, 5, 'writeFileSync()', 'node-fs', { by: "@Transaction({ isolation: 'SERIALIZABLE' })", line: 6 }),
        io(14, 7, 'writeFileSync()', 'node-fs', { by: 'runInTransaction()', line: 12 }),
      ],
    },
  ],
});
