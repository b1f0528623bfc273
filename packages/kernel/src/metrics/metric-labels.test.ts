import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS_OPERATION,
  BoundedLabel,
  MAX_OPERATION_NAMES,
  errorCodeLabel,
  methodLabel,
  operationLabel,
  routeLabel,
} from './metric-labels.js';

describe('operation labels', () => {
  it('keeps a GraphQL name of at most 64 characters', () => {
    const names = new BoundedLabel(MAX_OPERATION_NAMES);
    expect(operationLabel(names, 'CheckoutPage')).toBe('CheckoutPage');
    expect(operationLabel(names, 'a'.repeat(64))).toBe('a'.repeat(64));
  });

  it('makes anonymous, overlong and non-name operations anonymous', () => {
    const names = new BoundedLabel(MAX_OPERATION_NAMES);
    expect(operationLabel(names, undefined)).toBe(ANONYMOUS_OPERATION);
    expect(operationLabel(names, null)).toBe(ANONYMOUS_OPERATION);
    expect(operationLabel(names, '')).toBe(ANONYMOUS_OPERATION);
    expect(operationLabel(names, 'a'.repeat(65))).toBe(ANONYMOUS_OPERATION);
    expect(operationLabel(names, 'order-123')).toBe(ANONYMOUS_OPERATION);
    expect(operationLabel(names, 'x"} 1\nevil')).toBe(ANONYMOUS_OPERATION);
    expect(names.size).toBe(0);
  });

  it(`admits ${MAX_OPERATION_NAMES} distinct names, then labels new ones other`, () => {
    const names = new BoundedLabel(MAX_OPERATION_NAMES);
    for (let i = 0; i < MAX_OPERATION_NAMES; i += 1) {
      expect(operationLabel(names, `Op${i}`)).toBe(`Op${i}`);
    }
    expect(operationLabel(names, 'OneTooMany')).toBe('other');
    // Names seen before the cap keep their label.
    expect(operationLabel(names, 'Op0')).toBe('Op0');
    expect(operationLabel(names, `Op${MAX_OPERATION_NAMES - 1}`)).toBe(
      `Op${MAX_OPERATION_NAMES - 1}`,
    );
    expect(names.size).toBe(MAX_OPERATION_NAMES);
  });
});

describe('route labels', () => {
  it('maps the kernel routes, with or without a query string', () => {
    expect(routeLabel('/graphql')).toBe('/graphql');
    expect(routeLabel('/graphql?query=%7B__typename%7D')).toBe('/graphql');
    expect(routeLabel('/health')).toBe('/health');
    expect(routeLabel('/ready')).toBe('/ready');
    expect(routeLabel('/metrics')).toBe('/metrics');
  });

  it('never returns a raw path', () => {
    expect(routeLabel('/orders/6650f3a2b1')).toBe('other');
    expect(routeLabel('/graphqlx')).toBe('other');
    expect(routeLabel('/')).toBe('other');
    expect(routeLabel(undefined)).toBe('other');
    expect(routeLabel('/images/abc.png')).toBe('other');
  });

  it('maps paths below an extra route to that route', () => {
    const routes = ['/graphql', '/images', '/ops/health'];
    expect(routeLabel('/images/products/abc.png', routes)).toBe('/images');
    expect(routeLabel('/images', routes)).toBe('/images');
    expect(routeLabel('/imagesx', routes)).toBe('other');
    expect(routeLabel('/ops/health?x=1', routes)).toBe('/ops/health');
  });
});

describe('method and error-code labels', () => {
  it('keeps the standard methods only', () => {
    expect(methodLabel('GET')).toBe('GET');
    expect(methodLabel('POST')).toBe('POST');
    expect(methodLabel('PROPFIND')).toBe('OTHER');
    expect(methodLabel(undefined)).toBe('OTHER');
  });

  it('keeps upper-case codes, bounded, and calls anything else UNKNOWN', () => {
    const codes = new BoundedLabel(2);
    expect(errorCodeLabel(codes, 'NOT_FOUND')).toBe('NOT_FOUND');
    expect(errorCodeLabel(codes, 'FORBIDDEN')).toBe('FORBIDDEN');
    expect(errorCodeLabel(codes, 'CONFLICT')).toBe('other');
    expect(errorCodeLabel(codes, 'not a code')).toBe('UNKNOWN');
    expect(errorCodeLabel(codes, 42)).toBe('UNKNOWN');
    expect(errorCodeLabel(codes, undefined)).toBe('UNKNOWN');
  });
});
