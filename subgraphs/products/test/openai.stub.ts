import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StubMode = 'normal' | 'slow' | 'error';

export interface OpenAiStub {
  /** Base URL to give the SDK (ends in /v1). */
  baseURL: string;
  mode: StubMode;
  /** How long `slow` waits before answering. */
  slowMs: number;
  /** The structured answer `normal` returns. */
  answer: Record<string, unknown>;
  requests: {
    model?: string;
    response_format?: { type?: string; json_schema?: { name?: string; strict?: boolean } };
    messages?: unknown[];
  }[];
  close(): Promise<void>;
}

/**
 * A local OpenAI-compatible server over real HTTP: POST /v1/chat/completions answers with a
 * structured-output message (normal), after a long delay (slow), or with a 500 (error).
 */
export async function startOpenAiStub(): Promise<OpenAiStub> {
  const stub = {
    mode: 'normal' as StubMode,
    slowMs: 3_000,
    answer: {} as Record<string, unknown>,
    requests: [] as OpenAiStub['requests'],
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      stub.requests.push(
        JSON.parse(Buffer.concat(chunks).toString('utf8')) as OpenAiStub['requests'][number],
      );
      const reply = () => {
        if (stub.mode === 'error') {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { message: 'stub failure', type: 'server_error' } }));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'chatcmpl-stub',
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: 'stub',
            choices: [
              {
                index: 0,
                finish_reason: 'stop',
                message: { role: 'assistant', content: JSON.stringify(stub.answer), refusal: null },
              },
            ],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }),
        );
      };
      if (stub.mode === 'slow') {
        const timer = setTimeout(reply, stub.slowMs);
        res.on('close', () => clearTimeout(timer));
      } else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(stub, {
    baseURL: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
