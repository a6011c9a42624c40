import type { IoLibraryKnowledge } from '../types-io';

export default {
  id: 'azure-storage',
  name: 'Azure Storage (blobs, queues) and Service Bus',
  modules: ['@azure/storage-blob', '@azure/storage-queue', '@azure/service-bus'],
  packages: ['@azure/storage-blob', '@azure/storage-queue', '@azure/service-bus'],
  docs: 'https://learn.microsoft.com/javascript/api/@azure/storage-blob/',
  factories: [
    { export: 'BlobServiceClient', via: 'new', creates: 'AzureClient' },
    { export: 'BlobServiceClient.fromConnectionString', via: 'call', creates: 'AzureClient' },
    { export: 'ContainerClient', via: 'new', creates: 'AzureClient' },
    { export: 'BlockBlobClient', via: 'new', creates: 'AzureClient' },
    { export: 'QueueServiceClient', via: 'new', creates: 'AzureClient' },
    { export: 'QueueServiceClient.fromConnectionString', via: 'call', creates: 'AzureClient' },
    { export: 'QueueClient', via: 'new', creates: 'AzureClient' },
    { export: 'ServiceBusClient', via: 'new', creates: 'AzureClient' },
  ],
  instanceTypes: {
    BlobServiceClient: 'AzureClient',
    ContainerClient: 'AzureClient',
    BlobClient: 'AzureClient',
    BlockBlobClient: 'AzureClient',
    QueueServiceClient: 'AzureClient',
    QueueClient: 'AzureClient',
    ServiceBusClient: 'AzureClient',
    ServiceBusSender: 'AzureClient',
  },
  io: {
    what: 'a cloud storage or messaging request',
    waitsOn: 'the network',
    calls: [
      {
        instanceOf: 'AzureClient',
        // `getContainerClient()`, `getBlockBlobClient()`, `createSender()` only make handles.
        methods: [
          'upload', 'uploadData', 'uploadFile', 'uploadStream', 'download', 'downloadToBuffer', 'downloadToFile', 'delete',
          'deleteIfExists', 'exists', 'create', 'createIfNotExists', 'setMetadata', 'getProperties', 'listBlobsFlat',
          'listBlobsByHierarchy', 'beginCopyFromURL', 'syncCopyFromURL', 'sendMessage', 'sendMessages', 'scheduleMessages',
          'receiveMessages', 'deleteMessage', 'updateMessage', 'peekMessages', 'clearMessages', 'createContainer',
          'deleteContainer', 'createQueue', 'deleteQueue',
        ],
        deep: true,
      },
    ],
  },
} satisfies IoLibraryKnowledge;
