/**
 * Photo order on the product form: the first photo is the cover. Pure
 * functions, so the screen can update at once and send the new order after.
 */

/** `items` with the one at `from` moved to `to` (both clamped); a new array. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= items.length) return next;
  const target = Math.max(0, Math.min(items.length - 1, to));
  if (target === from) return next;
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved as T);
  return next;
}

/** One step to the left (-1) or right (+1); nothing happens at either end. */
export function movePhoto<T>(items: readonly T[], index: number, step: -1 | 1): T[] {
  return moveItem(items, index, index + step);
}

/** The photo at `index` becomes the first one (the cover), the others keep their order. */
export function makeCover<T>(items: readonly T[], index: number): T[] {
  return moveItem(items, index, 0);
}

/** The ids in order, as the reorder call wants them. */
export function photoIds(items: readonly { id: string }[]): string[] {
  return items.map((item) => item.id);
}

/** Whether the photos were reordered (same photos, other order). */
export function orderChanged(before: readonly { id: string }[], after: readonly { id: string }[]): boolean {
  return photoIds(before).join() !== photoIds(after).join();
}
