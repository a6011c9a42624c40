import type { IoLibraryKnowledge } from '../types-io';

export default {
  id: 'node-child-process',
  name: 'node:child_process',
  modules: ['child_process', 'node:child_process', 'execa'],
  packages: ['execa'],
  docs: 'https://nodejs.org/api/child_process.html',
  io: {
    what: 'a child process',
    waitsOn: 'the child process',
    calls: [
      ...['exec', 'execSync', 'execFile', 'execFileSync', 'spawn', 'spawnSync', 'fork'].map((name) => ({ export: name })),
      // execa
      ...['execa', 'execaSync', 'execaCommand', 'execaCommandSync', 'execaNode'].map((name) => ({ export: name })),
    ],
  },
} satisfies IoLibraryKnowledge;
