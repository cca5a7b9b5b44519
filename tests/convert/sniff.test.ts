import { describe, expect, it } from 'vitest';
import { claimedFormat, sniffFormat } from '../../src/lib/convert/index.ts';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('sniffFormat reads the content, not the name', () => {
  it('knows PDF, HTML and text by their first bytes', () => {
    expect(sniffFormat(bytes('%PDF-1.7\n…'))).toBe('pdf');
    expect(sniffFormat(bytes('<!DOCTYPE html><html>'))).toBe('html');
    expect(sniffFormat(bytes('\ufeff<html lang="zh">'))).toBe('html');
    expect(sniffFormat(bytes('  <!-- saved --> <HTML>'))).toBe('html');
    expect(sniffFormat(bytes('各位代表：\n现在，我代表市人民政府'))).toBe('text');
    expect(sniffFormat(bytes('{\\rtf1\\ansi\\ansicpg936 各位代表'))).toBe('rtf');
  });
  it('claims formats by extension', () => {
    expect(claimedFormat('a/b.PDF')).toBe('pdf');
    expect(claimedFormat('x.htm')).toBe('html');
    expect(claimedFormat('x.txt')).toBe('text');
    expect(claimedFormat('x.doc')).toBe('other');
  });
});
