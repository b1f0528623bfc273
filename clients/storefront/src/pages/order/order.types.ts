import type { OrderStatus } from '../../ui/buy-order-status.js';
import type { PaymentMethod } from '../checkout/payment-methods.js';

/** An order as its page reads it. */
export interface OrderDetail {
  id: string;
  number: string;
  fulfilment: 'DELIVERY' | 'PICKUP';
  status: OrderStatus;
  subtotal: number;
  discount: number;
  deliveryFee: number;
  total: number;
  paymentMethod: PaymentMethod;
  paymentApprovalUrl: string | null;
  placedAt: string;
  confirmedAt: string | null;
  completedAt: string | null;
  updatedAt: string;
  trackingNumber: string | null;
  pickupAt: string | null;
  delivery: {
    recipientName: string;
    phone: string;
    zipCode: string;
    street: string;
    detail: string;
    deliveryDate: string;
    window: string;
    note: string | null;
    senderName: string | null;
    senderPhone: string | null;
    anonymous: boolean;
  } | null;
  failure: { code: string; message: string } | null;
  cancellation: { code: string; message: string } | null;
  store: {
    id: string;
    name: string;
    phone: string;
    address: { street: string; detail: string };
  };
  lines: {
    id: string;
    productName: string;
    unitPrice: number;
    quantity: number;
    amount: number;
    product: { id: string; images: { url: string }[] };
  }[];
}
