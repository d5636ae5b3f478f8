import { afterEach, vi } from 'vitest';
import { cleanup } from '@testing-library/svelte';
import './mock-api';

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});
