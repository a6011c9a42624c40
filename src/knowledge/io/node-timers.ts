import type { IoLibraryKnowledge } from '../types-io';

export default {
  id: 'node-timers',
  name: 'sleeps (timers/promises, new Promise + setTimeout)',
  modules: ['timers/promises', 'node:timers/promises'],
  packages: [],
  docs: 'https://nodejs.org/api/timers.html#timerspromisessettimeoutdelay-value-options',
  io: {
    what: 'a sleep',
    waitsOn: 'a timer',
    calls: [{ export: 'setTimeout' }, { export: 'scheduler.wait' }],
    // `await new Promise((resolve) => setTimeout(resolve, 1000))`
    promiseTimers: ['setTimeout'],
  },
} satisfies IoLibraryKnowledge;
