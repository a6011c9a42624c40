import rule from '../../../src/rules/require-migration-down';
import { runEspreeTests, runMigrationRuleTests } from '../migration-testing';

const CALLBACK_SKELETON = `
'use strict';

var dbm;
var type;
var seed;

exports.setup = function(options, seedLink) {
  dbm = options.dbmigrate;
  type = dbm.dataType;
  seed = seedLink;
};

exports.up = function(db, callback) {
  db.createTable('pets', { id: { type: 'int', primaryKey: true } }, callback);
};

exports.down = function(db, callback) {
  callback();
};

exports._meta = {
  "version": 1
};
`;

runMigrationRuleTests('require-migration-down: db-migrate', rule, {
  valid: [
    {
      filename: 'migrations/20240101120000-add-pets.js',
      code: `
exports.up = function (db, callback) {
  db.createTable('pets', { id: { type: 'int', primaryKey: true } }, callback);
};
exports.down = function (db, callback) {
  db.dropTable('pets', callback);
};
`,
    },
    // The promise style.
    {
      filename: 'migrations/20240102120000-add-owners.js',
      code: `
exports.up = function (db) {
  return db.runSql('CREATE TABLE owners (id int)');
};
exports.down = function (db) {
  return db.runSql('DROP TABLE owners');
};
`,
    },
    // The --sql-file template: down reads its SQL from a file (the CLI checks that file).
    {
      filename: 'migrations/20240103120000-add-toys.js',
      code: `
var fs = require('fs');
var path = require('path');
exports.down = function(db) {
  var filePath = path.join(__dirname, 'sqls', '20240103120000-add-toys-down.sql');
  return new Promise(function(resolve, reject) {
    fs.readFile(filePath, { encoding: 'utf-8' }, function(err, data) {
      if (err) return reject(err);
      resolve(data);
    });
  }).then(function(data) {
    return db.runSql(data);
  });
};
exports.up = function(db) {
  return db.runSql('CREATE TABLE toys (id int)');
};
`,
    },
  ],
  invalid: [
    // The generated skeleton's down only calls the callback.
    {
      filename: 'migrations/20240104120000-add-pets.js',
      code: CALLBACK_SKELETON,
      errors: [{ messageId: 'emptyDown', line: 14, column: 1, endColumn: 11, data: { what: 'it only calls the completion callback', note: '', undo: ': drop table `pets`' } }],
    },
    {
      filename: 'migrations/20240105120000-add-vets.js',
      code: `
exports.up = function (db, cb) { db.runSql('CREATE TABLE vets (id int)', cb); };
exports.down = function (db, cb) { db.runSql('', cb); };
`,
      errors: [{ messageId: 'emptyDown', line: 2, column: 1, data: { what: 'it runs an empty SQL string', note: '', undo: ': drop table `vets`' } }],
    },
    {
      filename: 'migrations/20240106120000-add-walks.js',
      code: `
exports.up = function (db) { return db.addColumn('pets', 'walked_at', 'timestamp'); };
exports.down = function () { return null; };
`,
      errors: [{ messageId: 'emptyDown', line: 2, column: 1, data: { what: 'it only returns', note: '', undo: ': drop column `walked_at` from `pets`' } }],
    },
  ],
});

runEspreeTests(
  'require-migration-down: db-migrate',
  rule,
  { valid: [], invalid: [{ filename: 'migrations/20240107120000-add-pets.js', code: CALLBACK_SKELETON, errors: [{ messageId: 'emptyDown', line: 14, column: 1 }] }] },
  { commonjs: true },
);
