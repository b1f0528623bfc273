/**
 * The floor bench/gateway compares the identity subgraph with: a bare node:http server doing
 * the same one-document read with the MongoDB driver and answering the same JSON as
 * `{ me { id name roles } }` — no GraphQL, ORM, caller check or metrics. Started as its own
 * process so its CPU is measured like the subgraph's.
 *
 *   PORT, MONGO_URL, IDENTITY_DB, BENCH_USER_ID (the user the bench signed up)
 */
import { createServer } from 'node:http';
import { MongoClient, ObjectId } from 'mongodb';

const port = Number(process.env.PORT ?? 0);
const client = new MongoClient(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27018', {
  maxPoolSize: 20,
});
await client.connect();
const users = client
  .db(process.env.IDENTITY_DB)
  .collection<{ _id: ObjectId; name: string; roles: string[] }>('users');
const userId = new ObjectId(process.env.BENCH_USER_ID);

const server = createServer((req, res) => {
  if (req.url === '/health') return void res.writeHead(200).end('{"status":"ok"}');
  // The body is read (and dropped) as a GraphQL server would have to.
  req.resume();
  req.on('end', () => {
    users
      .findOne({ _id: userId }, { projection: { name: 1, roles: 1 } })
      .then((user) => {
        const me = user && { id: user._id.toHexString(), name: user.name, roles: user.roles };
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ data: { me } }));
      })
      .catch(() => res.writeHead(500).end('{"errors":[{"message":"read failed"}]}'));
  });
});
server.listen(port, '127.0.0.1');
const close = () => server.close(() => void client.close().then(() => process.exit(0)));
process.once('SIGTERM', close);
process.once('SIGINT', close);
