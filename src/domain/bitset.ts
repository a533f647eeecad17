/** Fixed-size sets of structure positions, 32 per word: filtering 100,000 structures is a few thousand word ANDs. */
export type Bitset = Uint32Array;

export function createBitset(size: number): Bitset {
  return new Uint32Array(Math.ceil(size / 32));
}

export function fullBitset(size: number): Bitset {
  const bits = createBitset(size).fill(0xffffffff);
  // The last word holds only the positions below `size`: the others stay clear, so counts are exact.
  if (bits.length > 0) bits[bits.length - 1] = 0xffffffff >>> (bits.length * 32 - size);
  return bits;
}

export function setBit(bits: Bitset, position: number): void {
  bits[position >>> 5] = (bits[position >>> 5] ?? 0) | (1 << (position & 31));
}

export function hasBit(bits: Bitset, position: number): boolean {
  return ((bits[position >>> 5] ?? 0) & (1 << (position & 31))) !== 0;
}

/** NOTE mutates `target`: target ← target AND other. */
export function andInto(target: Bitset, other: Bitset): void {
  for (let index = 0; index < target.length; index += 1)
    target[index] = (target[index] ?? 0) & (other[index] ?? 0);
}

/** A new set holding what both sets hold (the inputs are left unchanged). */
export function intersect(left: Bitset, right: Bitset): Bitset {
  const both = Uint32Array.from(left);
  andInto(both, right);
  return both;
}

/** NOTE mutates `target`: target ← target OR other. */
export function orInto(target: Bitset, other: Bitset): void {
  for (let index = 0; index < target.length; index += 1)
    target[index] = (target[index] ?? 0) | (other[index] ?? 0);
}

function popcount32(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function countBits(bits: Bitset): number {
  let total = 0;
  for (const word of bits) total += popcount32(word);
  return total;
}

/** How many positions two sets share, without allocating. */
export function countAnd(left: Bitset, right: Bitset): number {
  let total = 0;
  for (let index = 0; index < left.length; index += 1)
    total += popcount32((left[index] ?? 0) & (right[index] ?? 0));
  return total;
}

/** The positions in a set, ascending. */
export function positionsOf(bits: Bitset): number[] {
  const positions: number[] = [];
  for (let word = 0; word < bits.length; word += 1) {
    let value = bits[word] ?? 0;
    while (value !== 0) {
      const lowest = value & -value;
      positions.push(word * 32 + (31 - Math.clz32(lowest)));
      value ^= lowest;
    }
  }
  return positions;
}
