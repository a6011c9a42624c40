import type { IoLibraryKnowledge } from '../types-io';

// Package suffix → service name; `@aws-sdk/client-s3` exports `S3Client` (bare client: `send(command)`) and `S3`
// (aggregated client: one method per command, `s3.putObject(input)`).
const services: ReadonlyArray<readonly [string, string]> = [
  ['s3', 'S3'], ['sqs', 'SQS'], ['sns', 'SNS'], ['ses', 'SES'], ['sesv2', 'SESv2'], ['dynamodb', 'DynamoDB'],
  ['lambda', 'Lambda'], ['secrets-manager', 'SecretsManager'], ['ssm', 'SSM'], ['kms', 'KMS'], ['kinesis', 'Kinesis'],
  ['firehose', 'Firehose'], ['eventbridge', 'EventBridge'], ['cloudwatch', 'CloudWatch'], ['cloudwatch-logs', 'CloudWatchLogs'],
  ['sfn', 'SFN'], ['cognito-identity-provider', 'CognitoIdentityProvider'], ['sts', 'STS'], ['athena', 'Athena'],
  ['bedrock-runtime', 'BedrockRuntime'], ['textract', 'Textract'], ['rekognition', 'Rekognition'], ['comprehend', 'Comprehend'],
  ['translate', 'Translate'], ['polly', 'Polly'], ['pinpoint', 'Pinpoint'], ['scheduler', 'Scheduler'], ['iot-data-plane', 'IoTDataPlane'],
  ['apigatewaymanagementapi', 'ApiGatewayManagementApi'], ['ec2', 'EC2'], ['ecs', 'ECS'], ['iam', 'IAM'], ['cloudfront', 'CloudFront'],
  ['route-53', 'Route53'], ['glue', 'Glue'], ['sagemaker-runtime', 'SageMakerRuntime'], ['timestream-write', 'TimestreamWrite'],
];
const clientNames = services.flatMap(([, name]) => [`${name}Client`, name]);

export default {
  id: 'aws-sdk-v3',
  name: 'AWS SDK for JavaScript v3',
  modules: [...services.map(([pkg]) => `@aws-sdk/client-${pkg}`), '@aws-sdk/lib-dynamodb', '@aws-sdk/lib-storage'],
  packages: [...services.map(([pkg]) => `@aws-sdk/client-${pkg}`), '@aws-sdk/lib-dynamodb', '@aws-sdk/lib-storage'],
  docs: 'https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/',
  factories: [
    ...clientNames.map((name) => ({ export: name, via: 'new' as const, creates: 'AwsClient' })),
    { export: 'DynamoDBDocumentClient.from', via: 'call', creates: 'AwsClient' },
    { export: 'DynamoDBDocument.from', via: 'call', creates: 'AwsClient' },
    { export: 'Upload', via: 'new', creates: 'Upload' },
  ],
  instanceTypes: {
    ...Object.fromEntries(clientNames.map((name) => [name, 'AwsClient'])),
    DynamoDBDocumentClient: 'AwsClient',
    DynamoDBDocument: 'AwsClient',
    Upload: 'Upload',
  },
  io: {
    what: 'an AWS API call',
    waitsOn: 'the network',
    calls: [
      // `client.send(command)` on a bare client, `s3.putObject(input)` on an aggregated one.
      { instanceOf: 'AwsClient', methods: '*', except: ['destroy'] },
      { instanceOf: 'Upload', methods: ['done'] },
    ],
    resultTypes: ['*CommandOutput'],
  },
} satisfies IoLibraryKnowledge;
