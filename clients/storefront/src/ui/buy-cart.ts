import { gql } from '@apollo/client';

/**
 * The cart as the cart and checkout pages read it. Both select exactly these fields: the cart
 * has no id, so it is cached as one object under `Query.cart`, and two pages asking for
 * different fields of it would each find the other's answer incomplete and fetch again.
 */
export const CART_VIEW = gql`
  fragment CartView on Cart {
    total
    itemCount
    groups {
      store {
        id
        name
      }
      subtotal
      deliveryFee
      freeDeliveryThreshold
      lines {
        id
        quantity
        unitPrice
        amount
        available
        product {
          id
          name
          availableQuantity
          images {
            url
          }
        }
      }
    }
  }
`;

/** The API's most of one product in one cart or order. */
export const MAX_LINE_QUANTITY = 999;

export interface CartLine {
  id: string;
  quantity: number;
  unitPrice: number;
  amount: number;
  available: boolean;
  product: {
    id: string;
    name: string;
    /** How many the store can make now: the stepper stops there. */
    availableQuantity: number;
    images: { url: string }[];
  };
}

export interface CartGroup {
  store: { id: string; name: string };
  subtotal: number;
  deliveryFee: number;
  freeDeliveryThreshold: number | null;
  lines: CartLine[];
}

export interface CartView {
  total: number;
  itemCount: number;
  groups: CartGroup[];
}

/** The store's rule, the same as the server's: free from the threshold on. */
export const deliveryFeeFor = (
  policy: { fee: number; freeDeliveryThreshold: number | null },
  subtotal: number,
): number =>
  policy.freeDeliveryThreshold !== null && subtotal >= policy.freeDeliveryThreshold
    ? 0
    : policy.fee;
