import type { TSESTree } from '@typescript-eslint/utils';
import { clientCreationOf, makesOwnClient, mayCreateClient, mayCreateClientIn } from '../analysis/connections/clients';
import { perCallContext } from '../analysis/connections/lifetime';
import { matchesAnyGlob } from '../analysis/glob';
import { relativeFileName } from '../analysis/migrations/detect';
import { libraries } from '../knowledge';
import { nameListSchema } from '../util/option-schemas';
import { createRule } from '../util/create-rule';

type Options = [{ ignoreFiles?: string[]; bootstrapFunctions?: string[] }];
type MessageIds = 'clientPerCall';

const defaultIgnoreFiles = [
  '**/migrations/**',
  '**/migration/**',
  '**/seeds/**',
  '**/seeders/**',
  '**/seed.*',
  '**/scripts/**',
  '**/test/**',
  '**/tests/**',
  '**/__tests__/**',
  '**/*.test.*',
  '**/*.spec.*',
  '**/*.e2e-spec.*',
];
const defaultBootstrapFunctions = ['main', 'bootstrap', 'start', 'startServer', 'init', 'initialize', 'setup', 'onModuleInit', 'onApplicationBootstrap'];

export default createRule<Options, MessageIds>({
  name: 'no-client-per-request',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow creating a database client or pool in code that runs per request or per call',
      recommended: 'recommended',
      libraries: libraries.filter((library) => library.connections?.clients?.length).map((library) => library.id),
    },
    messages: {
      clientPerCall:
        '`{{call}}` creates {{what}} {{where}}: each call pays for a new pool, a TCP/TLS handshake and authentication before its first query, and under load the copies together exhaust the database\'s `max_connections` (idle pools keep theirs open until they are closed or collected). {{share}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          ignoreFiles: nameListSchema(
            'Globs of files that run once and may create their own clients (migrations, seeds, scripts, tests). Replaces the default list.',
          ),
          bootstrapFunctions: nameListSchema(
            'Functions that run once at startup: a client created there, or in a function only they call, is created once. Replaces the default list.',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ignoreFiles: defaultIgnoreFiles, bootstrapFunctions: defaultBootstrapFunctions }],
  },
  defaultOptions: [{ ignoreFiles: defaultIgnoreFiles, bootstrapFunctions: defaultBootstrapFunctions }],
  create(context, [options]) {
    if (!mayCreateClientIn(context)) return {};
    const relative = relativeFileName(context);
    if (relative !== undefined && matchesAnyGlob(relative, options.ignoreFiles ?? defaultIgnoreFiles)) return {};
    const lifetimeOptions = { bootstrapFunctions: options.bootstrapFunctions ?? defaultBootstrapFunctions };
    const sourceCode = context.sourceCode;

    function check(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      if (!mayCreateClient(context, node)) return;
      const creation = clientCreationOf(context, node);
      if (!creation || !makesOwnClient(creation)) return;
      const perCall = perCallContext(context, creation, lifetimeOptions);
      if (!perCall) return;
      context.report({
        node,
        messageId: 'clientPerCall',
        data: {
          call: `${node.type === 'NewExpression' ? 'new ' : ''}${sourceCode.getText(node.callee)}()`,
          what: creation.spec.what,
          where: perCall.where,
          share: creation.spec.share,
        },
      });
    }

    return {
      CallExpression: check,
      NewExpression: check,
    };
  },
});
