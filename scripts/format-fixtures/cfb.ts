/**
 * A minimal OLE compound file (CFB v3) with the two streams Word writes for a
 * password-protected .docx: EncryptionInfo and EncryptedPackage. The package
 * bytes are pseudo-random (no real encryption): what a converter meets is the
 * same container it meets in a real encrypted document, which cannot be read
 * without the password either way.
 */
const SECTOR = 512;
const END = 0xfffffffe;
const FREE = 0xffffffff;
const FATSECT = 0xfffffffd;

function entry(name: string, type: number, start: number, size: number, child = FREE, right = FREE): Buffer {
  const b = Buffer.alloc(128);
  if (name) {
    b.write(name, 0, 'utf16le');
    b.writeUInt16LE((name.length + 1) * 2, 64);
  }
  b.writeUInt8(type, 66);
  b.writeUInt8(1, 67); // black
  b.writeUInt32LE(FREE, 68); // left
  b.writeUInt32LE(right, 72);
  b.writeUInt32LE(child, 76);
  b.writeUInt32LE(start, 116);
  b.writeUInt32LE(size, 120);
  return b;
}

function pseudoRandom(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

export function encryptedOfficeFile(): Uint8Array {
  // Streams of at least 4096 bytes live in ordinary sectors, so no mini stream is needed.
  const info = Buffer.alloc(4096, 0x20);
  Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]).copy(info, 0); // Agile encryption, version 4.4
  Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/></encryption>').copy(info, 8);
  const pkg = pseudoRandom(8192, 42);
  pkg.writeUInt32LE(7000, 0);
  const infoSectors = info.length / SECTOR;
  const pkgSectors = pkg.length / SECTOR;
  // Sector 0: FAT; sector 1: directory; then the two streams.
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(END, 4);
  let s = 2;
  for (const n of [infoSectors, pkgSectors]) {
    for (let i = 0; i < n; i++, s++) fat.writeUInt32LE(i === n - 1 ? END : s + 1, s * 4);
  }
  const dir = Buffer.concat([
    entry('Root Entry', 5, END, 0, 1),
    entry('EncryptionInfo', 2, 2, info.length, FREE, 2),
    entry('EncryptedPackage', 2, 2 + infoSectors, pkg.length),
    entry('', 0, 0, 0),
  ]);
  const header = Buffer.alloc(SECTOR, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(END, 60);
  header.writeUInt32LE(END, 68);
  for (let i = 76; i < SECTOR; i += 4) header.writeUInt32LE(FREE, i);
  header.writeUInt32LE(0, 76); // DIFAT[0] = sector 0
  return new Uint8Array(Buffer.concat([header, fat, dir, info, pkg]));
}
