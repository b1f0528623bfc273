import {
  fieldName,
  koreanMessage,
  stockMessage,
  TEXT_LIMITS,
  tooLongMessage,
  type TypedError,
} from '@bloom/client-shared';
import type { AddressErrors, AddressValue } from '../../ui/buy-fields.js';
import type { OrderGroup } from './checkout.types.js';

/** Every checkout input's problem at once, each shown next to its input. */
export interface CheckoutFieldErrors {
  address: AddressErrors;
  note?: string;
  /** The delivery day or window. */
  when?: string;
  sender?: { name?: string; phone?: string };
  /** By product id: more than the store can make. */
  stock: Record<string, string>;
}

export const NO_FIELD_ERRORS: CheckoutFieldErrors = { address: {}, stock: {} };

export const hasFieldErrors = (e: CheckoutFieldErrors): boolean =>
  Object.keys(e.address).length > 0 ||
  e.note !== undefined ||
  e.when !== undefined ||
  e.sender !== undefined ||
  Object.keys(e.stock).length > 0;

const MOBILE = /^01[016789]-?\d{3,4}-?\d{4}$/;

const required = (field: string) => koreanMessage({ code: 'REQUIRED', message: '', field });

/** A text's problem by the API's rule: blank where required, or longer than its limit. */
const textError = (text: string, field: keyof typeof TEXT_LIMITS, isRequired: boolean) => {
  const trimmed = text.trim();
  if (isRequired && trimmed.length === 0) return required(field);
  return trimmed.length > TEXT_LIMITS[field] ? tooLongMessage(field) : undefined;
};

const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The same rules the server applies, checked before sending so all of them show together. */
export function checkoutFieldErrors({
  groups,
  delivering,
  address,
  note,
  sender,
}: {
  groups: OrderGroup[];
  delivering: boolean;
  address: AddressValue;
  note: string;
  sender: { name: string; phone: string };
}): CheckoutFieldErrors {
  const stock: Record<string, string> = {};
  for (const line of groups.flatMap((g) => g.lines)) {
    if (line.quantity > line.available) stock[line.productId] = stockMessage(line.available);
  }
  if (!delivering) return { address: {}, stock };
  const phone = address.phone.trim();
  const zip = address.zipCode.trim();
  const noteError = textError(note, 'note', false);
  const senderPhone = sender.phone.trim();
  const senderErrors = defined({
    name: textError(sender.name, 'senderName', false),
    phone:
      senderPhone && !MOBILE.test(senderPhone)
        ? koreanMessage({ code: '', message: '', field: 'senderPhone' })
        : undefined,
  });
  return {
    address: defined({
      recipientName: textError(address.recipientName, 'recipientName', true),
      phone: MOBILE.test(phone) ? undefined : koreanMessage({ code: 'INVALID_PHONE', message: '' }),
      zipCode: /^\d{5}$/.test(zip)
        ? undefined
        : koreanMessage({ code: 'INVALID_ZIP', message: '' }),
      line1: textError(address.line1, 'street', true),
      line2: textError(address.line2, 'detail', false),
    }),
    ...(noteError ? { note: noteError } : {}),
    ...(Object.keys(senderErrors).length > 0 ? { sender: senderErrors } : {}),
    stock,
  };
}

/** The API's delivery fields by the address input they come from. */
const SERVER_ADDRESS_FIELDS: Record<string, keyof AddressValue | undefined> = {
  recipientName: 'recipientName',
  phone: 'phone',
  zipCode: 'zipCode',
  street: 'line1',
  detail: 'line2',
};

/** Where the server's refusal belongs: `delivery.street` goes under the address line. */
export function serverFieldErrors(problem: TypedError): CheckoutFieldErrors | null {
  if (problem.code === 'INSUFFICIENT_STOCK' && problem.productId) {
    return { address: {}, stock: { [problem.productId]: koreanMessage(problem) } };
  }
  if (problem.__typename !== 'InvalidInputError' || !problem.field) return null;
  const message = koreanMessage(problem);
  const name = fieldName(problem.field);
  const addressKey = SERVER_ADDRESS_FIELDS[name];
  if (addressKey) return { address: { [addressKey]: message }, stock: {} };
  if (name === 'note') return { address: {}, note: message, stock: {} };
  if (name === 'senderName') return { address: {}, sender: { name: message }, stock: {} };
  if (name === 'senderPhone') return { address: {}, sender: { phone: message }, stock: {} };
  if (name === 'deliveryDate' || name === 'window')
    return { address: {}, when: message, stock: {} };
  return null;
}
