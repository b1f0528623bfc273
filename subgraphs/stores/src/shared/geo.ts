/**
 * Distances for the store finder. the local database has no geo indexes or `$near`, so the database
 * filters a latitude/longitude box and the exact distance is computed here.
 */
const EARTH_RADIUS_M = 6_371_008.8;
const METERS_PER_DEGREE_LAT = 111_320;

export interface LatLng {
  latitude: number;
  longitude: number;
}

export interface Bounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLng = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A box that contains every point within `radiusMeters` of `center` (a little more at corners). */
export function boundsAround(center: LatLng, radiusMeters: number): Bounds {
  const dLat = radiusMeters / METERS_PER_DEGREE_LAT;
  // Longitude degrees shrink towards the poles; clamp so the box never inverts.
  const cos = Math.max(0.01, Math.cos(radians(center.latitude)));
  const dLng = Math.min(180, radiusMeters / (METERS_PER_DEGREE_LAT * cos));
  return {
    south: Math.max(-90, center.latitude - dLat),
    north: Math.min(90, center.latitude + dLat),
    west: Math.max(-180, center.longitude - dLng),
    east: Math.min(180, center.longitude + dLng),
  };
}

export function centerOf(bounds: Bounds): LatLng {
  return {
    latitude: (bounds.south + bounds.north) / 2,
    longitude: (bounds.west + bounds.east) / 2,
  };
}

export function isValidLatLng(point: LatLng): boolean {
  return (
    Number.isFinite(point.latitude) &&
    Number.isFinite(point.longitude) &&
    Math.abs(point.latitude) <= 90 &&
    Math.abs(point.longitude) <= 180
  );
}
