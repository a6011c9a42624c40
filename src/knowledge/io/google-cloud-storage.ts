import type { IoLibraryKnowledge } from '../types-io';

export default {
  id: 'google-cloud-storage',
  name: 'Google Cloud Storage',
  modules: ['@google-cloud/storage'],
  packages: ['@google-cloud/storage'],
  docs: 'https://cloud.google.com/nodejs/docs/reference/storage/latest',
  factories: [{ export: 'Storage', via: 'new', creates: 'Storage' }],
  instanceTypes: { Storage: 'Storage', Bucket: 'Storage', File: 'Storage' },
  io: {
    what: 'a cloud storage request',
    waitsOn: 'the network',
    calls: [
      {
        instanceOf: 'Storage',
        // `storage.bucket(name)` and `bucket.file(path)` only make handles; these send requests.
        methods: [
          'save', 'download', 'upload', 'delete', 'exists', 'get', 'getFiles', 'getMetadata', 'setMetadata', 'copy', 'move',
          'rename', 'makePublic', 'makePrivate', 'createWriteStream', 'createReadStream', 'getBuckets', 'createBucket',
          'deleteFiles', 'getSignedUrl', 'combine', 'create',
        ],
        deep: true,
      },
    ],
    resultTypes: ['DownloadResponse', 'UploadResponse', 'SaveResponse'],
  },
} satisfies IoLibraryKnowledge;
