/**
 * nativeImage: sizes read from PNG and JPEG headers, Electron's "empty image, not an error" rule,
 * data URLs, resize arithmetic, and the honest refusals of what the double does not decode.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jpegSize, pngSize } from '../../electron-double/runtime/image-size';
import { nativeImage } from '../../electron-double/runtime/native-image';

const ICON = resolve('test/electron-double/fixtures/icon.png');

// The smallest JPEG header the reader needs: SOI, an APP0 segment, then SOF0 with 48×20.
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x14, 0x00, 0x30, 0x01, 0x01, 0x11, 0x00]);

describe('image headers', () => {
  it('reads PNG and JPEG sizes and rejects anything else', () => {
    expect(jpegSize(JPEG)).toEqual({ width: 48, height: 20 });
    expect(pngSize(JPEG)).toBeUndefined();
    expect(jpegSize(Buffer.from('GIF89a'))).toBeUndefined();
  });
});

describe('nativeImage', () => {
  it('makes an image from a PNG file with its real size', () => {
    const image = nativeImage.createFromPath(ICON);
    expect(image.isEmpty()).toBe(false);
    expect(image.getSize()).toEqual({ width: 32, height: 32 });
    expect(image.toRef()).toMatchObject({ source: 'path', path: ICON, width: 32, height: 32 });
  });

  it('gives an empty image, not an error, for a missing or non-image file (as Electron does)', () => {
    expect(nativeImage.createFromPath('/no/such/icon.png').isEmpty()).toBe(true);
    expect(nativeImage.createFromPath(resolve('package.json')).isEmpty()).toBe(true);
    expect(nativeImage.createEmpty().toDataURL()).toBe('data:image/png;base64,');
  });

  it('round-trips a PNG through a data URL and records template images', () => {
    const image = nativeImage.createFromDataURL(nativeImage.createFromPath(ICON).toDataURL());
    expect(image.getSize()).toEqual({ width: 32, height: 32 });
    image.setTemplateImage(true);
    expect(image.isTemplateImage()).toBe(true);
    expect(nativeImage.createFromBuffer(JPEG).getSize()).toEqual({ width: 48, height: 20 });
  });

  it('resizes keeping the aspect ratio but refuses to re-encode what it did not decode', () => {
    const resized = nativeImage.createFromBuffer(JPEG).resize({ width: 24 });
    expect(resized.getSize()).toEqual({ width: 24, height: 10 });
    expect(() => resized.toPNG()).toThrow(/needs a PNG source/);
    expect(() => nativeImage.createFromPath(ICON).toBitmap()).toThrow(/not supported/);
  });
});
