import type { TypedError } from '@bloom/client-shared';

export type OrderStatus =
  | 'PENDING'
  | 'CONFIRMED'
  | 'PREPARING'
  | 'SHIPPING'
  | 'DELIVERED'
  | 'READY'
  | 'PICKED_UP'
  | 'CANCELED'
  | 'FAILED';

export type Fulfilment = 'DELIVERY' | 'PICKUP';

export interface RecipeLine {
  flowerId: number;
  count: number;
}

export interface BoardLine {
  id: string;
  productName: string;
  quantity: number;
  hasGiftCard: boolean;
  product: { id: string };
  /** The product's recipe now (from sellerProducts); empty when it is gone. */
  recipe: RecipeLine[];
}

export interface BoardOrder {
  id: string;
  number: string;
  fulfilment: Fulfilment;
  status: OrderStatus;
  total: number;
  placedAt: string;
  pickupAt: string | null;
  trackingNumber: string | null;
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
    /** The recipient must not learn who sent the flowers. */
    anonymous: boolean;
  } | null;
  cancellation: { code: string; message: string } | null;
  lines: BoardLine[];
}

/** An order as the API sends it: lines without their recipes. */
export interface ApiOrder extends Omit<BoardOrder, 'lines'> {
  lines: Omit<BoardLine, 'recipe'>[];
}

export interface OrdersData {
  storeOrders: { nodes: ApiOrder[] };
}

export interface OrderDetailData {
  order: (ApiOrder & { store: { id: string } }) | null;
  myStore: { id: string; name: string; businessHours: { closedWeekdays: number[] } } | null;
}

export interface RecipesData {
  sellerProducts: { nodes: { id: string; recipe: RecipeLine[] }[] };
}

export interface MyStoreData {
  myStore: { id: string; name: string; businessHours: { closedWeekdays: number[] } } | null;
}

export interface FlowersData {
  flowers: { id: number; name: { ko: string } }[];
}

export interface LiveNotice {
  notificationAdded: {
    id: string;
    kind: string;
    title: string;
    body: string;
    order: { id: string } | null;
  };
}

/** What advanceOrder and cancelOrder answer. */
export type ActionResult =
  | {
      __typename: 'Order';
      id: string;
      status: OrderStatus;
      trackingNumber: string | null;
    }
  | ({
      __typename: 'OrderNotFoundError' | 'InvalidTransitionError' | 'InvalidInputError';
    } & TypedError);
