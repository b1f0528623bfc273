import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StubMode = 'normal' | 'slow' | 'error' | 'tooLong';

export interface OpenAiStub {
  /** Base URL for the SDK, e.g. http://127.0.0.1:1234/v1 */
  baseURL: string;
  mode: StubMode;
  /** How long the slow mode waits before answering. */
  slowMs: number;
  /** Bodies of the chat-completion requests received, newest last. */
  requests: Record<string, unknown>[];
  close(): Promise<void>;
}

export const STUB_MESSAGES = [
  '생일 축하해! 빨간 장미의 꽃말처럼 사랑을 가득 담아 보내.',
  '오늘 하루 꽃처럼 환하게 웃길 바라. 생일 진심으로 축하해.',
  '너와 함께한 날들이 다 선물이었어. 생일 축하해, 사랑해.',
];

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * An OpenAI-compatible chat-completions endpoint over real HTTP: answers with a structured
 * output message (normal), after a delay (slow), with HTTP 500 (error) or with messages longer
 * than any card (tooLong), so the adapter is exercised exactly as against the real API.
 */
export async function startOpenAiStub(): Promise<OpenAiStub> {
  const stub: Omit<OpenAiStub, 'baseURL' | 'close'> = {
    mode: 'normal',
    slowMs: 10_000,
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
      stub.requests.push(JSON.parse(raw) as Record<string, unknown>);
      if (stub.mode === 'error') {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'upstream exploded', type: 'server_error' } }));
        return;
      }
      const messages =
        stub.mode === 'tooLong' ? STUB_MESSAGES.map((m) => m.repeat(10)) : STUB_MESSAGES;
      const answer = JSON.stringify({
        id: 'chatcmpl-stub',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: 'gpt-4o-mini',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: JSON.stringify({ messages }), refusal: null },
            finish_reason: 'stop',
            logprobs: null,
          },
        ],
        usage: { prompt_tokens: 100, completion_tokens: 80, total_tokens: 180 },
      });
      const respond = () => {
        if (res.destroyed) return;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(answer);
      };
      if (stub.mode === 'slow') {
        const timer = setTimeout(() => {
          timers.delete(timer);
          respond();
        }, stub.slowMs);
        timers.add(timer);
      } else respond();
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
