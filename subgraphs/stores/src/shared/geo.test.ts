import { describe, expect, it } from 'vitest';
import { boundsAround, distanceMeters } from './geo.js';

const gangnamStation = { latitude: 37.4979, longitude: 127.0276 };
const seoulCityHall = { latitude: 37.5663, longitude: 126.9779 };

describe('geo', () => {
  it('measures great-circle distances', () => {
    const d = distanceMeters(gangnamStation, seoulCityHall);
    expect(d).toBeGreaterThan(8_700);
    expect(d).toBeLessThan(8_900);
    expect(distanceMeters(gangnamStation, gangnamStation)).toBe(0);
  });

  it('builds a box that contains the whole circle', () => {
    const box = boundsAround(gangnamStation, 2_000);
    for (const bearing of [0, 45, 90, 135, 180, 225, 270, 315]) {
      const rad = (bearing * Math.PI) / 180;
      const point = {
        latitude: gangnamStation.latitude + (1_999 * Math.cos(rad)) / 111_320,
        longitude:
          gangnamStation.longitude +
          (1_999 * Math.sin(rad)) / (111_320 * Math.cos((gangnamStation.latitude * Math.PI) / 180)),
      };
      expect(point.latitude).toBeGreaterThanOrEqual(box.south);
      expect(point.latitude).toBeLessThanOrEqual(box.north);
      expect(point.longitude).toBeGreaterThanOrEqual(box.west);
      expect(point.longitude).toBeLessThanOrEqual(box.east);
    }
  });
});
