import { type AuthenticatedCaller, type EntityManager, InvalidInputError } from '@bloom/kernel';
import type { NotificationsDeps } from '../notifications.deps.js';
import { NotificationSettings, type NotificationSettingsInput } from './settings.types.js';
import { SmsSetting } from '../projections/projection.entities.js';
import { upsertFields } from '../shared/upsert.js';

const MOBILE = /^01[016789]-?\d{3,4}-?\d{4}$/;

/** 01012345678 or 010-1234-5678 → 010-1234-5678. */
function normalizeMobile(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length === 10
    ? `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`
    : `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
}

export class SettingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: NotificationsDeps,
    private readonly reader: AuthenticatedCaller,
  ) {}

  async get(): Promise<NotificationSettings> {
    const setting = await this.em.findOne(SmsSetting, { _id: this.reader.userId });
    return Object.assign(new NotificationSettings(), { smsPhone: setting?.phone ?? null });
  }

  async update(
    input: NotificationSettingsInput,
  ): Promise<NotificationSettings | InvalidInputError> {
    let smsPhone: string | null = null;
    if (input.smsPhone) {
      if (!MOBILE.test(input.smsPhone.trim())) {
        return InvalidInputError.of(
          'smsPhone',
          'Enter a mobile number such as 010-1234-5678.',
          'INVALID_PHONE',
        );
      }
      smsPhone = normalizeMobile(input.smsPhone);
    }
    await upsertFields(this.em, SmsSetting, this.reader.userId, {
      phone: smsPhone,
      updatedAt: this.deps.now(),
    });
    return Object.assign(new NotificationSettings(), { smsPhone });
  }
}
