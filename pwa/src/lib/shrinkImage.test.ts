import { afterEach, describe, expect, it, vi } from 'vitest';
import { fitWithin, shrinkImage } from './shrinkImage';

interface CanvasRecord {
  width: number;
  height: number;
  drawn: unknown[];
  type?: string;
  quality?: number;
}

/** Stands in for createImageBitmap and the 2D canvas, which jsdom lacks. */
function mockImagePipeline(width: number, height: number, encodedBytes = 1000) {
  const bitmap = { width, height, close: vi.fn() };
  vi.stubGlobal(
    'createImageBitmap',
    vi.fn(async () => bitmap),
  );
  const canvases: CanvasRecord[] = [];
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
    this: HTMLCanvasElement,
  ) {
    const record: CanvasRecord = { width: this.width, height: this.height, drawn: [] };
    canvases.push(record);
    return {
      fillStyle: '',
      fillRect: vi.fn(),
      drawImage: (...args: unknown[]) => {
        record.width = this.width;
        record.height = this.height;
        record.drawn = args;
      },
    } as unknown as CanvasRenderingContext2D;
  } as unknown as HTMLCanvasElement['getContext']);
  vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (
    this: HTMLCanvasElement,
    callback: BlobCallback,
    type?: string,
    quality?: number,
  ) {
    const record = canvases[canvases.length - 1]!;
    record.type = type;
    record.quality = quality;
    callback(new Blob([new Uint8Array(encodedBytes)], { type: type ?? 'image/png' }));
  });
  return { bitmap, canvases };
}

function fileOf(bytes: number, name: string, type: string): File {
  return new File([new Uint8Array(bytes)], name, { type, lastModified: 1_700_000_000_000 });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fitWithin', () => {
  it('caps the long side and keeps the aspect ratio', () => {
    expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(4032, 1908, 1600)).toEqual({ width: 1600, height: 757 });
  });

  it('never enlarges a small picture', () => {
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(1600, 900, 1600)).toEqual({ width: 1600, height: 900 });
  });
});

describe('shrinkImage', () => {
  it('scales a landscape photo to 1600 px on the long side as JPEG quality 0.8', async () => {
    const { bitmap, canvases } = mockImagePipeline(4000, 3000);
    const result = await shrinkImage(fileOf(5_000_000, 'kk.png', 'image/png'));
    expect(canvases).toHaveLength(1);
    expect(canvases[0]).toMatchObject({
      width: 1600,
      height: 1200,
      type: 'image/jpeg',
      quality: 0.8,
    });
    expect(canvases[0]!.drawn).toEqual([bitmap, 0, 0, 1600, 1200]);
    expect(result.type).toBe('image/jpeg');
    expect(result.name).toBe('kk.jpg');
    expect(result.size).toBe(1000);
    expect(bitmap.close).toHaveBeenCalled();
  });

  it('keeps the aspect ratio of a portrait photo', async () => {
    const { canvases } = mockImagePipeline(3024, 4032);
    await shrinkImage(fileOf(3_000_000, 'IMG_0001.JPG', 'image/jpeg'));
    expect(canvases[0]).toMatchObject({ width: 1200, height: 1600 });
    const ratio = canvases[0]!.width / canvases[0]!.height;
    expect(ratio).toBeCloseTo(3024 / 4032, 2);
  });

  it('honours other limits', async () => {
    const { canvases } = mockImagePipeline(2000, 1000);
    await shrinkImage(fileOf(900_000, 'a.jpg', 'image/jpeg'), { maxSide: 1000, quality: 0.6 });
    expect(canvases[0]).toMatchObject({ width: 1000, height: 500, quality: 0.6 });
  });

  it('sends a small JPEG as it is', async () => {
    const { canvases } = mockImagePipeline(1200, 900);
    const file = fileOf(300_000, 'small.jpg', 'image/jpeg');
    expect(await shrinkImage(file)).toBe(file);
    expect(canvases).toHaveLength(0);
  });

  it('leaves PDFs alone', async () => {
    const decode = vi.fn();
    vi.stubGlobal('createImageBitmap', decode);
    const file = fileOf(2_000_000, 'akta.pdf', 'application/pdf');
    expect(await shrinkImage(file)).toBe(file);
    expect(decode).not.toHaveBeenCalled();
  });

  it('sends the original when the browser cannot decode it', async () => {
    vi.stubGlobal(
      'createImageBitmap',
      vi.fn(async () => {
        throw new DOMException('bad image', 'InvalidStateError');
      }),
    );
    const file = fileOf(4_000_000, 'foto.heic', 'image/heic');
    expect(await shrinkImage(file)).toBe(file);
  });
});
