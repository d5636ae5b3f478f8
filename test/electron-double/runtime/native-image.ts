/**
 * `nativeImage` and NativeImage: images are kept as the bytes they were made from plus the size
 * read from the header. Nothing is decoded or re-encoded, so only PNG sources can be turned back
 * into PNG / data URLs; the rest throws saying so.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { NativeImage as ElectronNativeImage, Rectangle, ResizeOptions, Size } from 'electron';
import type { ImageRef } from '../shared/snapshot';
import { imageSize, pngSize } from './image-size';

let nextImageId = 1;

interface ImageSource {
  source: ImageRef['source'];
  bytes?: Buffer;
  path?: string;
  size: Size;
}

type ImageApi = Pick<
  ElectronNativeImage,
  | 'getSize'
  | 'isEmpty'
  | 'isTemplateImage'
  | 'setTemplateImage'
  | 'toDataURL'
  | 'toPNG'
  | 'getAspectRatio'
  | 'getScaleFactors'
  | 'addRepresentation'
  | 'getNativeHandle'
  | 'toBitmap'
  | 'toJPEG'
  | 'getBitmap'
  | 'isMacTemplateImage'
>;

/** The double's NativeImage. */
export class NativeImage implements ImageApi {
  readonly id = nextImageId++;
  isMacTemplateImage = false;

  constructor(private readonly data: ImageSource) {}

  static createEmpty(): NativeImage {
    return new NativeImage({ source: 'empty', size: { width: 0, height: 0 } });
  }

  /** Like Electron: a missing, unreadable or non-image file gives an empty image, not an error. */
  static createFromPath(path: string): NativeImage {
    const absolute = resolve(path);
    try {
      const bytes = readFileSync(absolute);
      const size = imageSize(bytes);
      if (size) return new NativeImage({ source: 'path', bytes, path: absolute, size });
    } catch {
      // Falls through to the empty image, as Electron does.
    }
    return new NativeImage({ source: 'empty', path: absolute, size: { width: 0, height: 0 } });
  }

  static createFromBuffer(buffer: Buffer, options?: { width?: number; height?: number }): NativeImage {
    const size = imageSize(buffer) ?? (options?.width && options.height ? { width: options.width, height: options.height } : undefined);
    return size ? new NativeImage({ source: 'buffer', bytes: Buffer.from(buffer), size }) : NativeImage.createEmpty();
  }

  static createFromDataURL(dataURL: string): NativeImage {
    const match = /^data:image\/(png|jpeg|jpg);base64,(.*)$/s.exec(dataURL);
    if (!match?.[2]) return NativeImage.createEmpty();
    const bytes = Buffer.from(match[2], 'base64');
    const size = imageSize(bytes);
    return size ? new NativeImage({ source: 'dataURL', bytes, size }) : NativeImage.createEmpty();
  }

  isEmpty(): boolean {
    return this.data.size.width === 0 || this.data.size.height === 0;
  }

  getSize(): Size {
    return { ...this.data.size };
  }

  getAspectRatio(): number {
    return this.isEmpty() ? 1 : this.data.size.width / this.data.size.height;
  }

  getScaleFactors(): number[] {
    return this.isEmpty() ? [] : [1];
  }

  setTemplateImage(option: boolean): void {
    this.isMacTemplateImage = option;
  }

  isTemplateImage(): boolean {
    return this.isMacTemplateImage;
  }

  toPNG(): Buffer {
    if (this.isEmpty()) return Buffer.alloc(0);
    if (this.data.bytes && pngSize(this.data.bytes) && this.data.source !== 'resize' && this.data.source !== 'crop') {
      return Buffer.from(this.data.bytes);
    }
    throw new Error(`electron-double: toPNG() needs a PNG source; this image came from ${this.data.source}`);
  }

  toDataURL(): string {
    return this.isEmpty() ? 'data:image/png;base64,' : `data:image/png;base64,${this.toPNG().toString('base64')}`;
  }

  /** Keeps the original bytes and records the new size; enough for assertions on what the app asked. */
  resize(options: ResizeOptions): NativeImage {
    const { width, height } = this.data.size;
    const ratio = this.getAspectRatio();
    const newWidth = options.width ?? (options.height !== undefined ? Math.round(options.height * ratio) : width);
    const newHeight = options.height ?? (options.width !== undefined ? Math.round(options.width / ratio) : height);
    return new NativeImage({ ...this.data, source: 'resize', size: { width: newWidth, height: newHeight } });
  }

  crop(rect: Rectangle): NativeImage {
    return new NativeImage({ ...this.data, source: 'crop', size: { width: rect.width, height: rect.height } });
  }

  addRepresentation(): void {
    // Extra scale factors are irrelevant without a display; accepted and ignored.
  }

  getNativeHandle(): Buffer {
    throw new Error('electron-double: getNativeHandle() is macOS-only');
  }

  toBitmap(): Buffer {
    throw new Error('electron-double: toBitmap() is not supported (images are not decoded)');
  }

  getBitmap(): void {
    throw new Error('electron-double: getBitmap() is not supported (images are not decoded)');
  }

  toJPEG(): Buffer {
    throw new Error('electron-double: toJPEG() is not supported (images are not re-encoded)');
  }

  /** The recordable description of this image. */
  toRef(): ImageRef {
    const ref: ImageRef = {
      id: this.id,
      source: this.data.source,
      isEmpty: this.isEmpty(),
      width: this.data.size.width,
      height: this.data.size.height,
      isTemplate: this.isMacTemplateImage,
    };
    if (this.data.path !== undefined) ref.path = this.data.path;
    return ref;
  }
}

/** Accepts what Electron APIs accept for an image (a NativeImage or a path) and records it. */
export function toImage(image: NativeImage | string): NativeImage {
  return typeof image === 'string' ? NativeImage.createFromPath(image) : image;
}

/** The `nativeImage` module. */
export const nativeImage = {
  createEmpty: (): NativeImage => NativeImage.createEmpty(),
  createFromPath: (path: string): NativeImage => NativeImage.createFromPath(path),
  createFromBuffer: (buffer: Buffer, options?: { width?: number; height?: number }): NativeImage => NativeImage.createFromBuffer(buffer, options),
  createFromDataURL: (dataURL: string): NativeImage => NativeImage.createFromDataURL(dataURL),
  createFromNamedImage: (): NativeImage => NativeImage.createEmpty(),
};
