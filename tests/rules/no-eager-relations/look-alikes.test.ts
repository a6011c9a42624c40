import rule from '../../../src/rules/no-eager-relations';
import { runRuleTests } from '../../helpers/rule-tester';

// `eager: true` and `include` are common words: only ORM relation options count.
runRuleTests('no-eager-relations: look-alikes', rule, {
  valid: [
    // Webpack module federation.
    {
      code: `
const { ModuleFederationPlugin } = require('webpack').container;
module.exports = {
  plugins: [new ModuleFederationPlugin({ name: 'shell', shared: { react: { singleton: true, eager: true } } })],
};
`,
      js: true,
    },
    // Vite's import.meta.glob.
    {
      code: `
const modules = import.meta.glob('./entities/*.ts', { eager: true });
export default modules;
`,
      js: true,
    },
    // Decorators from unrelated packages with relation-like names.
    `
import { ManyToOne } from 'type-graphql-relations';
import { OneToMany } from '@nestjs-query/query-graphql';
export class Dto {
  @ManyToOne(() => Object, { eager: true }) a!: object;
  @OneToMany(() => Object, { eager: true }) b!: object[];
}
`,
    // A TypeORM import in the file, but eager: true passed to something else.
    `
import { ManyToOne } from 'typeorm';
import { lazyLoad } from './loader';
export const widgets = lazyLoad({ eager: true });
function configure(options: { eager: boolean }) { return options; }
configure({ eager: true });
`,
    // include in find options and in unrelated APIs.
    {
      code: `
const { Model } = require('sequelize');
class Order extends Model {}
Order.findAll({ include: [{ all: true }] });
const tsconfig = { include: ['src'] };
const glob = require('glob');
glob.sync('**/*.js', { include: ['lib'] });
`,
      js: true,
    },
    // defaultScope as a word in other code.
    {
      code: `
const permissions = { defaultScope: { include: ['read'] } };
const oauth = makeClient({ defaultScope: { include: ['profile', 'email'] } });
`,
      js: true,
    },
    // eager computed dynamically: we do not guess.
    `
import { ManyToOne } from 'typeorm';
const EAGER = process.env.EAGER === '1';
export class Photo {
  @ManyToOne(() => Photo, { eager: EAGER })
  parent!: Photo;
}
`,
    // A spread of shared options: the eager flag is not written here.
    `
import { ManyToOne } from 'typeorm';
const common = { eager: false };
export class Photo {
  @ManyToOne(() => Photo, { ...common, nullable: true })
  parent!: Photo;
}
`,
  ],
  invalid: [],
});
