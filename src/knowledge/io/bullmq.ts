import type { IoLibraryKnowledge } from '../types-io';

export default {
  id: 'bullmq',
  name: 'BullMQ / Bull',
  modules: ['bullmq', 'bull', 'bee-queue'],
  packages: ['bullmq', 'bull', '@types/bull', 'bee-queue'],
  docs: 'https://docs.bullmq.io/guide/queues/adding-bulks',
  factories: [
    { export: 'Queue', via: 'new', creates: 'Queue' },
    { export: 'FlowProducer', via: 'new', creates: 'Queue' },
    // bull: `new Bull('name')`, `Bull('name')`; bee-queue: `new Queue('name')` (its default export).
    { export: 'default', via: 'new', creates: 'Queue' },
    { export: 'default', via: 'call', creates: 'Queue' },
  ],
  instanceTypes: { Queue: 'Queue', FlowProducer: 'Queue' },
  io: {
    what: 'a job added to a queue (a Redis round trip)',
    waitsOn: 'the network',
    calls: [
      {
        instanceOf: 'Queue',
        methods: ['add', 'addBulk', 'getJob', 'getJobs', 'pause', 'resume', 'remove', 'removeRepeatable', 'removeJobScheduler', 'upsertJobScheduler', 'drain', 'clean', 'obliterate', 'count', 'getJobCounts', 'save', 'retry'],
        // `const job = await queue.getJob(id); await job.remove()`; bee-queue's `queue.createJob(data).save()`.
        deep: true,
      },
    ],
    resultTypes: ['Job'],
  },
} satisfies IoLibraryKnowledge;
