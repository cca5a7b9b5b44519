/**
 * The binary form of the search index's posting lists, shared by the build
 * (index-build.ts writes it) and the browser (search-engine.ts reads it).
 * Pure and browser-safe.
 *
 * Numbers are unsigned LEB128 varints; lists are delta-encoded. A bucket file is
 * a gzip stream of records, one per token that hashes to the bucket:
 *
 *   first code point, second + 1 (0: a one-character token), kind,
 *   kind 0 (postings): m entries; per entry: entry − previous entry (the first
 *          absolute), r positions, positions as deltas (the first absolute);
 *   kind 1 (frequent, global buckets only): s shards, shard numbers as deltas —
 *          the postings are in those shards' own buckets.
 */
import { tokenKey, tokenParts, type TokenKey } from './tokens.ts';

/** Entry number → character offsets of the token in that entry's folded text. */
export type Postings = Map<number, number[]>;

export type TokenRecord = { kind: 'postings'; postings: Postings } | { kind: 'frequent'; shards: number[] };

/** A growable byte buffer with varint writes. */
export class ByteWriter {
  private buf: Uint8Array;
  length = 0;

  constructor(capacity = 256) {
    this.buf = new Uint8Array(capacity);
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = Math.max(16, this.buf.length * 2);
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  uint(n: number): void {
    if (!Number.isInteger(n) || n < 0) throw new Error(`ByteWriter.uint: ${n} is not an unsigned integer`);
    this.room(8);
    while (n >= 0x80) {
      this.buf[this.length++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[this.length++] = n;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

export class ByteReader {
  at = 0;
  private readonly buf: Uint8Array;
  constructor(buf: Uint8Array) {
    this.buf = buf;
  }

  get done(): boolean {
    return this.at >= this.buf.length;
  }

  uint(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.buf.length) throw new Error('search index: a number runs past the end of the file');
      const b = this.buf[this.at++]!;
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
    }
  }
}

/** Write a posting list: entries ascending, each with its positions ascending. */
export function writePostings(w: ByteWriter, postings: Iterable<[number, readonly number[]]>): void {
  const list = [...postings];
  w.uint(list.length);
  let last = 0;
  for (const [entry, positions] of list) {
    w.uint(entry - last);
    last = entry;
    w.uint(positions.length);
    let p0 = 0;
    for (const p of positions) {
      w.uint(p - p0);
      p0 = p;
    }
  }
}

/**
 * A posting list written one entry at a time (entries ascending), for lists
 * gathered over many shards; `write` gives the same bytes as writePostings.
 */
export class PostingsWriter {
  private entries = 0;
  private last = 0;
  private readonly body = new ByteWriter(16);

  add(entry: number, positions: ArrayLike<number>): void {
    this.body.uint(entry - this.last);
    this.last = entry;
    this.entries++;
    this.body.uint(positions.length);
    let p0 = 0;
    for (let k = 0; k < positions.length; k++) {
      this.body.uint(positions[k]! - p0);
      p0 = positions[k]!;
    }
  }

  write(w: ByteWriter): void {
    w.uint(this.entries);
    w.bytes(this.body.result());
  }
}

/** Read a posting list written by writePostings; `base` is added to every entry number. */
export function readPostings(r: ByteReader, base = 0): Postings {
  const out: Postings = new Map();
  const m = r.uint();
  let entry = 0;
  for (let i = 0; i < m; i++) {
    entry += r.uint();
    const n = r.uint();
    const pos = new Array<number>(n);
    let p = 0;
    for (let k = 0; k < n; k++) {
      p += r.uint();
      pos[k] = p;
    }
    out.set(entry + base, pos);
  }
  return out;
}

/** One token's record header (its key and kind); the body follows. */
export function writeKey(w: ByteWriter, key: TokenKey, kind: 0 | 1): void {
  const [a, b] = tokenParts(key);
  w.uint(a);
  w.uint(b);
  w.uint(kind);
}

/**
 * Every record of a bucket. `base` is added to entry numbers (a shard's first
 * entry, for shard buckets, whose entries are numbered from 0 within the shard).
 */
export function readBucket(bytes: Uint8Array, base = 0): Map<TokenKey, TokenRecord> {
  const r = new ByteReader(bytes);
  const out = new Map<TokenKey, TokenRecord>();
  while (!r.done) {
    const a = r.uint();
    const b = r.uint();
    const key = b ? tokenKey(a, b - 1) : tokenKey(a);
    const kind = r.uint();
    if (kind === 0) out.set(key, { kind: 'postings', postings: readPostings(r, base) });
    else if (kind === 1) {
      const s = r.uint();
      const shards: number[] = [];
      let last = 0;
      for (let i = 0; i < s; i++) shards.push((last += r.uint()));
      out.set(key, { kind: 'frequent', shards });
    } else throw new Error(`search index: unknown record kind ${kind}`);
  }
  return out;
}

/** The bucket a token lives in, among `buckets` (a 32-bit mix of both halves; the same in Node and the browser). */
export function bucketOf(key: TokenKey, buckets: number): number {
  if (buckets <= 1) return 0;
  const [a, b] = tokenParts(key);
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) % buckets;
}
