import type { Random } from './random';
import { ANCHOR_MS, DAY_MS } from './time';

/**
 * `count` distinct instants (whole seconds, oldest first) spread over about `spanDays`
 * before `endMs`, the newest shortly before it.
 */
export function createTimeline(random: Random, count: number, spanDays: number, endMs = ANCHOR_MS): number[] {
  const meanGap = (spanDays * DAY_MS) / Math.max(count, 1);
  const instants = new Array<number>(count);
  let instant = endMs - Math.max(1000, Math.floor(meanGap * (0.05 + 0.5 * random.next())));
  for (let i = count - 1; i >= 0; i--) {
    instant -= instant % 1000;
    instants[i] = instant;
    instant -= Math.max(1000, Math.floor(meanGap * (0.2 + 1.6 * random.next())));
  }
  return instants;
}
