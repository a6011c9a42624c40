import amqplib from './amqplib';
import awsSdkV2 from './aws-sdk-v2';
import awsSdkV3 from './aws-sdk-v3';
import axios from './axios';
import azureStorage from './azure-storage';
import bullmq from './bullmq';
import fetch from './fetch';
import googleCloudStorage from './google-cloud-storage';
import googlePubsub from './google-pubsub';
import got from './got';
import ioredis from './ioredis';
import kafkajs from './kafkajs';
import ky from './ky';
import mailgun from './mailgun';
import nestjsAxios from './nestjs-axios';
import nestjsMailer from './nestjs-mailer';
import nestjsMicroservices from './nestjs-microservices';
import nodeChildProcess from './node-child-process';
import nodeDns from './node-dns';
import nodeFetch from './node-fetch';
import nodeFs from './node-fs';
import nodeHttp from './node-http';
import nodeNet from './node-net';
import nodeTimers from './node-timers';
import nodemailer from './nodemailer';
import postmark from './postmark';
import redis from './redis';
import sendgrid from './sendgrid';
import stripe from './stripe';
import superagent from './superagent';
import twilio from './twilio';
import undici from './undici';
import type { IoLibraryKnowledge } from '../types-io';

/**
 * Every external I/O library the plugin knows: HTTP clients, Node's network, file, process and
 * timer modules, cloud SDKs, mail, payment and messaging services, caches and queues.
 * Adding one means adding its file here; no engine or rule changes.
 */
export const ioLibraries: readonly IoLibraryKnowledge[] = [
  fetch,
  nodeHttp,
  nodeNet,
  nodeDns,
  nodeFs,
  nodeChildProcess,
  nodeTimers,
  axios,
  got,
  nodeFetch,
  undici,
  ky,
  superagent,
  nestjsAxios,
  awsSdkV3,
  awsSdkV2,
  googleCloudStorage,
  azureStorage,
  googlePubsub,
  nodemailer,
  nestjsMailer,
  sendgrid,
  mailgun,
  postmark,
  stripe,
  twilio,
  ioredis,
  redis,
  bullmq,
  amqplib,
  kafkajs,
  nestjsMicroservices,
];

export type { IoLibraryKnowledge } from '../types-io';
