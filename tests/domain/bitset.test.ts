import { describe, expect, it } from 'vitest';
import {
  andInto,
  countAnd,
  countBits,
  createBitset,
  fullBitset,
  hasBit,
  intersect,
  orInto,
  positionsOf,
  setBit,
} from '../../src/domain/bitset';

const setOf = (size: number, positions: number[]) => {
  const bits = createBitset(size);
  for (const position of positions) setBit(bits, position);
  return bits;
};

describe('bitsets', () => {
  it('pack 32 positions a word', () => {
    expect(createBitset(0)).toHaveLength(0);
    expect(createBitset(1)).toHaveLength(1);
    expect(createBitset(32)).toHaveLength(1);
    expect(createBitset(33)).toHaveLength(2);
    expect(createBitset(64)).toHaveLength(2);
  });

  it('hold exactly the positions below the size when full, at and around word edges', () => {
    for (const size of [0, 1, 5, 31, 32, 33, 63, 64, 65, 100]) {
      const full = fullBitset(size);
      expect(countBits(full), `size ${size}`).toBe(size);
      expect(positionsOf(full)).toEqual(Array.from({ length: size }, (_, position) => position));
      expect(hasBit(full, size)).toBe(false);
      if (size > 0) expect(hasBit(full, size - 1)).toBe(true);
    }
  });

  it('set, test and list positions in every word, ascending', () => {
    const bits = setOf(100, [99, 0, 40, 31, 32, 64]);
    expect(positionsOf(bits)).toEqual([0, 31, 32, 40, 64, 99]);
    expect(hasBit(bits, 40)).toBe(true);
    expect(hasBit(bits, 41)).toBe(false);
    expect(hasBit(bits, 1_000)).toBe(false);
    expect(countBits(bits)).toBe(6);
  });

  it('intersect without touching the inputs, AND and OR in place, and count what two sets share', () => {
    const left = setOf(70, [1, 33, 65, 69]);
    const right = setOf(70, [33, 34, 69]);
    expect(positionsOf(intersect(left, right))).toEqual([33, 69]);
    expect(positionsOf(left)).toEqual([1, 33, 65, 69]);
    expect(positionsOf(right)).toEqual([33, 34, 69]);
    expect(countAnd(left, right)).toBe(2);
    expect(countAnd(left, createBitset(70))).toBe(0);

    const union = Uint32Array.from(left);
    orInto(union, right);
    expect(positionsOf(union)).toEqual([1, 33, 34, 65, 69]);
    andInto(union, right);
    expect(positionsOf(union)).toEqual([33, 34, 69]);
  });
});
