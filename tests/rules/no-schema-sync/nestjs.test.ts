import rule from '../../../src/rules/no-schema-sync';
import { runRuleTests } from '../../helpers/rule-tester';
import { cases } from './expect';

runRuleTests('no-schema-sync: NestJS TypeORM and Sequelize modules', rule, {
  valid: [
    `
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
@Module({
  imports: [TypeOrmModule.forRoot({ type: 'postgres', autoLoadEntities: true, synchronize: false, migrationsRun: true })],
})
export class AppModule {}
`,
    // \`forFeature\` registers repositories; it has no synchronize option.
    `
import { TypeOrmModule } from '@nestjs/typeorm';
import { Order } from './order.entity';
export const orders = TypeOrmModule.forFeature([Order]);
`,
    // Auto-loaded Sequelize models with synchronize turned off.
    {
      code: `
import { SequelizeModule } from '@nestjs/sequelize';
export const database = SequelizeModule.forRoot({ dialect: 'postgres', autoLoadModels: true, synchronize: false });
`,
      js: true,
    },
    {
      code: `
import { GraphModule } from './graph';
export const graph = GraphModule.forRoot({ autoLoadModels: true });
`,
      js: true,
    },
    // A look-alike module of another library with the same option name.
    {
      code: `
import { CacheModule } from './cache';
export const cache = CacheModule.forRoot({ synchronize: true });
`,
      js: true,
    },
  ],
  invalid: cases([
    // @nestjs/sequelize synchronizes auto-loaded models unless told not to.
    {
      code: `
import { SequelizeModule } from '@nestjs/sequelize';
export const database = SequelizeModule.forRoot({ dialect: 'postgres', autoLoadModels: true });
`,
      js: true,
      errors: [
        {
          messageId: 'impliedSync',
          line: 3,
          column: 72,
          suggestions: [
            {
              messageId: 'addFalse',
              output: `
import { SequelizeModule } from '@nestjs/sequelize';
export const database = SequelizeModule.forRoot({ dialect: 'postgres', autoLoadModels: true, synchronize: false });
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
@Module({
  imports: [
    TypeOrmModule.forRoot({
      type: 'postgres',
      autoLoadEntities: true,
      synchronize: true,
    }),
  ],
})
export class AppModule {}
`,
      errors: [[9, 7]],
    },
    // forRootAsync's factory, an arrow returning the options or a block with a return.
    {
      code: `
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigService } from '@nestjs/config';
export const database = TypeOrmModule.forRootAsync({
  inject: [ConfigService],
  useFactory: (config: ConfigService) => ({ type: 'postgres', url: config.get('DATABASE_URL'), synchronize: true }),
});
export const replica = TypeOrmModule.forRootAsync({
  useFactory: async () => {
    return { type: 'postgres', synchronize: true };
  },
});
`,
      errors: [[6, 96], [10, 32]],
    },
    // An options factory class: the method is declared to return the module's options type.
    {
      code: `
import { Injectable } from '@nestjs/common';
import { TypeOrmOptionsFactory, TypeOrmModuleOptions } from '@nestjs/typeorm';
@Injectable()
export class TypeOrmConfigService implements TypeOrmOptionsFactory {
  createTypeOrmOptions(): TypeOrmModuleOptions {
    return { type: 'postgres', autoLoadEntities: true, synchronize: true };
  }
}
`,
      errors: [[7, 56]],
    },
    // A shared options object spread into the module's options.
    {
      code: `
const { SequelizeModule } = require('@nestjs/sequelize');
const base = { dialect: 'postgres', autoLoadModels: true, synchronize: true };
module.exports.database = SequelizeModule.forRoot({ ...base, logging: false });
`,
      js: true,
      errors: [[3, 59]],
    },
    {
      code: `
import { SequelizeModule } from '@nestjs/sequelize';
export const database = SequelizeModule.forRootAsync({
  useFactory: () => ({ dialect: 'mysql', autoLoadModels: true, synchronize: true }),
});
`,
      js: true,
      errors: [[4, 64]],
    },
  ]),
});
