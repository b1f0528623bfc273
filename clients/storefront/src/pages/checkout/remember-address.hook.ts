import { useMutation } from '@apollo/client/react';
import { TEXT_LIMITS } from '@bloom/client-shared';
import { type AddressPick, trimmedAddress } from '../../ui/buy-fields.js';
import { MARK_ADDRESS_USED, SAVE_ADDRESS } from './checkout.operations.js';

/**
 * The address book follows what was used: the saved entry moves up, a new one is kept when
 * the shopper asked for it. Best effort: a failure here does not touch the order.
 */
export function useRememberAddress() {
  const [saveAddress] = useMutation(SAVE_ADDRESS);
  const [markUsed] = useMutation(MARK_ADDRESS_USED);

  return (addressPick: AddressPick, saveIt: boolean) => {
    const address = trimmedAddress(addressPick.address);
    const same = addressPick.saved.find(
      (a) =>
        a.id === addressPick.savedId ||
        (a.recipientName === address.recipientName &&
          a.phone === address.phone &&
          a.zipCode === address.zipCode &&
          a.street === address.line1 &&
          a.detail === address.line2),
    );
    if (same) {
      void markUsed({ variables: { id: same.id } }).catch(() => undefined);
    } else if (saveIt) {
      void saveAddress({
        variables: {
          input: {
            // The label is made for the shopper, not typed: it fits the book's limit.
            label: address.recipientName.slice(0, TEXT_LIMITS.label),
            recipientName: address.recipientName,
            phone: address.phone,
            zipCode: address.zipCode,
            street: address.line1,
            detail: address.line2,
          },
        },
      }).catch(() => undefined);
    }
  };
}
