import { registerEnumType } from 'type-graphql';

/** How the customer pays a checkout. */
export enum PaymentMethod {
  /** A card, authorised by the provider without leaving the shop (the sandbox approves it). */
  CARD = 'CARD',
  KAKAO_PAY = 'KAKAO_PAY',
  NAVER_PAY = 'NAVER_PAY',
  TOSS_PAY = 'TOSS_PAY',
}
registerEnumType(PaymentMethod, {
  name: 'PaymentMethod',
  description: 'Card, or an easy-pay wallet the customer approves on its own page.',
});

export type EasyPayMethod = Exclude<PaymentMethod, PaymentMethod.CARD>;

/** Easy pay follows the provider's redirect: ready → the wallet's page → back → capture. */
export const isEasyPay = (method: PaymentMethod | undefined): method is EasyPayMethod =>
  method !== undefined && method !== PaymentMethod.CARD;
