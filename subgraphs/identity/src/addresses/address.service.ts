import { type EntityManager, isDuplicateKeyError } from '@bloom/kernel';
import { ObjectId } from '@mikro-orm/mongodb';
import type { IdentityDeps } from '../identity.deps.js';
import { InvalidInputError, firstProblem, simpleError, textProblem } from '@bloom/kernel';
import { checkName, checkPhone, normalizePhone } from '../shared/validation.js';
import { Address, MAX_ADDRESSES } from './address.entity.js';
import { AddressNotFoundError } from './address.errors.js';
import type { AddressInput } from './address.types.js';

/** Longest accepted address texts (trimmed); longer ones are refused, never cut. */
const ADDRESS_TEXT_LIMITS = { label: 20, street: 200, detail: 200, areaCode: 10 };

function check(input: AddressInput): InvalidInputError | null {
  return firstProblem(
    textProblem(input.label, 'label', ADDRESS_TEXT_LIMITS.label),
    checkName(input.recipientName, 'recipientName'),
    checkPhone(input.phone),
    /^\d{5}$/.test(input.zipCode.trim())
      ? null
      : InvalidInputError.of('zipCode', 'Enter the five-digit postal code.', 'INVALID_ZIP'),
    textProblem(input.street, 'street', ADDRESS_TEXT_LIMITS.street),
    textProblem(input.detail, 'detail', ADDRESS_TEXT_LIMITS.detail, false),
    textProblem(input.regionCode, 'regionCode', ADDRESS_TEXT_LIMITS.areaCode, false),
    textProblem(input.districtCode, 'districtCode', ADDRESS_TEXT_LIMITS.areaCode, false),
  );
}

const clean = (input: AddressInput) => ({
  label: input.label.trim(),
  recipientName: input.recipientName.trim(),
  phone: normalizePhone(input.phone),
  zipCode: input.zipCode.trim(),
  street: input.street.trim(),
  detail: input.detail?.trim() ?? '',
  regionCode: input.regionCode,
  districtCode: input.districtCode,
});

export class AddressService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: IdentityDeps,
  ) {}

  /** Most recently used first. */
  list(userId: string): Promise<Address[]> {
    return this.em.find(Address, { userId }, { orderBy: { lastUsedAt: 'desc', _id: 'desc' } });
  }

  /**
   * Saves a new address into a free slot; with all ten slots taken it replaces the address
   * used longest ago. Slots are unique per user, so concurrent saves cannot exceed ten.
   */
  async save(userId: string, input: AddressInput): Promise<Address | InvalidInputError> {
    const problem = check(input);
    if (problem) return problem;
    const now = this.deps.now();
    for (let attempt = 0; attempt < MAX_ADDRESSES * 2; attempt += 1) {
      const existing = await this.list(userId);
      const used = new Set(existing.map((a) => a.slot));
      const free = [...Array(MAX_ADDRESSES).keys()].find((slot) => !used.has(slot));
      if (free === undefined) {
        const oldest = existing.at(-1) as Address;
        Object.assign(oldest, clean(input), { lastUsedAt: now, createdAt: now });
        await this.em.flush();
        return oldest;
      }
      const address = this.em.create(Address, {
        ...clean(input),
        userId,
        slot: free,
        lastUsedAt: now,
        createdAt: now,
      });
      try {
        await this.em.persistAndFlush(address);
        return address;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        // A concurrent save took this slot; look again.
        this.em.clear();
      }
    }
    throw new Error('could not find an address slot');
  }

  private async owned(userId: string, id: string): Promise<Address | null> {
    return ObjectId.isValid(id)
      ? this.em.findOne(Address, { _id: new ObjectId(id), userId })
      : null;
  }

  private notFound = () =>
    simpleError(AddressNotFoundError, 'ADDRESS_NOT_FOUND', 'No such saved address.');

  async update(
    userId: string,
    id: string,
    input: AddressInput,
  ): Promise<Address | InvalidInputError | AddressNotFoundError> {
    const problem = check(input);
    if (problem) return problem;
    const address = await this.owned(userId, id);
    if (!address) return this.notFound();
    Object.assign(address, clean(input));
    await this.em.flush();
    return address;
  }

  async remove(userId: string, id: string): Promise<boolean> {
    const address = await this.owned(userId, id);
    if (!address) return false;
    await this.em.removeAndFlush(address);
    return true;
  }

  /** Called when an address is used for an order, so the list stays ordered by use. */
  async markUsed(userId: string, id: string): Promise<Address | AddressNotFoundError> {
    const address = await this.owned(userId, id);
    if (!address) return this.notFound();
    address.lastUsedAt = this.deps.now();
    await this.em.flush();
    return address;
  }
}
