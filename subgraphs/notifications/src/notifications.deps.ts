import type { EventBus, Logger } from '@bloom/kernel';
import type { MailProvider } from './delivery/mail.provider.js';
import type { SmsProvider } from './delivery/sms.provider.js';
import type { NotificationsConfig } from './notifications.config.js';

/** Long-lived collaborators shared by every request and event handler. */
export interface NotificationsDeps {
  config: NotificationsConfig;
  logger: Logger;
  sms: SmsProvider;
  mail: MailProvider;
  /** Live fan-out to the gateways (core NATS). */
  live: Pick<EventBus, 'publishLive'>;
  /** Injectable clock: quiet hours and the deferred-SMS sweeper are tested without waiting. */
  now: () => Date;
}
