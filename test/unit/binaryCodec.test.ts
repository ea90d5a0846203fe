import { describe, expect, it } from 'vitest';
import { Malformed, Reader, Writer, checksum, readOptional, writeOptional } from '../../src/core/binaryCodec';

/** What a fresh writer holds after `write`. */
function written(write: (out: Writer) => void): number[] {
  const out = new Writer();
  write(out);
  return [...out.done()];
}

/** The message of the Malformed that `read` throws (any other error fails the test). */
function malformed(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof Malformed) return error.message;
    throw error;
  }
  return 'nothing thrown';
}

const reader = (...bytes: number[]) => new Reader(new Uint8Array(bytes), 0);
/** Bytes as a string of as many characters (one per byte), to compare long outputs quickly. */
const latin1 = (bytes: Uint8Array | readonly number[]) => Buffer.from(bytes).toString('latin1');

/**
 * The checksum as the codec's comment describes it, in BigInt arithmetic over a DataView: FNV-1a's
 * offset basis xor the length; each whole four-byte word (platform byte order) xor-ed in, times
 * FNV's 32-bit prime mod 2^32, then xor-ed with itself shifted right by 15; each byte left over
 * xor-ed in and times the prime.
 */
function referenceChecksum(bytes: readonly number[]): number {
  const M = 0xffffffffn;
  const PRIME = 0x01000193n;
  const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  const view = new DataView(new Uint8Array(bytes).buffer);
  let hash = (0x811c9dc5n ^ BigInt(bytes.length)) & M;
  let i = 0;
  for (; i + 4 <= bytes.length; i += 4) {
    hash = ((hash ^ BigInt(view.getUint32(i, littleEndian))) * PRIME) & M;
    hash ^= hash >> 15n;
  }
  for (; i < bytes.length; i++) hash = ((hash ^ BigInt(bytes[i])) * PRIME) & M;
  return Number(hash);
}

describe('Writer and Reader: numbers', () => {
  // LEB128: seven bits a byte, least significant first, the high bit set on every byte but the last.
  it.each([
    [0, [0x00]],
    [1, [0x01]],
    [127, [0x7f]],
    [128, [0x80, 0x01]],
    [300, [0xac, 0x02]],
    [2 ** 14 - 1, [0xff, 0x7f]],
    [2 ** 14, [0x80, 0x80, 0x01]],
    [2 ** 21, [0x80, 0x80, 0x80, 0x01]],
    [2 ** 53 - 1, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]],
    [2 ** 53, [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10]],
  ])('writes %d as the varint %j and reads it back', (value, bytes) => {
    expect(written((out) => out.uint(value))).toEqual(bytes);
    const input = reader(...bytes);
    expect(input.uint()).toBe(value);
    expect(input.remaining).toBe(0);
  });

  it('writes a float as eight little-endian bytes (IEEE 754) and reads it back', () => {
    // 1.5 = 0x3FF8000000000000
    const bytes = [0, 0, 0, 0, 0, 0, 0xf8, 0x3f];
    expect(written((out) => out.float(1.5))).toEqual(bytes);
    const input = reader(...bytes);
    expect(input.float()).toBe(1.5);
    expect(input.remaining).toBe(0);
  });

  it('patches a little-endian u32 in place (the header), counting negatives modulo 2^32', () => {
    expect(
      written((out) => {
        out.raw(new Uint8Array(8));
        out.u32At(2, 0x01020304);
      }),
    ).toEqual([0, 0, 0x04, 0x03, 0x02, 0x01, 0, 0]);
    expect(
      written((out) => {
        out.raw(new Uint8Array(4));
        out.u32At(0, -2);
      }),
    ).toEqual([0xfe, 0xff, 0xff, 0xff]);
  });

  it('reads a float that ends exactly at the last byte', () => {
    const input = reader(0x01, 0, 0, 0, 0, 0, 0, 0xf8, 0x3f);
    expect(input.uint()).toBe(1);
    expect(input.float()).toBe(1.5);
  });

  it('reads a count as large as the bytes left, and no larger', () => {
    const input = reader(0x03, 0x61, 0x62, 0x63);
    expect(input.count()).toBe(3);
    expect(malformed(() => reader(0x04, 0x61, 0x62, 0x63).count())).toBe('count past the end');
  });

  it('names what is wrong with a malformed number', () => {
    expect(malformed(() => reader().uint())).toBe('truncated');
    expect(malformed(() => reader(0x80, 0x80).uint())).toBe('truncated');
    // Eight bytes all saying "more follows": past 2^53, so never written.
    expect(malformed(() => reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01).uint())).toBe('number too long');
    expect(malformed(() => reader(0, 0, 0, 0, 0, 0, 0xf8).float())).toBe('truncated');
  });
});

