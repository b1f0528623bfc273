import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const manifestSchema = z.object({
  operations: z.record(
    z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256'),
    z.object({
      name: z.string().min(1),
      operation: z.enum(['query', 'mutation', 'subscription']),
      clients: z.array(z.string()),
      files: z.array(z.string()),
      document: z.string().min(1),
    }),
  ),
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The first-party clients' operations (schema/trusted-documents.json, written by
 * `npm run schema:compose`): each document by the SHA-256 of its exact text, as the clients
 * send it. Read once at start.
 */
export class TrustedDocuments {
  private constructor(private readonly byId: ReadonlyMap<string, string>) {}

  /** A parsed manifest, checked: every id must be the hash of its document. */
  static from(manifest: unknown, source: string): TrustedDocuments {
    const parsed = manifestSchema.safeParse(manifest);
    if (!parsed.success) {
      const problems = parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
      );
      throw new Error(`${source} is not a trusted-documents manifest: ${problems.join('; ')}`);
    }
    const byId = new Map<string, string>();
    for (const [id, { name, document }] of Object.entries(parsed.data.operations)) {
      if (sha256(document) !== id) {
        throw new Error(`${source}: the document of ${name} does not hash to its id ${id}`);
      }
      byId.set(id, document);
    }
    return new TrustedDocuments(byId);
  }

  get size(): number {
    return this.byId.size;
  }

  /** The document an id stands for. */
  textOf(id: string): string | undefined {
    return this.byId.get(id);
  }

  /** Whether this exact text is one of the documents. */
  trusts(text: string): boolean {
    return this.byId.get(sha256(text)) === text;
  }
}

export async function loadTrustedDocuments(path: string): Promise<TrustedDocuments> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot read the trusted documents at ${path} (${reason}). Run npm run schema:compose.`,
    );
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not JSON. Run npm run schema:compose.`);
  }
  return TrustedDocuments.from(manifest, path);
}
