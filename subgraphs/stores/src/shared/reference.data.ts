import { readFileSync } from 'node:fs';

/**
 * Korean administrative regions (sido / si-gun-gu codes) for store addresses and the finder:
 * a verbatim copy of shared/data/regions.json next to this module. The type query makes tsc
 * copy the JSON into dist/; it is read with fs because the SWC loader drops import attributes.
 */
type RegionsFile = typeof import('./regions.json');

const file = JSON.parse(
  readFileSync(new URL('./regions.json', import.meta.url), 'utf8'),
) as RegionsFile;

export interface Region {
  code: string;
  name: string;
  districts: { code: string; name: string }[];
}

export const REGIONS: readonly Region[] = file.regions;

const regionByCode = new Map(REGIONS.map((region) => [region.code, region]));
const districtByCode = new Map(
  REGIONS.flatMap((region) => region.districts.map((d) => [d.code, { ...d, region }] as const)),
);

export const regionName = (code: string) => regionByCode.get(code)?.name ?? null;
export const districtName = (code: string) => districtByCode.get(code)?.name ?? null;

/** True when the district exists and belongs to the region. */
export const isDistrictOf = (regionCode: string, districtCode: string) =>
  districtByCode.get(districtCode)?.region.code === regionCode;

export const isRegion = (code: string) => regionByCode.has(code);

/** Banks sellers can settle to (shared/data/catalog.json `settlementBanks`). */
export const SETTLEMENT_BANKS = [
  '국민은행',
  '농협은행',
  '신한은행',
  '우리은행',
  '카카오뱅크',
  '하나은행',
] as const;

/** The 22 reference flowers have ids 1..22 (shared/data/catalog.json `flowers`). */
export const FLOWER_IDS: readonly number[] = Array.from({ length: 22 }, (_, index) => index + 1);

export const isFlowerId = (id: number) => Number.isInteger(id) && id >= 1 && id <= 22;
