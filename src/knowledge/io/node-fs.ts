import type { IoLibraryKnowledge } from '../types-io';

// Every function of `fs` reads or writes the disk (stat and exists included: a metadata read is a disk read).
const callbackAndSync = [
  'access', 'appendFile', 'chmod', 'chown', 'close', 'copyFile', 'cp', 'exists', 'fchmod', 'fchown', 'fdatasync',
  'fstat', 'fsync', 'ftruncate', 'futimes', 'lchmod', 'lchown', 'link', 'lstat', 'lutimes', 'mkdir', 'mkdtemp', 'open',
  'opendir', 'read', 'readdir', 'readFile', 'readlink', 'readv', 'realpath', 'rename', 'rm', 'rmdir', 'stat', 'statfs',
  'symlink', 'truncate', 'unlink', 'utimes', 'write', 'writeFile', 'writev',
];
const streams = ['createReadStream', 'createWriteStream', 'openAsBlob', 'watch', 'watchFile'];
const promises = [
  'access', 'appendFile', 'chmod', 'chown', 'copyFile', 'cp', 'lchmod', 'lchown', 'link', 'lstat', 'lutimes', 'mkdir',
  'mkdtemp', 'open', 'opendir', 'readdir', 'readFile', 'readlink', 'realpath', 'rename', 'rm', 'rmdir', 'stat', 'statfs',
  'symlink', 'truncate', 'unlink', 'utimes', 'watch', 'writeFile',
];

export default {
  id: 'node-fs',
  name: 'node:fs',
  // `fs/promises` exports the promise API at its top level; `fs` has it under `promises`.
  modules: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra', 'graceful-fs'],
  packages: ['fs-extra', '@types/fs-extra', 'graceful-fs'],
  docs: 'https://nodejs.org/api/fs.html',
  // `const handle = await open(path)` … `handle.read()`: a FileHandle's methods are disk I/O too.
  factories: [
    { export: 'promises.open', via: 'call', creates: 'FileHandle' },
    { export: 'open', via: 'call', creates: 'FileHandle' },
  ],
  instanceTypes: { FileHandle: 'FileHandle' },
  io: {
    what: 'file-system access',
    waitsOn: 'the disk',
    calls: [
      ...callbackAndSync.map((name) => ({ export: name })),
      ...callbackAndSync.map((name) => ({ export: `${name}Sync` })),
      ...streams.map((name) => ({ export: name })),
      ...promises.map((name) => ({ export: `promises.${name}` })),
      // fs-extra's own additions.
      ...['copy', 'copySync', 'emptyDir', 'ensureDir', 'ensureFile', 'move', 'outputFile', 'outputJson', 'readJson', 'readJSON', 'remove', 'writeJson', 'writeJSON', 'pathExists', 'mkdirp', 'mkdirs'].map((name) => ({ export: name })),
      { instanceOf: 'FileHandle', methods: ['read', 'readFile', 'readLines', 'write', 'writeFile', 'appendFile', 'stat', 'truncate', 'sync', 'datasync', 'close', 'readv', 'writev'] },
    ],
  },
} satisfies IoLibraryKnowledge;
