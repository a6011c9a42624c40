import type { IoLibraryKnowledge } from '../types-io';

/** NestJS's mailer module: `constructor(private readonly mailer: MailerService)` … `this.mailer.sendMail()`. */
export default {
  id: 'nestjs-mailer',
  name: '@nestjs-modules/mailer',
  modules: ['@nestjs-modules/mailer'],
  packages: ['@nestjs-modules/mailer'],
  docs: 'https://nest-modules.github.io/mailer/docs/mailer',
  instanceTypes: { MailerService: 'MailerService' },
  io: {
    what: 'an email sent through SMTP or a mail API',
    waitsOn: 'the network',
    calls: [{ instanceOf: 'MailerService', methods: ['sendMail'] }],
  },
} satisfies IoLibraryKnowledge;
