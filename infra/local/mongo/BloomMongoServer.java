import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The local and CI database: mongo-java-server on one loopback port (see infra/README.md).
 *
 * <pre>
 *   java -cp 'jars/*:classes' BloomMongoServer --port 27017 --backend memory
 *   java -cp 'jars/*:classes' BloomMongoServer --port 27017 --backend h2 --file data/bloom.mv
 * </pre>
 *
 * The memory backend is for tests (a fresh server per run); the H2 backend keeps the data in one
 * file for `npm start`. SIGTERM closes the backend, so H2 commits what it holds.
 *
 * <p>Both backends update a stored document in place, field by field, under the collection's
 * lock, but hand the live document to the wire encoder after releasing it: a find or a
 * findOneAndUpdate raced by an update could return a torn or a later version (measured: 50
 * concurrent findOneAndUpdate $inc returned 49 distinct values). MongoDB returns each reader a
 * snapshot of the document, so each command here runs under its collection's lock and its answer
 * is copied before that lock is released.
 */
public final class BloomMongoServer {
  private BloomMongoServer() {}

  public static void main(String[] args) throws Exception {
    String host = "127.0.0.1";
    int port = 27017;
    String backendName = "memory";
    String file = null;
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--host" -> host = require(args[i], value);
        case "--port" -> port = Integer.parseInt(require(args[i], value));
        case "--backend" -> backendName = require(args[i], value);
        case "--file" -> file = require(args[i], value);
        default -> throw fail("unknown argument " + args[i]);
      }
    }

    MongoBackend backend =
        switch (backendName) {
          case "memory" -> new SnapshotMemoryBackend();
          case "h2" -> {
            if (file == null) throw fail("--backend h2 needs --file");
            Path parent = Path.of(file).toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            yield new SnapshotH2Backend(file);
          }
          default -> throw fail("--backend is memory or h2, not " + backendName);
        };

    MongoServer server = new MongoServer(backend);
    server.bind(host, port);
    System.out.println("mongo-java-server (" + backendName + ") listening on " + host + ":" + port);

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdown();
                  System.out.println("mongo-java-server stopped");
                  stopped.countDown();
                }));
    stopped.await();
  }

  private static String require(String flag, String value) {
    if (value == null) throw fail(flag + " needs a value");
    return value;
  }

  private static IllegalArgumentException fail(String message) {
    System.err.println("error: " + message);
    System.exit(2);
    return new IllegalArgumentException(message);
  }

  private static final ConcurrentHashMap<String, Object> COLLECTION_LOCKS =
      new ConcurrentHashMap<>();

  /**
   * Runs a command under its collection's lock and returns a deep copy made before the lock is
   * released. Commands without a collection (ping, hello, listCollections...) run as they are.
   */
  static Document snapshot(String database, Document query, Supplier<Document> command) {
    Object target =
        query.containsKey("getMore") ? query.get("collection") : query.values().iterator().next();
    if (!(target instanceof String collection)) return command.get();
    Object lock = COLLECTION_LOCKS.computeIfAbsent(database + "." + collection, key -> new Object());
    synchronized (lock) {
      return command.get().cloneDeeply();
    }
  }

  static final class SnapshotMemoryBackend extends MemoryBackend {
    @Override
    public Document handleCommand(Channel channel, String database, String name, Document query) {
      return snapshot(database, query, () -> super.handleCommand(channel, database, name, query));
    }
  }

  static final class SnapshotH2Backend extends H2Backend {
    SnapshotH2Backend(String file) {
      super(file);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String name, Document query) {
      return snapshot(database, query, () -> super.handleCommand(channel, database, name, query));
    }
  }
}
