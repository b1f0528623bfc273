import { PAYMENT_METHOD_LABEL, type PaymentMethod } from '@bloom/client-shared';

export type { PaymentMethod };

export const PAYMENT_METHODS: { method: PaymentMethod; label: string; hint: string }[] = [
  { method: 'CARD', label: PAYMENT_METHOD_LABEL.CARD, hint: '바로 결제' },
  { method: 'KAKAO_PAY', label: PAYMENT_METHOD_LABEL.KAKAO_PAY, hint: '간편결제' },
  { method: 'NAVER_PAY', label: PAYMENT_METHOD_LABEL.NAVER_PAY, hint: '간편결제' },
  { method: 'TOSS_PAY', label: PAYMENT_METHOD_LABEL.TOSS_PAY, hint: '간편결제' },
];

export const paymentLabel = (method: PaymentMethod): string => PAYMENT_METHOD_LABEL[method];

/** Easy pay leaves the shop for the wallet's page and comes back to PAY_RETURN_PATH. */
export const isEasyPay = (method: PaymentMethod): boolean => method !== 'CARD';

export const PAY_RETURN_PATH = '/pay/return';
