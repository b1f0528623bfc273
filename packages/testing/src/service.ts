import type { Service } from '@bloom/kernel';

/** Has a built service listen where its config says (tests give PORT 0); closes it on failure. */
export async function listening<T extends Service>(built: Promise<T>): Promise<T> {
  const service = await built;
  try {
    await service.listen();
  } catch (error) {
    await service.close();
    throw error;
  }
  return service;
}
