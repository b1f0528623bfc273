import { useState } from 'react';
import { seoulDay } from '@bloom/client-shared';
import { type AddressPick, useAddressPick } from '../../ui/buy-fields.js';
import type { OrderGroup } from './checkout.types.js';
import { NO_SENDER, type Sender } from './sender-form.js';
import { type CommonDeliveryDate, commonDeliveryDates } from './delivery-dates.js';

export interface DeliveryChoice {
  addressPick: AddressPick;
  /** Keep a new address in the address book. */
  saveIt: boolean;
  setSaveIt: (saveIt: boolean) => void;
  /** The days every store can deliver on. */
  dates: CommonDeliveryDate[];
  date: CommonDeliveryDate | null;
  deliveryWindow: string | null;
  pickDate: (date: string) => void;
  pickWindow: (window: string) => void;
  note: string;
  setNote: (note: string) => void;
  sender: Sender;
  setSender: (sender: Sender) => void;
}

/**
 * Where and when to deliver. The day shown is the one picked, else the first from tomorrow;
 * the window is the one picked when that day has it, else the day's first.
 */
export function useDeliveryChoice(groups: OrderGroup[]): DeliveryChoice {
  const [tomorrow] = useState(() => seoulDay(1));
  const addressPick = useAddressPick();
  const [saveIt, setSaveIt] = useState(true);
  const [pickedDate, setPickedDate] = useState<string | null>(null);
  const [pickedWindow, setPickedWindow] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [sender, setSender] = useState<Sender>(NO_SENDER);

  const dates = commonDeliveryDates(groups);
  const date =
    dates.find((d) => d.date === pickedDate) ??
    dates.find((d) => d.date >= tomorrow) ??
    dates[0] ??
    null;
  const deliveryWindow = date?.windows.includes(pickedWindow ?? '')
    ? pickedWindow
    : (date?.windows[0] ?? null);

  return {
    addressPick,
    saveIt,
    setSaveIt,
    dates,
    date,
    deliveryWindow,
    pickDate: setPickedDate,
    pickWindow: setPickedWindow,
    note,
    setNote,
    sender,
    setSender,
  };
}
