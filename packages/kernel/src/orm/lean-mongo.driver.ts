import { type Configuration, MongoConnection, MongoDriver } from '@mikro-orm/mongodb';

type Describe = (value: unknown) => string;

/**
 * MikroORM's connection, describing a query for the log only when queries are logged. Its
 * `find` and `aggregate` write the query's text with `util.inspect` on every call, logged or
 * not (its writes already build the text lazily): a few percent of a subgraph's CPU on a
 * one-read request. The describing method is private in the typings, hence the assignment.
 */
class LeanMongoConnection extends MongoConnection {
  constructor(config: Configuration) {
    super(config);
    const describe = (MongoConnection.prototype as unknown as { logObject: Describe }).logObject;
    const lean: Describe = (value) =>
      this.logger.isEnabled('query') ? describe.call(this, value) : '';
    Object.assign(this, { logObject: lean });
  }
}

/** The MongoDB driver with the lean connection. */
export class LeanMongoDriver extends MongoDriver {
  protected override readonly connection: MongoConnection = new LeanMongoConnection(this.config);
}
