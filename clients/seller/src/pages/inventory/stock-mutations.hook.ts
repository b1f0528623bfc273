import { useMutation } from '@apollo/client/react';
import { useRef } from 'react';
import {
  ADJUST_FLOWER_STOCK,
  SET_FLOWER_STOCK,
  STOCK_REFETCH,
  type StockResult,
  type StockVariables,
} from './inventory.operations.js';

type Delta = { flowerId: number; delta: number };
type Quantity = { flowerId: number; available: number };

/**
 * Set and adjust, each retry-safe: the same requestId is sent again until the server answers,
 * so a flaky shop Wi-Fi never counts a delivery twice.
 */
export function useStockMutations(storeId: string) {
  const requestId = useRef<string>(crypto.randomUUID());
  const options = { refetchQueries: STOCK_REFETCH, awaitRefetchQueries: true };
  const [setStock, setState] = useMutation<
    { setFlowerStock: StockResult },
    StockVariables<Quantity>
  >(SET_FLOWER_STOCK, options);
  const [adjustStock, adjustState] = useMutation<
    { adjustFlowerStock: StockResult },
    StockVariables<Delta>
  >(ADJUST_FLOWER_STOCK, options);

  const answered = (result: StockResult | undefined) => {
    if (result) requestId.current = crypto.randomUUID();
    return result;
  };

  return {
    loading: setState.loading || adjustState.loading,
    set: async (items: Quantity[], reason?: string) =>
      answered(
        (
          await setStock({
            variables: { storeId, items, reason, requestId: requestId.current },
          })
        ).data?.setFlowerStock,
      ),
    adjust: async (items: Delta[], reason?: string) =>
      answered(
        (
          await adjustStock({
            variables: { storeId, items, reason, requestId: requestId.current },
          })
        ).data?.adjustFlowerStock,
      ),
  };
}
