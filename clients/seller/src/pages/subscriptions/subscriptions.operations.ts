import { gql } from '@apollo/client';

/** The store's upcoming subscription deliveries (seller and admins only) and its subscribers. */
export const SELLER_SUBSCRIPTION_CALENDAR = gql`
  query SellerSubscriptionCalendar($days: Int!) {
    myStore {
      id
      subscriptionCalendar(days: $days) {
        subscriptionId
        cycle
        deliveryDate
        deliveryWindow
        billingDate
        recipientName
        productName
        quantity
        ordered
      }
      flowerSubscriptions {
        id
        status
        paused
      }
    }
  }
`;

export interface SubscriptionDelivery {
  subscriptionId: string;
  cycle: number;
  deliveryDate: string;
  deliveryWindow: string;
  billingDate: string;
  recipientName: string;
  productName: string;
  quantity: number;
  ordered: boolean;
}

export interface CalendarData {
  myStore: {
    id: string;
    subscriptionCalendar: SubscriptionDelivery[];
    flowerSubscriptions: { id: string; status: string; paused: boolean }[];
  } | null;
}
