import { isDuplicateKeyError } from '@bloom/kernel';
import type { Collection, Db } from 'mongodb';
import { MAX_SLOT_CAPACITY } from '../stores/store.validation.js';

interface SeatDoc {
  _id: string;
  storeId: string;
  slotStart: Date;
  seat: number;
  orderId: string;
  bookedAt: Date;
}

const seatId = (storeId: string, slotStart: Date, seat: number) =>
  `${storeId}:${slotStart.toISOString()}:${seat}`;

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * Pickup slot bookings as seats: booking inserts seat k (k < capacity) and a taken seat
 * refuses the insert, so a slot never exceeds its capacity. Seats are read by id (point reads,
 * answered from the primary index everywhere). Lowering a slot's capacity does not cancel bookings
 * already made in the seats above it.
 */
export class PickupBook {
  private readonly seats: Collection<SeatDoc>;

  constructor(db: Db) {
    this.seats = db.collection<SeatDoc>('pickup_seats');
  }

  private async read(storeId: string, slotStart: Date, count: number): Promise<(SeatDoc | null)[]> {
    return Promise.all(
      range(count).map((seat) => this.seats.findOne({ _id: seatId(storeId, slotStart, seat) })),
    );
  }

  /** Books a seat for the order (or finds the one it has); null when the slot is full. */
  async book(
    storeId: string,
    slotStart: Date,
    orderId: string,
    capacity: number,
    at: Date,
  ): Promise<number | null> {
    const taken = await this.read(storeId, slotStart, capacity);
    const mine = taken.find((doc) => doc?.orderId === orderId);
    if (mine) return mine.seat;
    for (const seat of range(capacity)) {
      if (taken[seat]) continue;
      try {
        await this.seats.insertOne({
          _id: seatId(storeId, slotStart, seat),
          storeId,
          slotStart,
          seat,
          orderId,
          bookedAt: at,
        });
        return seat;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    return null;
  }

  /** Gives the order's seat back; `seat` skips the search when known. */
  async release(
    storeId: string,
    slotStart: Date,
    orderId: string,
    seat?: number,
  ): Promise<boolean> {
    const candidates = seat === undefined ? range(MAX_SLOT_CAPACITY) : [seat];
    const docs = await Promise.all(
      candidates.map((s) => this.seats.findOne({ _id: seatId(storeId, slotStart, s) })),
    );
    const mine = docs.find((doc) => doc?.orderId === orderId);
    if (!mine) return false;
    const deleted = await this.seats.deleteOne({ _id: mine._id, orderId });
    return deleted.deletedCount > 0;
  }

  /** Booked seats per slot start (ISO) among the first `capacity` seats. */
  async booked(
    storeId: string,
    slotStarts: Date[],
    capacity: number,
  ): Promise<Map<string, number>> {
    const counts = await Promise.all(
      slotStarts.map(async (start) => {
        const docs = await this.read(storeId, start, capacity);
        return [start.toISOString(), docs.filter((d) => d !== null).length] as const;
      }),
    );
    return new Map(counts);
  }
}
