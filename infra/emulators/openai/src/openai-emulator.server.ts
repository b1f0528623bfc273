import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Logger, readBody, sendJson } from '@bloom/kernel';
import { z } from 'zod';
import { EMULATOR_MODES, type EmulatorMode } from './openai-emulator.config.js';
import { type JsonSchema, structuredAnswer } from './structured.answers.js';

export interface OpenAiEmulatorOptions {
  port: number;
  host: string;
  mode?: EmulatorMode;
  /** How long `slow` holds an answer. */
  slowMs?: number;
  logger?: Logger;
}

export interface OpenAiEmulator {
  /** `http://host:port`; the SDK's baseURL is this plus `/v1`. */
  url: string;
  port: number;
  server: Server;
  mode: EmulatorMode;
  slowMs: number;
  /** Chat-completion requests answered or refused, oldest first (the last 100). */
  requests: { at: string; mode: EmulatorMode; schema: string | null }[];
  close(): Promise<void>;
}

const MAX_REQUESTS_KEPT = 100;

const completionRequest = z.object({
  model: z.string().min(1),
  messages: z.array(z.object({ role: z.string(), content: z.unknown() })).min(1),
  response_format: z
    .object({
      type: z.string(),
      json_schema: z
        .object({ name: z.string(), schema: z.record(z.string(), z.unknown()).optional() })
        .optional(),
    })
    .optional(),
});

const modeInput = z.object({
  mode: z.enum(EMULATOR_MODES),
  slowMs: z.number().int().min(0).max(600_000).optional(),
});

async function readJson(req: IncomingMessage): Promise<unknown> {
  try {
    return JSON.parse(await readBody(req, 1_000_000)) as unknown;
  } catch {
    return undefined;
  }
}

/** An OpenAI error body, as the SDK reads it. */
const apiError = (res: ServerResponse, status: number, message: string, type: string) =>
  sendJson(res, status, { error: { message, type, param: null, code: null } });

/**
 * A local OpenAI-compatible chat-completions endpoint for `npm start`: answers structured
 * output (`response_format.json_schema`) with canned, keyword-built JSON, so the services' AI
 * paths and their circuit breakers can be tried without a key. Modes: `normal`, `slow` (answers
 * after `slowMs`), `fail` (HTTP 500), `garbage` (200 with content that is not JSON); switched
 * at runtime with `POST /__mode`. Any bearer key is accepted.
 */
export async function startOpenAiEmulator(options: OpenAiEmulatorOptions): Promise<OpenAiEmulator> {
  const timers = new Set<NodeJS.Timeout>();
  const state = {
    mode: options.mode ?? 'normal',
    slowMs: options.slowMs ?? 10_000,
    requests: [] as OpenAiEmulator['requests'],
  };

  const completion = (res: ServerResponse, model: string, content: string) =>
    sendJson(res, 200, {
      id: `chatcmpl-emulator-${randomUUID()}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: null },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    });

  const chat = async (req: IncomingMessage, res: ServerResponse) => {
    const parsed = completionRequest.safeParse(await readJson(req));
    if (!parsed.success) {
      return apiError(
        res,
        400,
        parsed.error.issues[0]?.message ?? 'invalid request',
        'invalid_request_error',
      );
    }
    const { model, messages, response_format: format } = parsed.data;
    const mode = state.mode;
    state.requests.push({
      at: new Date().toISOString(),
      mode,
      schema: format?.json_schema?.name ?? null,
    });
    if (state.requests.length > MAX_REQUESTS_KEPT) state.requests.shift();
    if (mode === 'fail') return apiError(res, 500, 'emulated failure (mode fail)', 'server_error');
    if (mode === 'garbage') return completion(res, model, '{"this is": not JSON');
    const schema = format?.json_schema?.schema as JsonSchema | undefined;
    const content = schema
      ? JSON.stringify(structuredAnswer(schema, messages))
      : 'This is the Blooming Blooms OpenAI emulator: canned answers, no model.';
    if (mode === 'normal') return completion(res, model, content);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, state.slowMs);
      timers.add(timer);
      // The caller gave up (its timeout): nothing to answer.
      res.once('close', () => {
        clearTimeout(timer);
        timers.delete(timer);
        resolve();
      });
    });
    if (!res.destroyed && !res.writableEnded) completion(res, model, content);
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://emulator').pathname;
    if (path === '/health') return sendJson(res, 200, { status: 'ok', service: 'openai-emulator' });
    if (path === '/__mode') {
      if (req.method === 'POST') {
        const input = modeInput.safeParse(await readJson(req));
        if (!input.success) {
          return sendJson(res, 400, { error: 'invalid_mode', modes: EMULATOR_MODES });
        }
        state.mode = input.data.mode;
        if (input.data.slowMs !== undefined) state.slowMs = input.data.slowMs;
        options.logger?.info('mode changed', { mode: state.mode, slowMs: state.slowMs });
      }
      return sendJson(res, 200, { mode: state.mode, slowMs: state.slowMs });
    }
    if (path === '/v1/chat/completions') {
      if (req.method !== 'POST') return apiError(res, 405, 'use POST', 'invalid_request_error');
      return chat(req, res);
    }
    return apiError(res, 404, `no route ${path}`, 'invalid_request_error');
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      options.logger?.error('request failed', { error });
      if (!res.headersSent) sendJson(res, 500, { error: { message: 'internal' } });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return Object.assign(state, {
    url: `http://${options.host}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
