import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io } from './expect';

runRuleTests('no-io-in-transaction: Objection', rule, {
  valid: [
    `
import { Model } from 'objection';
import { promises as fs } from 'fs';
class Person extends Model { static tableName = 'persons'; }
export async function importPeople(file: string) {
  const rows = JSON.parse(await fs.readFile(file, 'utf8'));
  await Person.transaction(async (trx) => {
    await Person.query(trx).insert(rows);
    await Person.relatedQuery('pets', trx).for(1).delete();
  });
  await fs.unlink(file);
}
`,
  ],
  invalid: [
    {
      code: `
import { Model, transaction } from 'objection';
import { promises as fs } from 'fs';
class Person extends Model { static tableName = 'persons'; }
export async function importPeople(file: string) {
  await Person.transaction(async (trx) => {
    const rows = JSON.parse(await fs.readFile(file, 'utf8'));
    await Person.query(trx).insert(rows);
  });
  await transaction(Person.knex(), async (trx) => {
    await Person.query(trx).delete();
    await fs.unlink(file);
  });
  const trx = await Person.startTransaction();
  await fs.appendFile('/var/log/import.log', file);
  await trx.commit();
}
`,
      errors: [
        io(7, 35, 'fs.readFile()', 'node-fs', { by: 'Person.transaction()', line: 6 }),
        io(12, 11, 'fs.unlink()', 'node-fs', { by: 'transaction()', line: 10 }),
        io(15, 9, 'fs.appendFile()', 'node-fs', { by: 'Person.startTransaction()', line: 14 }),
      ],
    },
    // Objection 1-3's `transaction.start(knex)`: a manual region, like `Model.startTransaction()`.
    {
      code: `
import { Model, transaction } from 'objection';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
class Person extends Model { static tableName = 'persons'; }
const s3 = new S3Client({});
export async function archive(id: number, body: string) {
  const trx = await transaction.start(Person.knex());
  try {
    await Person.query(trx).deleteById(id);
    await s3.send(new PutObjectCommand({ Bucket: 'archive', Key: String(id), Body: body }));
    await trx.commit();
  } catch (error) {
    await trx.rollback();
    throw error;
  }
  await s3.send(new PutObjectCommand({ Bucket: 'audit', Key: String(id), Body: 'deleted' }));
}
`,
      errors: [io(10, 11, 's3.send()', 'aws-sdk-v3', { by: 'transaction.start()', line: 7 })],
    },
    // A model from another file, bound models and the handle last.
    {
      code: `
const { transaction } = require('objection');
const axios = require('axios');
const { Person, Animal } = require('./models');
async function adopt(personId, animalId) {
  await transaction(Person, Animal, async (BoundPerson, BoundAnimal, trx) => {
    await BoundAnimal.query().patch({ ownerId: personId }).where('id', animalId);
    await axios.post('https://registry.example.com/adoptions', { personId, animalId });
  });
  await Animal.transaction(async (trx) => {
    await Animal.query(trx).findById(animalId).patch({ adopted: true });
    await axios.put(\`https://registry.example.com/animals/\${animalId}\`);
  });
}
module.exports = { adopt };
`,
      js: true,
      errors: [
        io(8, 11, 'axios.post()', 'axios', { by: 'transaction()', line: 6 }),
        io(12, 11, 'axios.put()', 'axios', { by: 'Animal.transaction()', line: 10 }),
      ],
    },
  ],
});
