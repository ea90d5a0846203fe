// Little-endian binary primitives for the index cache: varints, floats, UTF-8 strings with a
// length, and a checksum. Readers throw Malformed on anything that does not fit, never read past
// the end, and count nothing larger than the bytes left (so decoding stays linear).

export class Writer {
  private bytes = new Uint8Array(1 << 16);
  private view = new DataView(this.bytes.buffer);
  private readonly encoder = new TextEncoder();
  length = 0;

  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + more) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  uint(value: number): void {
    this.reserve(8);
    // Up to 2^53: seven bits a byte, the high bit says more follow.
    while (value >= 0x80) {
      this.bytes[this.length++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    this.bytes[this.length++] = value;
  }

  u32At(offset: number, value: number): void {
    this.view.setUint32(offset, value >>> 0, true);
  }

  float(value: number): void {
    this.reserve(8);
    this.view.setFloat64(this.length, value, true);
    this.length += 8;
  }

  raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** UTF-8 bytes of `value` into `scratch` (grown as needed); returns the bytes. */
  utf8(value: string, scratch: { bytes: Uint8Array }): Uint8Array {
    if (scratch.bytes.length < value.length * 3) scratch.bytes = new Uint8Array(value.length * 3);
    const { written } = this.encoder.encodeInto(value, scratch.bytes);
    return scratch.bytes.subarray(0, written);
  }

  string(value: string): void {
    // At most 3 bytes per UTF-16 unit; the length goes first, so encode after room for it.
    this.reserve(value.length * 3 + 8);
    const lengthAt = this.length;
    const lengthBytes = value.length * 3 < 0x80 ? 1 : value.length * 3 < 0x4000 ? 2 : value.length * 3 < 0x200000 ? 3 : 4;
    const { written } = this.encoder.encodeInto(value, this.bytes.subarray(lengthAt + lengthBytes));
    // The length as a varint of exactly `lengthBytes` bytes (padded with continuation bytes).
    let rest = written;
    for (let i = 0; i < lengthBytes; i++) {
      this.bytes[lengthAt + i] = (rest & 0x7f) | (i < lengthBytes - 1 ? 0x80 : 0);
      rest = Math.floor(rest / 0x80);
    }
    this.length = lengthAt + lengthBytes + written;
  }

  done(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Thrown by the reader on anything malformed; decodeIndexCache turns it into "ignored". */
export class Malformed extends Error {}

export class Reader {
  private readonly view: DataView;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  offset: number;

  constructor(
    private readonly bytes: Uint8Array,
    offset: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.offset = offset;
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  uint(): number {
    let value = 0;
    let scale = 1;
    for (let shift = 0; shift < 8; shift++) {
      if (this.offset >= this.bytes.length) throw new Malformed('truncated');
      const byte = this.bytes[this.offset++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
    throw new Malformed('number too long');
  }

  /** A count of things that each take at least one byte: never more than the bytes left. */
  count(): number {
    const value = this.uint();
    if (value > this.remaining) throw new Malformed('count past the end');
    return value;
  }

  float(): number {
    if (this.remaining < 8) throw new Malformed('truncated');
    const value = this.view.getFloat64(this.offset, true);
    this.offset += 8;
    return value;
  }

  bytesOf(length: number): Uint8Array {
    if (length > this.remaining) throw new Malformed('string past the end');
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  string(): string {
    return this.text(this.bytesOf(this.uint()));
  }

  /**
   * A fresh flat string (never a slice of a larger one, so nothing else is kept alive). One
   * TextDecoder call per string: faster in Node 20 than String.fromCharCode over the bytes.
   */
  text(bytes: Uint8Array): string {
    try {
      return this.decoder.decode(bytes);
    } catch {
      throw new Malformed('invalid UTF-8');
    }
  }
}

export function writeOptional(out: Writer, value: string | undefined): void {
  if (value === undefined) out.uint(0);
  else {
    out.uint(1);
    out.string(value);
  }
}

export function readOptional(input: Reader): string | undefined {
  const present = input.uint();
  if (present > 1) throw new Malformed('bad optional flag');
  return present === 1 ? input.string() : undefined;
}

/** A 32-bit hash of the body: a flipped bit or a torn write is caught before any record is used. */
export function checksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let hash = 0x811c9dc5 ^ (end - start);
  let i = start;
  // Four bytes a step through an aligned view (a copy when the bytes are not aligned); the tail
  // byte by byte. Platform byte order: a cache is read where it was written.
  const words = Math.floor((end - start) / 4);
  if (words > 0) {
    const view =
      (bytes.byteOffset + start) % 4 === 0
        ? new Int32Array(bytes.buffer, bytes.byteOffset + start, words)
        : new Int32Array(bytes.slice(start, start + words * 4).buffer, 0, words);
    for (let w = 0; w < words; w++) {
      hash = Math.imul(hash ^ view[w], 0x01000193);
      hash ^= hash >>> 15;
    }
    i += words * 4;
  }
  for (; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return hash >>> 0;
}
