import { gql } from '@apollo/client';
import { INVALID_INPUT, type TypedError } from '@bloom/client-shared';

const STORE_FIELDS = gql`
  fragment StoreSetupFields on Store {
    id
    name
    description
    thumbnailUrl
    phone
    status
    address {
      regionCode
      districtCode
      street
      detail
      zipCode
      latitude
      longitude
    }
    businessHours {
      opensAt
      closesAt
      closedWeekdays
    }
    settlementAccount {
      bank
      accountNumber
      accountHolder
    }
    deliveryPolicy {
      fee
      freeDeliveryThreshold
      sameDayCutoff
      windows {
        start
        end
      }
    }
    pickup {
      enabled
      slotCapacity
    }
  }
`;

export const MY_STORE = gql`
  query StoreSetup {
    myStore {
      ...StoreSetupFields
    }
  }
  ${STORE_FIELDS}
`;

export const CREATE_STORE = gql`
  mutation StoreSetupCreate($input: CreateStoreInput!) {
    createStore(input: $input) {
      __typename
      ...StoreSetupFields
      ...InvalidInputFields
      ... on StoreAlreadyExistsError {
        code
        message
      }
      ... on SellerNotApprovedError {
        code
        message
      }
    }
  }
  ${STORE_FIELDS}
  ${INVALID_INPUT}
`;

export const UPDATE_STORE = gql`
  mutation StoreSetupUpdate($storeId: ID!, $input: UpdateStoreInput!) {
    updateStore(storeId: $storeId, input: $input) {
      __typename
      ...StoreSetupFields
      ...InvalidInputFields
    }
  }
  ${STORE_FIELDS}
  ${INVALID_INPUT}
`;

export const UPDATE_DELIVERY = gql`
  mutation StoreSetupDelivery($storeId: ID!, $input: StoreDeliveryPolicyInput!) {
    updateDeliveryPolicy(storeId: $storeId, input: $input) {
      __typename
      ...StoreSetupFields
      ...InvalidInputFields
    }
  }
  ${STORE_FIELDS}
  ${INVALID_INPUT}
`;

export const UPDATE_PICKUP = gql`
  mutation StoreSetupPickup($storeId: ID!, $input: PickupSettingsInput!) {
    updatePickupSettings(storeId: $storeId, input: $input) {
      __typename
      ...StoreSetupFields
      ...InvalidInputFields
    }
  }
  ${STORE_FIELDS}
  ${INVALID_INPUT}
`;

export interface StoreAddress {
  regionCode: string;
  districtCode: string;
  street: string;
  detail: string;
  zipCode: string;
  latitude: number;
  longitude: number;
}

export interface BusinessHours {
  opensAt: string;
  closesAt: string;
  closedWeekdays: number[];
}

export interface SettlementAccount {
  bank: string;
  accountNumber: string;
  accountHolder: string;
}

export interface DeliveryWindow {
  start: string;
  end: string;
}

export interface DeliveryPolicy {
  fee: number;
  freeDeliveryThreshold: number | null;
  sameDayCutoff: string;
  windows: DeliveryWindow[];
}

export interface PickupSettings {
  enabled: boolean;
  slotCapacity: number;
}

export interface SetupStore {
  __typename: 'Store';
  id: string;
  name: string;
  description: string;
  thumbnailUrl: string | null;
  phone: string;
  status: string;
  address: StoreAddress;
  businessHours: BusinessHours;
  settlementAccount: SettlementAccount | null;
  deliveryPolicy: DeliveryPolicy;
  pickup: PickupSettings;
}

export interface MyStoreData {
  myStore: SetupStore | null;
}

export type StoreResult =
  | SetupStore
  | ({
      __typename: 'InvalidInputError' | 'StoreAlreadyExistsError' | 'SellerNotApprovedError';
    } & TypedError);

export interface UpdateStoreInput {
  name?: string;
  description?: string;
  thumbnailUrl?: string;
  phone?: string;
  address?: StoreAddressInput;
  businessHours?: BusinessHours;
  settlementAccount?: SettlementAccount;
}

export interface StoreAddressInput {
  regionCode: string;
  districtCode: string;
  street: string;
  detail?: string;
  zipCode: string;
  latitude: number;
  longitude: number;
}

export interface CreateStoreInput {
  name: string;
  description?: string;
  thumbnailUrl?: string;
  phone: string;
  address: StoreAddressInput;
  businessHours: BusinessHours;
  settlementAccount: SettlementAccount;
  deliveryPolicy: DeliveryPolicy;
  pickup: PickupSettings;
}
