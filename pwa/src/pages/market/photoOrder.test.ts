import { describe, expect, it } from 'vitest';
import { makeCover, moveItem, movePhoto, orderChanged, photoIds } from './photoOrder';

const photos = ['a', 'b', 'c', 'd'].map((id) => ({ id }));

describe('photo order', () => {
  it('moves a photo one step left or right', () => {
    expect(photoIds(movePhoto(photos, 2, -1))).toEqual(['a', 'c', 'b', 'd']);
    expect(photoIds(movePhoto(photos, 1, 1))).toEqual(['a', 'c', 'b', 'd']);
    // Moving the second photo left makes it the cover.
    expect(photoIds(movePhoto(photos, 1, -1))).toEqual(['b', 'a', 'c', 'd']);
  });

  it('does nothing at either end', () => {
    expect(photoIds(movePhoto(photos, 0, -1))).toEqual(['a', 'b', 'c', 'd']);
    expect(photoIds(movePhoto(photos, 3, 1))).toEqual(['a', 'b', 'c', 'd']);
    expect(photoIds(moveItem(photos, 9, 0))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('makes any photo the cover, keeping the others in order', () => {
    expect(photoIds(makeCover(photos, 2))).toEqual(['c', 'a', 'b', 'd']);
    expect(photoIds(makeCover(photos, 0))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('never changes the list it was given', () => {
    const before = photoIds(photos);
    movePhoto(photos, 1, 1);
    makeCover(photos, 3);
    expect(photoIds(photos)).toEqual(before);
  });

  it('tells whether the order changed', () => {
    expect(orderChanged(photos, movePhoto(photos, 0, -1))).toBe(false);
    expect(orderChanged(photos, movePhoto(photos, 0, 1))).toBe(true);
  });
});
