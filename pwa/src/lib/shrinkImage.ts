/**
 * Makes phone photos small enough to send over a slow connection: the longest
 * side is scaled down to `maxSide` and the picture re-encoded as JPEG. PDFs
 * and other non-image files are returned unchanged, and so is a photo that is
 * already small, or one the browser cannot decode (the server then decides).
 */

export interface ShrinkOptions {
  /** Longest side in pixels after shrinking (default 1600). */
  maxSide?: number;
  /** JPEG quality, 0..1 (default 0.8). */
  quality?: number;
  /** Files below this size that need no scaling are sent as they are (default 1.5 MB). */
  keepBelowBytes?: number;
}

export const SHRINK_DEFAULTS = { maxSide: 1600, quality: 0.8, keepBelowBytes: 1_500_000 };

/** Types the server accepts as they are. */
const KEEPABLE = ['image/jpeg', 'image/png', 'image/webp'];

/** The size that fits within `maxSide` × `maxSide`, keeping the aspect ratio (never enlarged). */
export function fitWithin(
  width: number,
  height: number,
  maxSide: number,
): {
  width: number;
  height: number;
} {
  const longest = Math.max(width, height);
  if (longest <= maxSide || longest === 0) return { width, height };
  const scale = maxSide / longest;
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

interface Decoded {
  source: CanvasImageSource;
  width: number;
  height: number;
  release: () => void;
}

async function decode(file: File): Promise<Decoded> {
  if (typeof createImageBitmap === 'function') {
    // 'from-image' applies the EXIF orientation of phone photos.
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    return {
      source: bitmap,
      width: bitmap.width,
      height: bitmap.height,
      release: () => bitmap.close(),
    };
  }
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('decode failed'));
      image.src = url;
    });
    return {
      source: image,
      width: image.naturalWidth,
      height: image.naturalHeight,
      release: () => URL.revokeObjectURL(url),
    };
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
}

function encodeJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('encode failed'))),
      'image/jpeg',
      quality,
    );
  });
}

function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]*$/, '') || 'foto';
  return `${base}.jpg`;
}

export async function shrinkImage(file: File, options: ShrinkOptions = {}): Promise<File> {
  const { maxSide, quality, keepBelowBytes } = { ...SHRINK_DEFAULTS, ...options };
  if (!file.type.startsWith('image/')) return file;

  let decoded: Decoded;
  try {
    decoded = await decode(file);
  } catch {
    return file;
  }
  try {
    const target = fitWithin(decoded.width, decoded.height, maxSide);
    const needsScaling = target.width !== decoded.width || target.height !== decoded.height;
    if (!needsScaling && KEEPABLE.includes(file.type) && file.size <= keepBelowBytes) return file;

    const canvas = document.createElement('canvas');
    canvas.width = target.width;
    canvas.height = target.height;
    const context = canvas.getContext('2d');
    if (!context) return file;
    // JPEG has no transparency: paint a white page behind PNG scans.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, target.width, target.height);
    context.drawImage(decoded.source, 0, 0, target.width, target.height);
    const blob = await encodeJpeg(canvas, quality);
    // Re-encoding a small picture can make it bigger; then keep the original.
    if (!needsScaling && KEEPABLE.includes(file.type) && blob.size >= file.size) return file;
    return new File([blob], jpegName(file.name), {
      type: 'image/jpeg',
      lastModified: file.lastModified,
    });
  } catch {
    return file;
  } finally {
    decoded.release();
  }
}
