import rule from '../../../src/rules/no-outer-client-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { outer } from './expect';

const service = (options: string) => `
import { Injectable } from '@nestjs/common';
import { Sequelize, Model, Table, Column } from 'sequelize-typescript';

@Table
class Wallet extends Model {
  @Column balance!: number;
}

@Injectable()
export class WalletService {
  constructor(private readonly sequelize: Sequelize) {}

  async move(from: number, to: number, amount: number) {
    await this.sequelize.transaction(async (transaction) => {
      await Wallet.decrement('balance', { by: amount, where: { id: from }, transaction });
      await Wallet.increment('balance', { by: amount, where: { id: to }${options} });
    });
  }
}
`;

runRuleTests('no-outer-client-in-transaction: sequelize-typescript', rule, {
  valid: [service(', transaction')],
  invalid: [
    {
      code: service(''),
      errors: [
        outer(17, 13, {
          call: 'Wallet.increment()',
          client: 'Wallet',
          by: 'this.sequelize.transaction()',
          line: 15,
          library: 'sequelize-typescript',
          handle: 'transaction',
        }),
      ],
    },
  ],
});