describe('Writer and Reader: strings', () => {
  it.each([
    ['', [0x00]],
    ['a', [0x01, 0x61]],
    ['é', [0x02, 0xc3, 0xa9]],
    ['€', [0x03, 0xe2, 0x82, 0xac]],
    // A surrogate pair is one four-byte character.
    ['😀', [0x04, 0xf0, 0x9f, 0x98, 0x80]],
    ['Café 😀', [0x0a, 0x43, 0x61, 0x66, 0xc3, 0xa9, 0x20, 0xf0, 0x9f, 0x98, 0x80]],
  ])('writes %j as its UTF-8 byte length and bytes, and reads it back', (value, bytes) => {
    expect(written((out) => out.string(value))).toEqual(bytes);
    const input = reader(...bytes);
    expect(input.string()).toBe(value);
    expect(input.remaining).toBe(0);
  });

  it('writes a lone surrogate as U+FFFD (what TextEncoder does)', () => {
    expect(written((out) => out.string('\ud800'))).toEqual([0x03, 0xef, 0xbf, 0xbd]);
  });

  // The length is written before the text is encoded, so its varint is sized for the worst case (3
  // bytes per UTF-16 unit) and padded with continuation bytes when the text turns out shorter.
  it.each([
    [42, [0x2a]], // 126 bytes at worst: one byte
    [43, [0xab, 0x00]], // 129 at worst: two bytes, 43 padded
    [5461, [0xd5, 0x2a]], // 16,383 at worst: still two; 5461 = 42 × 128 + 85
    [5462, [0xd6, 0xaa, 0x00]], // 16,386 at worst: three, padded
    [699_050, [0xaa, 0xd5, 0x2a]], // 2,097,150 at worst: still three; 699,050 = (42 × 128 + 85) × 128 + 42
    [699_051, [0xab, 0xd5, 0xaa, 0x00]], // 2,097,153 at worst: four, padded
  ])('gives %d ASCII letters the length prefix %j', (count, prefix) => {
    const out = new Writer();
    out.string('a'.repeat(count));
    const bytes = out.done();
    expect(latin1(bytes)).toBe(latin1(prefix) + 'a'.repeat(count));
    expect(new Reader(bytes, 0).string()).toBe('a'.repeat(count));
  });

  it('writes an optional string as a flag, then the string', () => {
    expect(written((out) => writeOptional(out, undefined))).toEqual([0x00]);
    expect(written((out) => writeOptional(out, ''))).toEqual([0x01, 0x00]);
    expect(written((out) => writeOptional(out, 'x'))).toEqual([0x01, 0x01, 0x78]);
    expect(readOptional(reader(0x00))).toBeUndefined();
    expect(readOptional(reader(0x01, 0x01, 0x78))).toBe('x');
    expect(malformed(() => readOptional(reader(0x02, 0x01, 0x78)))).toBe('bad optional flag');
  });

  it('encodes into a scratch buffer it grows, without writing to the output', () => {
    const out = new Writer();
    const scratch = { bytes: new Uint8Array(0) };
    expect([...out.utf8('é€😀', scratch)]).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
    expect(out.length).toBe(0);
  });

  it('reads a string that ends exactly at the last byte, and names what is wrong with a malformed one', () => {
    expect(reader(0x02, 0x61, 0x62).string()).toBe('ab');
    expect(malformed(() => reader(0x03, 0x61, 0x62).string())).toBe('string past the end');
    expect(malformed(() => reader(0x01, 0xff).string())).toBe('invalid UTF-8');
    // A lead byte without its continuation.
    expect(malformed(() => reader(0x01, 0xc3).string())).toBe('invalid UTF-8');
  });
});

describe('Writer: growth', () => {
  it('keeps every byte when one write is more than twice the buffer it starts with (64 KiB)', () => {
    const big = Uint8Array.from({ length: 200_000 }, (_, i) => i % 251);
    const out = new Writer();
    out.uint(300);
    out.raw(big);
    out.uint(1);
    expect(latin1(out.done())).toBe(latin1([0xac, 0x02]) + latin1(big) + latin1([0x01]));
  });
});

describe('checksum', () => {
  it('of nothing is the FNV-1a offset basis', () => {
    expect(checksum(new Uint8Array(0))).toBe(0x811c9dc5);
  });

  it.each([[[0x61]], [[1, 2, 3, 4]], [[1, 2, 3, 4, 5, 6, 7]], [[0xff, 0, 0x80, 0x7f, 0x10, 0x20, 0x30, 0x40, 0x42]]])('of %j is the one described', (bytes) => {
    expect(checksum(new Uint8Array(bytes))).toBe(referenceChecksum(bytes));
  });

  it('depends only on the bytes in the range, wherever they sit in their buffer', () => {
    const data = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0xaa, 0xbb];
    const expected = referenceChecksum(data.slice(1, 10));
    for (let shift = 0; shift < 4; shift++) {
      const buffer = new Uint8Array(shift + data.length + 3).fill(0xee);
      buffer.set(data, shift);
      const bytes = buffer.subarray(shift, shift + data.length);
      expect(checksum(bytes, 1, 10), `byte offset ${shift}`).toBe(expected);
    }
  });
});
