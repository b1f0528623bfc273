import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldSubgraphsTable } from './field-subgraphs.table.js';

const table = fieldSubgraphsTable(
  readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8'),
);

describe('fieldSubgraphsTable', () => {
  it('names the subgraph of a root field', () => {
    expect(table.get('Query.unreadNoticeCount')).toEqual(['NOTIFICATIONS']);
    expect(table.get('Query.products')).toEqual(['PRODUCTS']);
  });

  it('names the owner of an entity field, leaving out subgraphs that only declare it external', () => {
    expect(table.get('Store.name')).toEqual(['STORES']);
    expect(table.get('Store.products')).toEqual(['PRODUCTS']);
    expect(table.get('Product.storeId')).toEqual(['PRODUCTS']);
    // @requires: resolved by stores from fields products provides.
    expect(table.get('Product.availableQuantity')).toEqual(['STORES']);
  });

  it('gives a field without @join__field every subgraph of its type', () => {
    expect(table.get('PageInfo.hasNextPage')).toEqual(
      expect.arrayContaining(['IDENTITY', 'NOTIFICATIONS', 'ORDERS', 'PRODUCTS', 'STORES']),
    );
    expect(table.get('Store.id')).toEqual(expect.arrayContaining(['STORES', 'PRODUCTS']));
  });
});
