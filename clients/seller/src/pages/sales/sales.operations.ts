import { gql } from '@apollo/client';

export const SALES_STORE = gql`
  query SalesStore {
    myStore {
      id
      name
    }
  }
`;

/* Three small lists (7 days, 10 products, a few months): well under the gateway's cost limit. */
export const STORE_SALES = gql`
  query StoreSales($storeId: ID!) {
    storeDailySales(storeId: $storeId) {
      date
      orderCount
      amount
    }
    storeTopProducts(storeId: $storeId) {
      product {
        id
      }
      productName
      quantity
      amount
    }
    storeSettlements(storeId: $storeId) {
      id
      month
      orderCount
      gross
      commissionPercent
      commission
      payout
    }
  }
`;

export interface SalesStoreData {
  myStore: { id: string; name: string } | null;
}

export interface DailySales {
  /** YYYY-MM-DD, a Seoul day. */
  date: string;
  orderCount: number;
  amount: number;
}

export interface ProductSales {
  product: { id: string };
  productName: string;
  quantity: number;
  amount: number;
}

export interface Settlement {
  id: string;
  /** YYYY-MM (Seoul). */
  month: string;
  orderCount: number;
  gross: number;
  commissionPercent: number;
  commission: number;
  payout: number;
}

export interface StoreSalesData {
  storeDailySales: DailySales[];
  storeTopProducts: ProductSales[];
  storeSettlements: Settlement[];
}
