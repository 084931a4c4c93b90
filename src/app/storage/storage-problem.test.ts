import { describe, expect, it } from 'vitest';
import { isQuotaError, storageProblem, storageUnavailable } from './storage-problem.ts';

describe('storage problems', () => {
  it('tells a full storage from other failures, by the error\'s name', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(new DOMException('x', 'AbortError'))).toBe(false);
    const full = storageProblem(quota, 'this run');
    expect(full.kind).toBe('full');
    expect(full.message).toMatch(/storage for this app is full, so this run was not kept.*Delete runs.*Recent runs/s);
  });

  it('says what failed otherwise, and what to do', () => {
    const failed = storageProblem(new Error('disk on fire'), 'your settings');
    expect(failed).toEqual({ kind: 'failed', message: expect.stringMatching(/could not keep your settings \(disk on fire\)/) });
    expect(storageUnavailable(new Error('IndexedDB is not available')).message).toMatch(/keeps no data.*private browsing.*save a run as a file/s);
  });
});
