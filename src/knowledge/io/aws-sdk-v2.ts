import type { IoLibraryKnowledge } from '../types-io';

const services = [
  'S3', 'SQS', 'SNS', 'SES', 'DynamoDB', 'Lambda', 'SecretsManager', 'SSM', 'KMS', 'Kinesis', 'Firehose', 'EventBridge',
  'CloudWatch', 'CloudWatchLogs', 'StepFunctions', 'CognitoIdentityServiceProvider', 'STS', 'Athena', 'Rekognition',
  'Textract', 'Comprehend', 'Translate', 'Polly', 'Pinpoint', 'IotData', 'ApiGatewayManagementApi', 'EC2', 'ECS', 'IAM',
];

export default {
  id: 'aws-sdk-v2',
  name: 'AWS SDK for JavaScript v2',
  modules: ['aws-sdk', ...services.map((name) => `aws-sdk/clients/${name.toLowerCase()}`)],
  packages: ['aws-sdk'],
  docs: 'https://docs.aws.amazon.com/AWSJavaScriptSDK/latest/',
  factories: [
    // `new AWS.S3()`, `new S3()` from `aws-sdk/clients/s3` (its default export), `new AWS.DynamoDB.DocumentClient()`.
    ...services.map((name) => ({ export: name, via: 'new' as const, creates: 'AwsV2Service' })),
    { export: 'default', via: 'new', creates: 'AwsV2Service' },
    { export: 'DynamoDB.DocumentClient', via: 'new', creates: 'AwsV2Service' },
    { export: 'S3.ManagedUpload', via: 'new', creates: 'AwsV2Service' },
  ],
  instanceTypes: Object.fromEntries([...services, 'DocumentClient'].map((name) => [name, 'AwsV2Service'])),
  io: {
    what: 'an AWS API call',
    waitsOn: 'the network',
    // Every service method sends a request (`s3.putObject(params).promise()`); signing a URL does not.
    calls: [{ instanceOf: 'AwsV2Service', methods: '*', except: ['getSignedUrl', 'createPresignedPost', 'on', 'setupRequestListeners', 'makeUnauthenticatedRequest'] }],
    resultTypes: ['PromiseResult'],
  },
} satisfies IoLibraryKnowledge;
