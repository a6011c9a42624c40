// Cloud SDKs: AWS v3 (bare and aggregated clients, DynamoDB documents, lib-storage; SQS and SNS), AWS v2
// (`.promise()` requests), Google Cloud Storage and Pub/Sub, Azure blobs, queues and Service Bus.
import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io } from './expect';

const tx = (line: number) => ({ by: 'db.transaction()', line });

runRuleTests('no-io-in-transaction: cloud SDKs', rule, {
  valid: [
    // Signing a URL is local; making handles (`bucket()`, `file()`, `getContainerClient()`) is local.
    `
import { db } from './db';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Storage } from '@google-cloud/storage';
import { BlobServiceClient } from '@azure/storage-blob';
const s3 = new S3Client({});
const gcs = new Storage();
const blobs = BlobServiceClient.fromConnectionString(process.env.AZURE!);
export async function link(id: number) {
  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'docs', Key: String(id) }));
  await db.transaction(async (trx) => {
    const file = gcs.bucket('docs').file(String(id));
    const blob = blobs.getContainerClient('docs').getBlockBlobClient(String(id));
    await trx('links').insert({ id, url, gcs: file.name, azure: blob.url });
  });
}
`,
    // The upload done first, the message sent after.
    `
import { db } from './db';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const s3 = new S3Client({});
const sqs = new SQSClient({});
export async function store(id: number, body: Buffer) {
  await s3.send(new PutObjectCommand({ Bucket: 'files', Key: String(id), Body: body }));
  await db.transaction(async (trx) => {
    await trx('files').insert({ id, key: String(id) });
  });
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL!, MessageBody: String(id) }));
}
`,
  ],
  invalid: [
    {
      code: `
import { db } from './db';
import { S3Client, PutObjectCommand, S3 } from '@aws-sdk/client-s3';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Upload } from '@aws-sdk/lib-storage';
const s3 = new S3Client({});
const s3agg = new S3({});
const sqs = new SQSClient({});
const sns = new SNSClient({});
const docs = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export async function publish(id: number, body: Buffer) {
  await db.transaction(async (trx) => {
    await trx('reports').where({ id }).update({ state: 'published' });
    await s3.send(new PutObjectCommand({ Bucket: 'r', Key: \`\${id}\`, Body: body }));
    await s3agg.putObject({ Bucket: 'r', Key: \`\${id}.bak\`, Body: body });
    await sqs.send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: String(id) }));
    await sns.send(new PublishCommand({ TopicArn: 't', Message: String(id) }));
    await docs.send(new PutCommand({ TableName: 'reports', Item: { id } }));
    await new Upload({ client: s3, params: { Bucket: 'r', Key: 'big', Body: body } }).done();
  });
}
`,
      errors: [
        io(17, 11, 's3.send()', 'aws-sdk-v3', tx(15)),
        io(18, 11, 's3agg.putObject()', 'aws-sdk-v3', tx(15)),
        io(19, 11, 'sqs.send()', 'aws-sdk-v3', tx(15)),
        io(20, 11, 'sns.send()', 'aws-sdk-v3', tx(15)),
        io(21, 11, 'docs.send()', 'aws-sdk-v3', tx(15)),
        io(22, 11, 'new Upload(…).done()', 'aws-sdk-v3', tx(15)),
      ],
    },
    {
      code: `
const AWS = require('aws-sdk');
const SQS = require('aws-sdk/clients/sqs');
const { db } = require('./db');
const s3 = new AWS.S3();
const sqs = new SQS({ region: 'eu-west-1' });
const documents = new AWS.DynamoDB.DocumentClient();
async function archive(id, body) {
  await db.transaction(async (trx) => {
    await trx('files').where({ id }).update({ archived: true });
    await s3.putObject({ Bucket: 'archive', Key: String(id), Body: body }).promise();
    await sqs.sendMessage({ QueueUrl: 'q', MessageBody: String(id) }).promise();
    await documents.put({ TableName: 't', Item: { id } }).promise();
    const url = s3.getSignedUrl('getObject', { Bucket: 'archive', Key: String(id) });
    return url;
  });
}
module.exports = { archive };
`,
      js: true,
      errors: [
        io(11, 11, 's3.putObject()', 'aws-sdk-v2', tx(9)),
        io(12, 11, 'sqs.sendMessage()', 'aws-sdk-v2', tx(9)),
        io(13, 11, 'documents.put()', 'aws-sdk-v2', tx(9)),
      ],
    },
    {
      code: `
import { db } from './db';
import { Storage } from '@google-cloud/storage';
import { BlobServiceClient } from '@azure/storage-blob';
import { QueueClient } from '@azure/storage-queue';
import { ServiceBusClient } from '@azure/service-bus';
import { PubSub } from '@google-cloud/pubsub';
const gcs = new Storage();
const blobs = BlobServiceClient.fromConnectionString(process.env.AZURE!);
const queue = new QueueClient(process.env.AZURE!, 'jobs');
const bus = new ServiceBusClient(process.env.BUS!);
const pubsub = new PubSub();
export async function store(id: number, data: Buffer) {
  await db.transaction(async (trx) => {
    await trx('docs').insert({ id });
    const file = gcs.bucket('docs').file(\`\${id}\`);
    await file.save(data);
    await blobs.getContainerClient('docs').getBlockBlobClient(\`\${id}\`).uploadData(data);
    await queue.sendMessage(String(id));
    await bus.createSender('jobs').sendMessages({ body: id });
    await pubsub.topic('docs').publishMessage({ json: { id } });
  });
}
`,
      errors: [
        io(17, 11, 'file.save()', 'google-cloud-storage', tx(14)),
        io(18, 11, 'blobs.getContainerClient(…).getBlockBlobClient(…).uploadData()', 'azure-storage', tx(14)),
        io(19, 11, 'queue.sendMessage()', 'azure-storage', tx(14)),
        io(20, 11, 'bus.createSender(…).sendMessages()', 'azure-storage', tx(14)),
        io(21, 11, 'pubsub.topic(…).publishMessage()', 'google-pubsub', tx(14)),
      ],
    },
  ],
});
