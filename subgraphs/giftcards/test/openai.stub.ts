import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StubMode = 'normal' | 'slow' | 'error' | 'tooLong' | 'unchecked';

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

/** Messages for a lover's birthday with a red rose (꽃말 사랑) that pass the checker. */
export const STUB_MESSAGES = [
  '생일 축하해! 빨간 장미 꽃말이 사랑이래. 오늘은 꼭 그 말을 전하고 싶었어.',
  '꽃말이 사랑인 빨간 장미를 골랐어. 태어나 줘서 고마워, 생일 진심으로 축하해.',
  '자기야, 오늘은 네가 주인공이야! 사랑이라는 꽃말처럼 늘 곁에 있을게.',
];

/** Fluent but flawed, as a model may answer: an abstract "의 마음", a repeat, a mixed level. */
export const UNCHECKED_MESSAGES = [
  "빨간 장미에 '사랑'의 마음을 담아 보내. 생일 축하해!",
  '생일 축하해! 행복하면 좋겠어. 늘 웃으면 좋겠어.',
  '생일 진심으로 축하드립니다. 사랑해!',
];

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * An OpenAI-compatible chat-completions endpoint over real HTTP: answers with a structured
 * output message (normal), after a delay (slow), with HTTP 500 (error), with messages longer
 * than any card (tooLong) or with messages the checker refuses (unchecked), so the adapter is
 * exercised exactly as against the real API.
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
        stub.mode === 'tooLong'
          ? STUB_MESSAGES.map((m) => m.repeat(10))
          : stub.mode === 'unchecked'
            ? UNCHECKED_MESSAGES
            : STUB_MESSAGES;
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
