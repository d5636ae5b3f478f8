import { describe, expect, it } from 'vitest';
import { OnScreen } from '../../../src/main/window/on-screen';

describe('OnScreen', () => {
  it('applies the page’s report only while the window is visible, and again when it is shown', () => {
    const applied: string[][] = [];
    const onScreen = new OnScreen((keys) => applied.push(keys));
    onScreen.report(['a/1', 'a/2']);
    expect(applied).toEqual([]);
    onScreen.visibilityChanged(true);
    expect(applied).toEqual([['a/1', 'a/2']]);
    onScreen.report(['a/3']);
    onScreen.visibilityChanged(false);
    onScreen.report(['a/4']);
    onScreen.visibilityChanged(true);
    expect(applied).toEqual([['a/1', 'a/2'], ['a/3'], [], ['a/4']]);
  });

  it('does nothing when the visibility did not change', () => {
    const applied: string[][] = [];
    const onScreen = new OnScreen((keys) => applied.push(keys));
    onScreen.visibilityChanged(false);
    onScreen.visibilityChanged(true);
    onScreen.visibilityChanged(true);
    expect(applied).toEqual([[]]);
  });
});
