import { useState } from 'react';
import { errorText, type TypedError } from '@bloom/client-shared';
import type { ChangeResult } from './subscription.types.js';

/** Shared by the panels: a typed error in Korean, or a network failure. */
export function useChange() {
  const [problem, setProblem] = useState<TypedError | null>(null);
  const apply = async (change: () => Promise<ChangeResult | undefined>, onDone: () => void) => {
    setProblem(null);
    try {
      const result = await change();
      if (!result) return;
      if (result.__typename === 'FlowerSubscription') onDone();
      else setProblem(result);
    } catch (failure) {
      setProblem({
        code: 'NETWORK',
        message: `바꾸지 못했어요. 다시 시도해 주세요. (${errorText(failure)})`,
      });
    }
  };
  return { problem, setProblem, apply };
}
