import { describe, expect, it } from 'vitest';
import { ACTIVATION_WINDOW_MS, UserActivation } from '../../../src/main/window/user-activation';

describe('UserActivation', () => {
  it('lets one press open one link, within the activation window only', () => {
    let now = 1_000;
    const activation = new UserActivation(() => now);
    expect(activation.consume()).toBe(false);
    activation.observe('mouseDown');
    now += ACTIVATION_WINDOW_MS;
    expect(activation.consume()).toBe(true);
    expect(activation.consume()).toBe(false);
    activation.observe('rawKeyDown');
    now += ACTIVATION_WINDOW_MS + 1;
    expect(activation.consume()).toBe(false);
  });

  it.each(['mouseMove', 'mouseUp', 'mouseWheel', 'mouseEnter', 'char', 'keyUp', 'undefined'])('does not count %s as the person acting', (type) => {
    const activation = new UserActivation(() => 0);
    activation.observe(type);
    expect(activation.consume()).toBe(false);
  });
});
