import { gql } from '@apollo/client';

const SETTLEMENT_FIELDS = `
  id
  month
  regionCode
  orderCount
  gross
  commissionPercent
  commission
  payout
  createdAt
  store {
    id
    name
    address {
      regionName
    }
  }
`;

export const SETTLEMENTS = gql`
  query AdminSettlements($month: String, $regionCode: String, $storeId: ID) {
    settlements(month: $month, regionCode: $regionCode, storeId: $storeId) {
      ${SETTLEMENT_FIELDS}
    }
  }
`;

/** The filters' choices: every store, and the regions they are in. */
export const MONEY_CHOICES = gql`
  query AdminMoneyChoices {
    adminStores(sort: NEWEST, first: 100) {
      nodes {
        id
        name
        address {
          regionCode
          regionName
        }
      }
    }
  }
`;

export const SETTLE_MONTH = gql`
  mutation AdminSettleMonth($month: String!) {
    settleMonth(month: $month) {
      ${SETTLEMENT_FIELDS}
    }
  }
`;

export interface Settlement {
  id: string;
  month: string;
  regionCode: string | null;
  orderCount: number;
  gross: number;
  commissionPercent: number;
  commission: number;
  payout: number;
  createdAt: string;
  store: { id: string; name: string; address: { regionName: string | null } };
}

export interface MoneyChoices {
  adminStores: {
    nodes: {
      id: string;
      name: string;
      address: { regionCode: string; regionName: string | null };
    }[];
  };
}
