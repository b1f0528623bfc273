import { InvalidInputError, firstProblem, parseLocalTime } from '@bloom/kernel';
import { isValidLatLng } from '../shared/geo.js';
import { SETTLEMENT_BANKS, isDistrictOf, isRegion } from '../shared/reference.data.js';
import type {
  BusinessHoursInput,
  PickupSettingsInput,
  SettlementAccountInput,
  StoreAddressInput,
  StoreDeliveryPolicyInput,
} from './store.types.js';

type Problem = InvalidInputError | null;

export const MAX_SLOT_CAPACITY = 50;
const PHONE = /^0\d{1,2}-?\d{3,4}-?\d{4}$/;

export function checkText(value: string, field: string, min: number, max: number): Problem {
  const length = value.trim().length;
  return length >= min && length <= max
    ? null
    : InvalidInputError.of(field, `Enter ${min} to ${max} characters.`, 'INVALID_TEXT');
}

export function checkPhone(phone: string, field = 'phone'): Problem {
  return PHONE.test(phone.trim())
    ? null
    : InvalidInputError.of(field, 'Enter a phone number such as 02-123-4567.', 'INVALID_PHONE');
}

export function checkUrl(url: string | undefined, field: string): Problem {
  if (url === undefined || url === '') return null;
  // Uploaded photos have URLs relative to the public origin (`/images/<key>`).
  if (/^\/images\/[A-Za-z0-9._-]{1,100}$/.test(url)) return null;
  try {
    const parsed = new URL(url);
    if ((parsed.protocol === 'https:' || parsed.protocol === 'http:') && url.length <= 500) {
      return null;
    }
  } catch {
    // fall through
  }
  return InvalidInputError.of(field, 'Enter an http(s) URL.', 'INVALID_URL');
}

export function checkInt(
  value: number,
  field: string,
  min: number,
  max: number,
  code = 'OUT_OF_RANGE',
): Problem {
  return Number.isInteger(value) && value >= min && value <= max
    ? null
    : InvalidInputError.of(field, `Enter a whole number from ${min} to ${max}.`, code);
}

export function checkAddress(address: StoreAddressInput, field = 'address'): Problem {
  if (!isRegion(address.regionCode)) {
    return InvalidInputError.of(`${field}.regionCode`, 'Unknown region.', 'UNKNOWN_REGION');
  }
  if (!isDistrictOf(address.regionCode, address.districtCode)) {
    return InvalidInputError.of(
      `${field}.districtCode`,
      'Unknown district for this region.',
      'UNKNOWN_DISTRICT',
    );
  }
  if (!/^\d{5}$/.test(address.zipCode.trim())) {
    return InvalidInputError.of(`${field}.zipCode`, 'Enter the 5-digit zip code.', 'INVALID_ZIP');
  }
  if (!isValidLatLng(address)) {
    return InvalidInputError.of(
      `${field}.latitude`,
      'Latitude and longitude are out of range.',
      'INVALID_LOCATION',
    );
  }
  return firstProblem(
    checkText(address.street, `${field}.street`, 1, 200),
    checkText(address.detail ?? '', `${field}.detail`, 0, 200),
  );
}

export function checkBusinessHours(hours: BusinessHoursInput, field = 'businessHours'): Problem {
  const opens = parseLocalTime(hours.opensAt);
  const closes = parseLocalTime(hours.closesAt);
  if (opens === null || closes === null) {
    return InvalidInputError.of(field, 'Use HH:mm times.', 'INVALID_TIME');
  }
  if (closes - opens < 30) {
    return InvalidInputError.of(
      `${field}.closesAt`,
      'Closing must be at least 30 minutes after opening, the same day.',
      'INVALID_HOURS',
    );
  }
  const days = hours.closedWeekdays ?? [];
  if (days.some((d) => !Number.isInteger(d) || d < 0 || d > 6) || new Set(days).size === 7) {
    return InvalidInputError.of(
      `${field}.closedWeekdays`,
      'Use 0 (Sunday) to 6 (Saturday), and stay open at least one day.',
      'INVALID_WEEKDAYS',
    );
  }
  return null;
}

export function checkSettlement(account: SettlementAccountInput, field = 'settlementAccount') {
  if (!(SETTLEMENT_BANKS as readonly string[]).includes(account.bank)) {
    return InvalidInputError.of(
      `${field}.bank`,
      `Choose one of: ${SETTLEMENT_BANKS.join(', ')}.`,
      'UNKNOWN_BANK',
    );
  }
  const digits = account.accountNumber.replace(/-/g, '');
  if (!/^[\d-]+$/.test(account.accountNumber) || digits.length < 8 || digits.length > 20) {
    return InvalidInputError.of(
      `${field}.accountNumber`,
      'Enter 8 to 20 digits (dashes allowed).',
      'INVALID_ACCOUNT',
    );
  }
  return checkText(account.accountHolder, `${field}.accountHolder`, 1, 40);
}

export function checkDeliveryPolicy(policy: StoreDeliveryPolicyInput, field = 'deliveryPolicy') {
  const problem = firstProblem(
    checkInt(policy.fee, `${field}.fee`, 0, 100_000),
    policy.freeDeliveryThreshold === undefined || policy.freeDeliveryThreshold === null
      ? null
      : checkInt(policy.freeDeliveryThreshold, `${field}.freeDeliveryThreshold`, 0, 10_000_000),
  );
  if (problem) return problem;
  if (parseLocalTime(policy.sameDayCutoff) === null) {
    return InvalidInputError.of(`${field}.sameDayCutoff`, 'Use an HH:mm time.', 'INVALID_TIME');
  }
  if (policy.windows.length < 1 || policy.windows.length > 8) {
    return InvalidInputError.of(`${field}.windows`, 'Offer 1 to 8 windows.', 'INVALID_WINDOWS');
  }
  const windows = policy.windows.map((w) => ({
    start: parseLocalTime(w.start),
    end: parseLocalTime(w.end),
  }));
  if (windows.some((w) => w.start === null || w.end === null || w.end <= w.start)) {
    return InvalidInputError.of(
      `${field}.windows`,
      'Each window needs HH:mm start and end, end after start.',
      'INVALID_WINDOWS',
    );
  }
  const sorted = [...windows].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  for (let i = 1; i < sorted.length; i++) {
    if ((sorted[i]?.start ?? 0) < (sorted[i - 1]?.end ?? 0)) {
      return InvalidInputError.of(
        `${field}.windows`,
        'Windows must not overlap.',
        'INVALID_WINDOWS',
      );
    }
  }
  return null;
}

export function checkPickup(pickup: PickupSettingsInput, field = 'pickup'): Problem {
  return checkInt(pickup.slotCapacity, `${field}.slotCapacity`, 1, MAX_SLOT_CAPACITY);
}

export function checkLowStockThreshold(value: number | undefined): Problem {
  return value === undefined ? null : checkInt(value, 'lowStockThreshold', 0, 100_000);
}
