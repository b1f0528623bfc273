import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type OpenAiStubMode = 'normal' | 'slow' | 'error';

/** A chat-completion request as the stub received it (what the tests look at). */
export interface OpenAiStubRequest {
  model?: string;
  response_format?: { type?: string; json_schema?: { name?: string; strict?: boolean } };
  messages?: unknown[];
}

export interface OpenAiStub {
  /** Base URL to give the SDK (ends in /v1). */
  baseURL: string;
  mode: OpenAiStubMode;
  /** How long `slow` waits before answering. */
  slowMs: number;
  /** The structured output the model "returns" (the message's JSON content). */
  answer: Record<string, unknown>;
  /** Bodies of the chat-completion requests received, newest last. */
  requests: OpenAiStubRequest[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A local OpenAI-compatible endpoint over real HTTP, so an AI client is exercised exactly as
 * against the API: POST /v1/chat/completions answers with `answer` as a structured-output
 * message (normal), the same after `slowMs` (slow), or HTTP 500 (error).
 */
export async function startOpenAiStub(answer: Record<string, unknown> = {}): Promise<OpenAiStub> {
  const stub: Omit<OpenAiStub, 'baseURL' | 'close'> = {
    mode: 'normal',
    slowMs: 10_000,
    answer,
    requests: [],
  };
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      stub.requests.push(JSON.parse(raw) as OpenAiStubRequest);
      if (stub.mode === 'error') {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'stub failure', type: 'server_error' } }));
        return;
      }
      const body = JSON.stringify({
        id: 'chatcmpl-stub',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: 'gpt-4o-mini',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: JSON.stringify(stub.answer), refusal: null },
            finish_reason: 'stop',
            logprobs: null,
          },
        ],
        usage: { prompt_tokens: 100, completion_tokens: 80, total_tokens: 180 },
      });
      const respond = () => {
        if (res.destroyed) return;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
      };
      if (stub.mode !== 'slow') return respond();
      const timer = setTimeout(() => {
        timers.delete(timer);
        respond();
      }, stub.slowMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(stub, {
    baseURL: `http://127.0.0.1:${port}/v1`,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
