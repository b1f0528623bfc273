import type {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestContextDidResolveOperation,
} from '@apollo/server';
import { type FragmentDefinitionNode, GraphQLError, Kind } from 'graphql';
import { QUERY_TOO_COMPLEX } from '../errors/gateway-error-codes.js';
import { measureComplexity } from './complexity.calculator.js';
import type { FieldSubgraphs } from './field-subgraphs.table.js';

export interface ComplexityLimits {
  maxDepth: number;
  maxCost: number;
  /** Where each field is resolved (`fieldSubgraphsTable`), so entity fetches are counted. */
  fieldSubgraphs?: FieldSubgraphs;
}

/**
 * Refuses operations deeper or costlier than the limits before any subgraph is called, so one
 * request cannot fan out into an unbounded amount of work behind the gateway. The cost model is
 * described on `measureComplexity` and in docs/gateway-limits.md.
 */
export function complexityLimitPlugin<TContext extends BaseContext>(
  limits: ComplexityLimits,
): ApolloServerPlugin<TContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        // The executor turns a thrown limit error into a rejection, which Apollo reports.
        didResolveOperation: (request) =>
          new Promise<void>((resolve) => {
            enforceLimits(request, limits);
            resolve();
          }),
      }),
  };
}

function enforceLimits<TContext extends BaseContext>(
  { schema, document, operation, request }: GraphQLRequestContextDidResolveOperation<TContext>,
  limits: ComplexityLimits,
): void {
  if (!operation) return; // Apollo has already refused a document without a matching operation.
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const { depth, cost } = measureComplexity({
    schema,
    operation,
    fragments,
    variables: request.variables,
    fieldSubgraphs: limits.fieldSubgraphs,
  });
  if (depth > limits.maxDepth) throw tooComplex('depth', depth, limits.maxDepth);
  if (cost > limits.maxCost) throw tooComplex('cost', cost, limits.maxCost);
}

function tooComplex(limit: 'depth' | 'cost', measured: number, maximum: number): GraphQLError {
  return new GraphQLError(
    `The operation's ${limit} is ${measured}, over the limit of ${maximum}. Ask for fewer nested fields or smaller pages.`,
    {
      extensions: {
        code: QUERY_TOO_COMPLEX,
        limit,
        measured,
        maximum,
        // Apollo Server turns this into the HTTP status and strips it from the response body.
        http: { status: 400 },
      },
    },
  );
}
