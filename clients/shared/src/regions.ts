import regionsFile from './regions.json';

/*
 * regions.json is the platform's region/district reference (../shared/data/regions.json, outside
 * this repository; the stores subgraph keeps its own copy, which checks the codes). The API has
 * no region list, so the clients read it from here.
 */
export interface District {
  code: string;
  name: string;
}
export interface Region {
  code: string;
  name: string;
  districts: District[];
}
export const REGIONS: readonly Region[] = regionsFile.regions;
