import { expect } from 'chai';
import { expectBytes, expectDifferentBytes } from './bytes.js';

describe('test helper expectBytes', () => {
  it('passes on equal bytes and fails showing both sides in hex around the first difference', () => {
    expectBytes(Buffer.from('abc'), new Uint8Array([0x61, 0x62, 0x63]));
    expect(() => expectBytes(Buffer.from('abcd'), Buffer.from('abXd'), 'root')).to.throw(
      'root: first difference at byte 2\n' +
        '  actual   (4 bytes): 61626364\n' +
        '  expected (4 bytes): 61625864',
    );
    expect(() => expectBytes(Buffer.alloc(100), Buffer.alloc(101))).to.throw(
      /byte 100\n {2}actual {3}\(100 bytes\): …0{64}\n {2}expected \(101 bytes\): …0{66}$/,
    );
  });

  it('expectDifferentBytes fails on equal bytes', () => {
    expectDifferentBytes(Buffer.from('a'), Buffer.from('b'));
    expect(() => expectDifferentBytes(Buffer.from('a'), Buffer.from('a'))).to.throw(
      'expected different bytes, both are (1 bytes) 61',
    );
  });
});
