import type { TypedError } from '@bloom/client-shared';
import type {
  BusinessHours,
  CreateStoreInput,
  DeliveryPolicy,
  PickupSettings,
  SettlementAccount,
  SetupStore,
  StoreAddressInput,
} from './store.operations.js';

/** The settlement banks (shared/data/catalog.json `settlementBanks`, checked by the server). */
export const BANKS = ['국민은행', '농협은행', '신한은행', '우리은행', '카카오뱅크', '하나은행'];

export const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];

export interface ProfileValues {
  name: string;
  description: string;
  /** The uploaded photo's public URL; empty for none. */
  thumbnailUrl: string;
  phone: string;
}

export interface AddressValues {
  regionCode: string;
  districtCode: string;
  street: string;
  detail: string;
  zipCode: string;
  latitude: string;
  longitude: string;
}

export interface DeliveryValues {
  fee: string;
  freeDeliveryThreshold: string;
  sameDayCutoff: string;
  windows: { start: string; end: string }[];
}

export interface PickupValues {
  enabled: boolean;
  slotCapacity: string;
}

export interface StoreValues {
  profile: ProfileValues;
  hours: BusinessHours;
  address: AddressValues;
  account: SettlementAccount;
  delivery: DeliveryValues;
  pickup: PickupValues;
}

export const EMPTY_VALUES: StoreValues = {
  profile: { name: '', description: '', thumbnailUrl: '', phone: '' },
  hours: { opensAt: '09:00', closesAt: '20:00', closedWeekdays: [] },
  address: {
    regionCode: '',
    districtCode: '',
    street: '',
    detail: '',
    zipCode: '',
    latitude: '',
    longitude: '',
  },
  account: { bank: '', accountNumber: '', accountHolder: '' },
  delivery: {
    fee: '3000',
    freeDeliveryThreshold: '50000',
    sameDayCutoff: '14:00',
    windows: [
      { start: '10:00', end: '13:00' },
      { start: '14:00', end: '18:00' },
    ],
  },
  pickup: { enabled: true, slotCapacity: '3' },
};

export function valuesOf(store: SetupStore): StoreValues {
  const { address, deliveryPolicy } = store;
  return {
    profile: {
      name: store.name,
      description: store.description,
      thumbnailUrl: store.thumbnailUrl ?? '',
      phone: store.phone,
    },
    hours: {
      opensAt: store.businessHours.opensAt,
      closesAt: store.businessHours.closesAt,
      closedWeekdays: [...store.businessHours.closedWeekdays],
    },
    address: {
      regionCode: address.regionCode,
      districtCode: address.districtCode,
      street: address.street,
      detail: address.detail,
      zipCode: address.zipCode,
      latitude: String(address.latitude),
      longitude: String(address.longitude),
    },
    account: {
      bank: store.settlementAccount?.bank ?? '',
      accountNumber: store.settlementAccount?.accountNumber ?? '',
      accountHolder: store.settlementAccount?.accountHolder ?? '',
    },
    delivery: {
      fee: String(deliveryPolicy.fee),
      freeDeliveryThreshold:
        deliveryPolicy.freeDeliveryThreshold === null
          ? ''
          : String(deliveryPolicy.freeDeliveryThreshold),
      sameDayCutoff: deliveryPolicy.sameDayCutoff,
      windows: deliveryPolicy.windows.map(({ start, end }) => ({ start, end })),
    },
    pickup: { enabled: store.pickup.enabled, slotCapacity: String(store.pickup.slotCapacity) },
  };
}

/** A form value turned into input, or the typed error to show next to its field. */
type Parsed<T> = { ok: true; input: T } | { ok: false; error: TypedError };

const invalid = (field: string, code: string): { ok: false; error: TypedError } => ({
  ok: false,
  error: { __typename: 'InvalidInputError', code, message: '', field },
});

const wholeNumber = (text: string): number | null => {
  const cleaned = text.replace(/[,\s원]/g, '');
  return /^\d+$/.test(cleaned) ? Number(cleaned) : null;
};

const decimal = (text: string): number | null => {
  const cleaned = text.trim();
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : null;
};

export function profileInput(values: ProfileValues) {
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    thumbnailUrl: values.thumbnailUrl,
    phone: values.phone.trim(),
  };
}

export function addressInput(values: AddressValues): Parsed<StoreAddressInput> {
  if (!values.regionCode) return invalid('address.regionCode', 'UNKNOWN_REGION');
  if (!values.districtCode) return invalid('address.districtCode', 'UNKNOWN_DISTRICT');
  const latitude = decimal(values.latitude);
  const longitude = decimal(values.longitude);
  if (latitude === null || longitude === null) {
    return invalid('address.latitude', 'INVALID_LOCATION');
  }
  return {
    ok: true,
    input: {
      regionCode: values.regionCode,
      districtCode: values.districtCode,
      street: values.street.trim(),
      detail: values.detail.trim(),
      zipCode: values.zipCode.trim(),
      latitude,
      longitude,
    },
  };
}

export function deliveryInput(values: DeliveryValues): Parsed<DeliveryPolicy> {
  const fee = wholeNumber(values.fee);
  if (fee === null) return invalid('deliveryPolicy.fee', 'OUT_OF_RANGE');
  const threshold =
    values.freeDeliveryThreshold.trim() === '' ? null : wholeNumber(values.freeDeliveryThreshold);
  if (threshold === null && values.freeDeliveryThreshold.trim() !== '') {
    return invalid('deliveryPolicy.freeDeliveryThreshold', 'OUT_OF_RANGE');
  }
  return {
    ok: true,
    input: {
      fee,
      freeDeliveryThreshold: threshold,
      sameDayCutoff: values.sameDayCutoff,
      windows: values.windows.map(({ start, end }) => ({ start, end })),
    },
  };
}

export function pickupInput(values: PickupValues): Parsed<PickupSettings> {
  const slotCapacity = wholeNumber(values.slotCapacity);
  if (slotCapacity === null) return invalid('pickup.slotCapacity', 'OUT_OF_RANGE');
  return { ok: true, input: { enabled: values.enabled, slotCapacity } };
}

export function accountInput(values: SettlementAccount): SettlementAccount {
  return {
    bank: values.bank,
    accountNumber: values.accountNumber.trim(),
    accountHolder: values.accountHolder.trim(),
  };
}

export function createInput(values: StoreValues): Parsed<CreateStoreInput> {
  const address = addressInput(values.address);
  if (!address.ok) return address;
  const delivery = deliveryInput(values.delivery);
  if (!delivery.ok) return delivery;
  const pickup = pickupInput(values.pickup);
  if (!pickup.ok) return pickup;
  return {
    ok: true,
    input: {
      ...profileInput(values.profile),
      address: address.input,
      businessHours: values.hours,
      settlementAccount: accountInput(values.account),
      deliveryPolicy: delivery.input,
      pickup: pickup.input,
    },
  };
}
