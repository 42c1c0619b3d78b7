/**
 * C2SP signed-note and golang.org/x/mod sumdb/note vectors (test/vectors/external/README.md),
 * must-fail keys, tampering, unknown keys, and the strict parser.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { expect } from 'chai';
import {
  ed25519KeyId,
  ed25519NoteSigner,
  formatVkey,
  isValidKeyName,
  LogError,
  openNote,
  parseNote,
  parseVkey,
  signNote,
  type NoteVerifier,
} from '../../src/log/index.js';
import { expectLogError, expectLogErrorAsync, toB64 } from './helpers.js';

const C2SP_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const C2SP_NOTE =
  'This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';

const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const PETER_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIG =
  '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';
const PETER_NOTE = `${PETER_TEXT}\n${PETER_SIG}`;

/** Changes one base64 character well past the 4-byte key ID, so the key stays "known". */
function tamperSignature(line: string): string {
  const at = line.indexOf(' ', 2) + 30;
  const c = line[at] === 'A' ? 'B' : 'A';
  return line.slice(0, at) + c + line.slice(at + 1);
}

describe('log/note (C2SP signed-note)', () => {
  describe('vectors', () => {
    it('C2SP spec example verifies', () => {
      const v = parseVkey(C2SP_VKEY);
      expect(v.name).to.equal('example.com/foo');
      expect(v.keyId).to.equal(0x530d903a);
      const opened = openNote(C2SP_NOTE, [v]);
      expect(opened.text).to.equal('This is an example message.\n');
      expect(opened.verified.map((s) => s.name)).to.deep.equal(['example.com/foo']);
    });

    it('x/mod PeterNeumann note verifies; vkey and key id round-trip', () => {
      const v = parseVkey(PETER_VKEY);
      expect(formatVkey(v.name, v.publicKey)).to.equal(PETER_VKEY);
      expect(ed25519KeyId(v.name, v.publicKey)).to.equal(0xc74f20a3);
      const opened = openNote(PETER_NOTE, [v]);
      expect(opened.text).to.equal(PETER_TEXT);
      expect(opened.verified).to.have.length(1);
    });

    it('x/mod note signed by PeterNeumann and EnochRoot verifies with both keys, or either', () => {
      const note = `${PETER_TEXT}\n${PETER_SIG}${ENOCH_SIG}`;
      const both = openNote(note, [parseVkey(PETER_VKEY), parseVkey(ENOCH_VKEY)]);
      expect(both.verified.map((s) => s.name)).to.deep.equal(['PeterNeumann', 'EnochRoot']);
      const onlyEnoch = openNote(note, [parseVkey(ENOCH_VKEY)]);
      expect(onlyEnoch.verified.map((s) => s.name)).to.deep.equal(['EnochRoot']);
      expect(onlyEnoch.unknown.map((s) => s.name)).to.deep.equal(['PeterNeumann']);
    });

    it('x/mod must-fail vkeys are refused with INVALID_KEY', () => {
      // wrong length (key ID computed over the long key, so the length check is what fails)
      expectLogError(
        () =>
          parseVkey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=='),
        'INVALID_KEY',
      );
      // unknown algorithm byte 0x65
      expectLogError(
        () => parseVkey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'),
        'INVALID_KEY',
      );
    });

    it('the same key listed twice is ambiguous (x/mod: "ambiguous key")', () => {
      const e = expectLogError(
        () =>
          openNote(`${PETER_TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [
            parseVkey(ENOCH_VKEY),
            parseVkey(ENOCH_VKEY),
          ]),
        'INVALID_KEY',
      );
      expect(e.message).to.include('ambiguous');
    });
  });

  describe('parseVkey rejections', () => {
    const cases: [string, string][] = [
      ['no plus', 'PeterNeumann'],
      ['one plus', 'PeterNeumann+c74f20a3'],
      ['empty name', '+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
      ['name with space', 'Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
      ['key id mismatch', 'PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
      ['uppercase key id', 'PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
      ['short key id', 'PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
      ['no key', 'PeterNeumann+c74f20a3+'],
      ['bad base64', 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T'],
      ['url-safe base64', 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq_LDE4izWy10TW'],
      ['trailing newline', `${PETER_VKEY}\n`],
    ];
    for (const [what, vkey] of cases) {
      it(what, () => {
        expectLogError(() => parseVkey(vkey), 'INVALID_KEY');
      });
    }
  });

  describe('isValidKeyName', () => {
    it('accepts URL-like names and rejects empty, spaces, plus, controls', () => {
      expect(isValidKeyName('example.com/log')).to.equal(true);
      expect(isValidKeyName('汇存.example/日志')).to.equal(true);
      for (const bad of [
        '',
        'a b',
        'a+b',
        'a\tb',
        'a\nb',
        'a\u00a0b',
        'a\u3000b',
        'a\u0085b',
        'a\u0000b',
        '\ud800x',
      ]) {
        expect(isValidKeyName(bad), JSON.stringify(bad)).to.equal(false);
      }
    });
  });

  describe('openNote', () => {
    const peter = parseVkey(PETER_VKEY);

    it('rejects tampered text', () => {
      expectLogError(
        () => openNote(PETER_NOTE.replace('answer', 'Answer'), [peter]),
        'INVALID_NOTE',
      );
    });

    it('rejects a tampered signature by a known key', () => {
      const sig = tamperSignature(PETER_SIG);
      const e = expectLogError(() => openNote(`${PETER_TEXT}\n${sig}`, [peter]), 'INVALID_NOTE');
      expect(e.message).to.include('invalid signature');
    });

    it('ignores unknown keys but rejects a note no known key signed ("no trusted signature")', () => {
      const e = expectLogError(() => openNote(PETER_NOTE, [parseVkey(ENOCH_VKEY)]), 'INVALID_NOTE');
      expect(e.message).to.include('no trusted signature');
      expectLogError(() => openNote(PETER_NOTE, []), 'INVALID_NOTE');
    });

    it('a same-name key with another key ID is unknown, not known', () => {
      const seed = new Uint8Array(32).fill(9);
      const impostor = parseVkey(formatVkey('PeterNeumann', ed25519.getPublicKey(seed)));
      const e = expectLogError(() => openNote(PETER_NOTE, [impostor]), 'INVALID_NOTE');
      expect(e.message).to.include('no trusted signature');
    });

    it('rejects when a known key fails even if another known key verifies', () => {
      const bad = tamperSignature(ENOCH_SIG);
      expectLogError(
        () => openNote(`${PETER_TEXT}\n${PETER_SIG}${bad}`, [peter, parseVkey(ENOCH_VKEY)]),
        'INVALID_NOTE',
      );
    });

    it('reports a repeated identical signature once', () => {
      const opened = openNote(`${PETER_TEXT}\n${PETER_SIG}${PETER_SIG}${ENOCH_SIG}${ENOCH_SIG}`, [
        peter,
      ]);
      expect(opened.verified).to.have.length(1);
      expect(opened.unknown).to.have.length(1);
    });

    it('a verifier that throws counts as a failed signature', () => {
      const throwing: NoteVerifier = {
        name: peter.name,
        keyId: peter.keyId,
        verify: () => {
          throw new Error('boom');
        },
      };
      expectLogError(() => openNote(PETER_NOTE, [throwing]), 'INVALID_NOTE');
    });
  });

  describe('parseNote (strict)', () => {
    it('splits text and signatures at the LAST blank line', () => {
      const parsed = parseNote(`a\n\nb\n\n${PETER_SIG}`);
      expect(parsed.text).to.equal('a\n\nb\n');
      expect(parsed.signatures).to.have.length(1);
      expect(parsed.signatures[0]?.name).to.equal('PeterNeumann');
      expect(parsed.signatures[0]?.keyId).to.equal(0xc74f20a3);
      expect(parsed.signatures[0]?.signature).to.have.length(64);
    });

    const sig = PETER_SIG;
    const bad: [string, string][] = [
      ['no blank line', `${PETER_TEXT}${sig}`],
      ['no signatures', `${PETER_TEXT}\n`],
      ['no final newline', `${PETER_TEXT}\n${sig.slice(0, -1)}`],
      ['blank line after signatures', `${PETER_TEXT}\n${sig}\n`],
      ['carriage return', `${PETER_TEXT.replace('\n', '\r\n')}\n${sig}`],
      ['tab', `a\tb\n\n${sig}`],
      ['NUL', `a\u0000b\n\n${sig}`],
      ['lone high surrogate', `a\ud800b\n\n${sig}`],
      ['lone low surrogate', `a\udc00b\n\n${sig}`],
      ['hyphen instead of em dash', `${PETER_TEXT}\n- ${sig.slice(2)}`],
      ['no space after em dash', `${PETER_TEXT}\n—${sig.slice(2)}`],
      ['no signature after name', `${PETER_TEXT}\n— PeterNeumann\n`],
      ['empty signature', `${PETER_TEXT}\n— PeterNeumann \n`],
      ['two spaces', `${PETER_TEXT}\n${sig.replace('PeterNeumann ', 'PeterNeumann  ')}`],
      ['signature too short', `${PETER_TEXT}\n— PeterNeumann AAAAAA==\n`],
      ['non-canonical base64', `${PETER_TEXT}\n${sig.replace('JnAM=', 'JnAN=')}`],
      ['base64 without padding', `${PETER_TEXT}\n${sig.replace('JnAM=', 'JnAM')}`],
      ['plus in name', `${PETER_TEXT}\n${sig.replace('PeterNeumann', 'Peter+Neumann')}`],
      ['101 signatures', `${PETER_TEXT}\n${sig.repeat(101)}`],
    ];
    for (const [what, note] of bad) {
      it(`rejects: ${what}`, () => {
        expectLogError(() => parseNote(note), 'INVALID_NOTE');
      });
    }

    it('accepts exactly 100 signatures (and 16, the spec minimum)', () => {
      expect(parseNote(`${PETER_TEXT}\n${sig.repeat(100)}`).signatures).to.have.length(100);
      expect(parseNote(`${PETER_TEXT}\n${sig.repeat(16)}`).signatures).to.have.length(16);
    });

    it('accepts non-ASCII text (valid UTF-16 → valid UTF-8)', () => {
      expect(parseNote(`汇存 😀\n\n${sig}`).text).to.equal('汇存 😀\n');
    });
  });

  describe('signNote', () => {
    const seed = new Uint8Array(32).fill(1);
    const pub = ed25519.getPublicKey(seed);
    const signer = ed25519NoteSigner('huicun.localhost/log', pub, (m) => ed25519.sign(m, seed));
    const asyncSigner = ed25519NoteSigner(
      'witness.example/w1',
      ed25519.getPublicKey(seed),
      async (m) => ed25519.sign(m, seed),
    );
    const verifier = parseVkey(formatVkey('huicun.localhost/log', pub));

    it('signs with several signers, in order, and the note opens', async () => {
      const note = await signNote('hello\n汇存\n', [signer, asyncSigner]);
      expect(note.startsWith('hello\n汇存\n\n— huicun.localhost/log ')).to.equal(true);
      const opened = openNote(note, [verifier]);
      expect(opened.text).to.equal('hello\n汇存\n');
      expect(opened.unknown.map((s) => s.name)).to.deep.equal(['witness.example/w1']);
      const sig = parseNote(note).signatures[0];
      expect(sig?.keyId).to.equal(signer.keyId);
      expect(toB64(sig?.signature as Uint8Array)).to.equal(
        toB64(ed25519.sign(new TextEncoder().encode('hello\n汇存\n'), seed)),
      );
    });

    it('rejects bad text and bad signers', async () => {
      await expectLogErrorAsync(() => signNote('no newline', [signer]), 'INVALID_NOTE');
      await expectLogErrorAsync(() => signNote('a\rb\n', [signer]), 'INVALID_NOTE');
      await expectLogErrorAsync(() => signNote('a\ud800\n', [signer]), 'INVALID_NOTE');
      await expectLogErrorAsync(() => signNote('ok\n', []), 'INVALID_ARGUMENT');
      await expectLogErrorAsync(
        () => signNote('ok\n', [{ ...signer, name: 'a b' }]),
        'INVALID_ARGUMENT',
      );
      await expectLogErrorAsync(
        () => signNote('ok\n', [{ ...signer, keyId: 2 ** 32 }]),
        'INVALID_ARGUMENT',
      );
      await expectLogErrorAsync(
        () => signNote('ok\n', [{ ...signer, sign: () => new Uint8Array(0) }]),
        'INVALID_ARGUMENT',
      );
    });

    it('passes signer errors through unchanged', async () => {
      const failing = { ...signer, sign: () => Promise.reject(new Error('HSM offline')) };
      try {
        await signNote('ok\n', [failing]);
        expect.fail('should throw');
      } catch (err) {
        expect(err).not.to.be.instanceOf(LogError);
        expect((err as Error).message).to.equal('HSM offline');
      }
    });

    it('ed25519KeyId and formatVkey reject bad names and key lengths', () => {
      expectLogError(() => ed25519KeyId('a+b', pub), 'INVALID_KEY');
      expectLogError(() => ed25519KeyId('ok', pub.slice(1)), 'INVALID_KEY');
      expectLogError(() => formatVkey('', pub), 'INVALID_KEY');
    });
  });
});
