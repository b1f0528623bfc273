import { type EntityManager, ObjectId } from '@mikro-orm/mongodb';
import { User } from './user.entity.js';

/** Loads users by id; malformed ids simply match nothing. */
export async function findUsersByIds(em: EntityManager, ids: readonly string[]): Promise<User[]> {
  const valid = ids.filter((id) => ObjectId.isValid(id)).map((id) => new ObjectId(id));
  return valid.length === 0 ? [] : em.find(User, { _id: { $in: valid } });
}

export async function findUserById(em: EntityManager, id: string): Promise<User | null> {
  return ObjectId.isValid(id) ? em.findOne(User, { _id: new ObjectId(id) }) : null;
}
