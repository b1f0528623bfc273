import { type HttpProviderOptions, postJson } from './sms.provider.js';

/** Outgoing e-mail (verification codes); the emulator serves it next to SMS. */
export interface MailProvider {
  send(mail: {
    to: string;
    subject: string;
    text: string;
    idempotencyKey: string;
  }): Promise<{ id: string }>;
}

export class HttpMailProvider implements MailProvider {
  constructor(private readonly options: HttpProviderOptions) {}

  send(mail: { to: string; subject: string; text: string; idempotencyKey: string }) {
    return postJson(this.options, '/v1/mail', mail);
  }
}
