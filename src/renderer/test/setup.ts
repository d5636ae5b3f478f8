import { afterEach, vi } from 'vitest';
import { cleanup } from '@testing-library/svelte';
import { mockApi } from './mock-api';

// Each test starts from the contract's defaults: no answer, call or subscriber of an earlier test
// leaks into the next (components are unmounted first, so their own unsubscribes run).
afterEach(() => {
  cleanup();
  mockApi.reset();
  vi.clearAllMocks();
});
