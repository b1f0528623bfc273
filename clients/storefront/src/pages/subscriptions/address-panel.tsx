import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { windowValue } from '../../ui/buy-dates.js';
import {
  AddressFields,
  type AddressValue,
  DeliveryWindowChips,
  trimmedAddress,
} from '../../ui/buy-fields.js';
import { ChangePanel } from './change-panel.js';
import { CHANGE_ADDRESS } from './subscription.operations.js';
import type { ChangeResult, PanelProps } from './subscription.types.js';
import { useChange } from './subscription-change.hook.js';

/** Where the deliveries go and in which window. */
export function AddressPanel({ subscription: s, onDone, onClose }: PanelProps) {
  const [address, setAddress] = useState<AddressValue>({
    recipientName: s.address.recipientName,
    phone: s.address.phone,
    zipCode: s.address.zipCode,
    line1: s.address.line1,
    line2: s.address.line2,
  });
  const windows = s.store.deliveryPolicy.windows.map(windowValue);
  const [deliveryWindow, setDeliveryWindow] = useState(s.deliveryWindow);
  const [change, { loading }] = useMutation<
    { changeSubscriptionAddress: ChangeResult },
    { id: string; address: AddressValue; deliveryWindow?: string }
  >(CHANGE_ADDRESS);
  const { problem, apply } = useChange();
  return (
    <ChangePanel
      label="배송지·시간 변경"
      title="배송지와 시간"
      detail="아직 결제되지 않은 배송부터 바뀐 곳으로 보내요."
      problem={problem}
      busy={loading}
      submitText="저장하기"
      onSubmit={() =>
        void apply(
          async () =>
            (
              await change({
                variables: {
                  id: s.id,
                  address: trimmedAddress(address),
                  ...(windows.includes(deliveryWindow) ? { deliveryWindow } : {}),
                },
              })
            ).data?.changeSubscriptionAddress,
          () => onDone('배송지와 시간을 바꿨어요.'),
        )
      }
      onClose={onClose}
    >
      <AddressFields value={address} onChange={setAddress} invalidField={problem?.field} />
      <DeliveryWindowChips windows={windows} value={deliveryWindow} onChange={setDeliveryWindow} />
    </ChangePanel>
  );
}
