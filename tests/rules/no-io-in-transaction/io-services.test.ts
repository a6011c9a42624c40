// Mail (Nodemailer, SendGrid, Mailgun, Postmark, @nestjs-modules/mailer), payments and SMS (Stripe, Twilio),
// caches (ioredis, node-redis), queues and brokers (BullMQ, Bull, amqplib, KafkaJS, @nestjs/microservices).
import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io } from './expect';

const tx = (line: number) => ({ by: 'db.transaction()', line });

runRuleTests('no-io-in-transaction: mail, payments, caches, queues', rule, {
  valid: [
    // Configuration and local work on the clients: API keys, events, webhook signatures, building a pipeline.
    `
import { db } from './db';
import sgMail from '@sendgrid/mail';
import Stripe from 'stripe';
import Redis from 'ioredis';
const stripe = new Stripe(process.env.STRIPE_KEY!);
const redis = new Redis();
export async function handleWebhook(body: string, signature: string) {
  await db.transaction(async (trx) => {
    sgMail.setApiKey(process.env.SG_KEY!);
    const event = stripe.webhooks.constructEvent(body, signature, process.env.WHSEC!);
    redis.on('error', (err) => console.error(err));
    const pipeline = redis.pipeline();
    await trx('events').insert({ id: event.id, type: event.type, queued: pipeline.length });
  });
}
`,
    // The outbox pattern: the message is a row written in the same transaction, sent later by a worker.
    `
import { db } from './db';
export async function placeOrder(order: { id: number; email: string }) {
  await db.transaction(async (trx) => {
    await trx('orders').insert(order);
    await trx('outbox').insert({ topic: 'order.placed', payload: JSON.stringify(order) });
  });
}
`,
    // \`send\` on objects that are not queues: an Express response, a WebSocket, a process.
    `
import { db } from './db';
import type { Request, Response } from 'express';
export async function create(req: Request, res: Response, socket: { send(data: string): void }) {
  const order = await db.transaction(async (trx) => {
    const [row] = await trx('orders').insert(req.body).returning('*');
    socket.send(JSON.stringify(row));
    process.send?.({ created: row.id });
    res.status(201);
    return row;
  });
  res.send(order);
}
`,
  ],
  invalid: [
    {
      code: `
import { db } from './db';
import nodemailer from 'nodemailer';
import sgMail from '@sendgrid/mail';
import Mailgun from 'mailgun.js';
import FormData from 'form-data';
import * as postmark from 'postmark';
const transporter = nodemailer.createTransport({ host: 'smtp.example.com' });
const mailgun = new Mailgun(FormData);
const mg = mailgun.client({ username: 'api', key: process.env.MG_KEY! });
const pm = new postmark.ServerClient(process.env.PM_TOKEN!);
export async function welcome(email: string) {
  sgMail.setApiKey(process.env.SG_KEY!);
  await db.transaction(async (trx) => {
    await trx('users').insert({ email });
    await transporter.sendMail({ to: email, subject: 'Welcome' });
    await sgMail.send({ to: email, from: 'a@example.com', subject: 'Welcome' });
    await mg.messages.create('example.com', { to: email, subject: 'Welcome' });
    await pm.sendEmailWithTemplate({ To: email, From: 'a@example.com', TemplateAlias: 'welcome', TemplateModel: {} });
  });
}
`,
      errors: [
        io(16, 11, 'transporter.sendMail()', 'nodemailer', tx(14)),
        io(17, 11, 'sgMail.send()', 'sendgrid', tx(14)),
        io(18, 11, 'mg.messages.create()', 'mailgun', tx(14)),
        io(19, 11, 'pm.sendEmailWithTemplate()', 'postmark', tx(14)),
      ],
    },
    // NestJS: injected MailerService and ClientProxy, recognised from the constructor's annotations.
    {
      code: `
import { Injectable, Inject } from '@nestjs/common';
import { MailerService } from '@nestjs-modules/mailer';
import { ClientProxy } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
@Injectable()
export class SignupService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: MailerService,
    @Inject('BILLING') private readonly billing: ClientProxy,
  ) {}
  async signUp(email: string) {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert('user', { email });
      await this.mailer.sendMail({ to: email, template: 'welcome' });
      this.billing.emit('user_created', { email });
    });
  }
}
`,
      errors: [
        io(16, 13, 'this.mailer.sendMail()', 'nestjs-mailer', { by: 'this.dataSource.transaction()', line: 14 }),
        io(17, 7, 'this.billing.emit()', 'nestjs-microservices', { by: 'this.dataSource.transaction()', line: 14 }),
      ],
    },
    {
      code: `
import { db } from './db';
import Stripe from 'stripe';
import twilio from 'twilio';
const stripe = new Stripe(process.env.STRIPE_KEY!);
const sms = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
export async function charge(orderId: number, customer: string, body: string, signature: string) {
  const event = stripe.webhooks.constructEvent(body, signature, 'whsec');
  await db.transaction(async (trx) => {
    await trx('orders').where({ id: orderId }).update({ state: 'charging', event: event.id });
    await stripe.paymentIntents.create({ amount: 1000, currency: 'eur', customer });
    const refund = await stripe.refunds.create({ payment_intent: 'pi_1' });
    await sms.messages.create({ to: '+15550001', from: '+15550000', body: \`refund \${refund.id}\` });
    await sms.calls('CA123').update({ status: 'completed' });
  });
}
`,
      errors: [
        io(11, 11, 'stripe.paymentIntents.create()', 'stripe', tx(9)),
        io(12, 26, 'stripe.refunds.create()', 'stripe', tx(9)),
        io(13, 11, 'sms.messages.create()', 'twilio', tx(9)),
        io(14, 11, 'sms.calls(…).update()', 'twilio', tx(9)),
      ],
    },
    {
      code: `
import { db } from './db';
import Redis from 'ioredis';
import { createClient } from 'redis';
import { Queue, FlowProducer } from 'bullmq';
import Bull from 'bull';
import amqp from 'amqplib';
import { Kafka } from 'kafkajs';
const redis = new Redis(process.env.REDIS_URL!);
const client = createClient({ url: process.env.REDIS_URL });
const queue = new Queue('mail');
const flows = new FlowProducer();
const legacy = new Bull('legacy');
const kafka = new Kafka({ clientId: 'app', brokers: ['kafka:9092'] });
export async function enqueue(id: number) {
  const connection = await amqp.connect('amqp://rabbit');
  const channel = await connection.createChannel();
  const producer = kafka.producer();
  await db.transaction(async (trx) => {
    await trx('jobs').insert({ id });
    await redis.set(\`job:\${id}\`, 'queued', 'EX', 60);
    await redis.multi().incr('jobs').expire('jobs', 60).exec();
    await client.hSet(\`job:\${id}\`, { state: 'queued' });
    await queue.add('send', { id });
    await flows.add({ name: 'root', queueName: 'mail', data: { id } });
    await legacy.add({ id });
    channel.sendToQueue('jobs', Buffer.from(String(id)));
    channel.publish('events', 'job.created', Buffer.from(String(id)));
    await producer.send({ topic: 'jobs', messages: [{ value: String(id) }] });
  });
}
`,
      errors: [
        io(21, 11, 'redis.set()', 'ioredis', tx(19)),
        io(22, 11, 'redis.multi(…).incr(…).expire(…).exec()', 'ioredis', tx(19)),
        io(23, 11, 'client.hSet()', 'redis', tx(19)),
        io(24, 11, 'queue.add()', 'bullmq', tx(19)),
        io(25, 11, 'flows.add()', 'bullmq', tx(19)),
        io(26, 11, 'legacy.add()', 'bullmq', tx(19)),
        io(27, 5, 'channel.sendToQueue()', 'amqplib', tx(19)),
        io(28, 5, 'channel.publish()', 'amqplib', tx(19)),
        io(29, 11, 'producer.send()', 'kafkajs', tx(19)),
      ],
    },
  ],
});
