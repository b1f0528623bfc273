import {
  type EntityManager,
  type Page,
  type SortKey,
  badInput,
  decodeKeysetCursor,
  encodeKeysetCursor,
  escapeRegex,
  pageFrom,
} from '@bloom/kernel';
import type { FilterQuery } from '@mikro-orm/core';
import {
  type Bounds,
  type LatLng,
  boundsAround,
  centerOf,
  distanceMeters,
  isValidLatLng,
} from '../shared/geo.js';
import { Store, StoreStatus } from './store.entity.js';
import { StoreRating } from './store-rating.entity.js';
import { type StoreFilter, StoreSort } from './store.types.js';

const MAX_RADIUS_M = 50_000;
/** A finder query never loads more candidates than this; narrow the area or region instead. */
const MAX_CANDIDATES = 5_000;

interface Ranked {
  store: Store;
  key: number;
}

function intersect(a: Bounds | undefined, b: Bounds | undefined): Bounds | undefined {
  if (!a) return b;
  if (!b) return a;
  return {
    south: Math.max(a.south, b.south),
    north: Math.min(a.north, b.north),
    west: Math.max(a.west, b.west),
    east: Math.min(a.east, b.east),
  };
}

/**
 * Store search by region, radius and map bounds. The database narrows by region codes and a
 * latitude/longitude box; distances (haversine), the radius, sorting and cursor paging are done
 * here, because the local database has no geo indexes or `$near`. Sort keys are totally ordered with the
 * id as tie-breaker, so a cursor `[key, id]` resumes exactly.
 */
export async function findStores(
  em: EntityManager,
  options: {
    filter: StoreFilter;
    sort: StoreSort;
    first: number;
    after?: string;
    asAdmin: boolean;
  },
): Promise<Page<Store>> {
  const { filter, sort, first, after } = options;
  if (filter.status && filter.status !== StoreStatus.OPEN && !options.asAdmin) {
    throw badInput('Only administrators can list stores that are not open.', { field: 'status' });
  }
  const where: FilterQuery<Store>[] = [];
  const status = options.asAdmin ? filter.status : StoreStatus.OPEN;
  if (status) where.push({ status });
  if (filter.regionCode) where.push({ address: { regionCode: filter.regionCode } });
  if (filter.districtCode) where.push({ address: { districtCode: filter.districtCode } });
  if (filter.name?.trim()) {
    where.push({ name: new RegExp(escapeRegex(filter.name.trim()), 'i') });
  }

  let origin: LatLng | undefined;
  let box: Bounds | undefined;
  if (filter.near) {
    const { radiusMeters } = filter.near;
    if (!isValidLatLng(filter.near)) throw badInput('Invalid point.', { field: 'filter.near' });
    if (!Number.isInteger(radiusMeters) || radiusMeters < 1 || radiusMeters > MAX_RADIUS_M) {
      throw badInput(`radiusMeters must be 1 to ${MAX_RADIUS_M}.`, { field: 'filter.near' });
    }
    origin = { latitude: filter.near.latitude, longitude: filter.near.longitude };
    box = boundsAround(origin, radiusMeters);
  }
  if (filter.bounds) {
    const b = filter.bounds;
    if (
      !isValidLatLng({ latitude: b.south, longitude: b.west }) ||
      !isValidLatLng({ latitude: b.north, longitude: b.east }) ||
      b.south > b.north ||
      b.west > b.east
    ) {
      throw badInput('bounds need south ≤ north and west ≤ east.', { field: 'filter.bounds' });
    }
    box = intersect(box, b);
    origin ??= centerOf(b);
  }
  if (box) {
    where.push({
      address: {
        latitude: { $gte: box.south, $lte: box.north },
        longitude: { $gte: box.west, $lte: box.east },
      },
    });
  }
  if (sort === StoreSort.DISTANCE && !origin) {
    throw badInput('Sorting by distance needs `near` or `bounds`.', { field: 'sort' });
  }

  const candidates = await em.find(Store, where.length > 0 ? { $and: where } : {}, {
    limit: MAX_CANDIDATES,
  });
  const ratings =
    sort === StoreSort.RATING && candidates.length > 0
      ? new Map(
          (await em.find(StoreRating, { _id: { $in: candidates.map((s) => s.id) } })).map((r) => [
            r._id,
            r.rating,
          ]),
        )
      : new Map<string, number>();
  let ranked: Ranked[] = candidates.map((store) => {
    if (origin) store.distanceMeters = Math.round(distanceMeters(origin, store.address));
    const key =
      sort === StoreSort.DISTANCE
        ? (store.distanceMeters ?? 0)
        : sort === StoreSort.RATING
          ? (ratings.get(store.id) ?? 0)
          : store.createdAt.getTime();
    return { store, key };
  });
  if (filter.near) {
    const radius = filter.near.radiusMeters;
    ranked = ranked.filter((r) => (r.store.distanceMeters ?? Infinity) <= radius);
  }

  // Distance ascending; rating and newest descending. Ties: id, in the same direction.
  const direction = sort === StoreSort.DISTANCE ? 1 : -1;
  const compare = (a: { key: number; id: string }, b: { key: number; id: string }) =>
    a.key !== b.key
      ? (a.key - b.key) * direction
      : (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * direction;
  ranked.sort((a, b) => compare({ key: a.key, id: a.store.id }, { key: b.key, id: b.store.id }));

  // The cursor holds the last store's [key, id], the same order as `compare`.
  const dir = direction === 1 ? 'asc' : 'desc';
  const keys: SortKey<Ranked>[] = [
    { field: 'key', dir, kind: 'number', value: (r) => r.key },
    { field: 'id', dir, kind: 'string', value: (r) => r.store.id },
  ];
  let start = 0;
  if (after) {
    const [key, id] = decodeKeysetCursor(keys, after) as [number, string];
    start = ranked.findIndex((r) => compare({ key: r.key, id: r.store.id }, { key, id }) > 0);
    if (start < 0) start = ranked.length;
  }
  const page = pageFrom(ranked.slice(start, start + first + 1), first, ranked.length, (r) =>
    encodeKeysetCursor(keys, r),
  );
  return { ...page, nodes: page.nodes.map((r) => r.store) };
}
