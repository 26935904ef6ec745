import { describe, expect, it } from 'vitest';
import { imageUrlProblem } from './safe-url.ts';

describe('imageUrlProblem (the syntactic edge check for user image URLs)', () => {
  it('accepts public https URLs, by name or by public address', () => {
    for (const url of [
      'https://image.example.com/poster.jpg',
      'https://cdn.example.org:443/a/b.png?x=1',
      'https://93.184.215.14/p.webp',
      'https://[2606:4700:4700::1111]/p.png',
    ]) {
      expect(imageUrlProblem(url), url).toBeNull();
    }
  });

  it('refuses other schemes, credentials, odd ports, local names and non-public addresses', () => {
    for (const url of [
      'javascript:alert(1)',
      'http://image.example.com/a.jpg',
      'ftp://image.example.com/a.jpg',
      'file:///etc/passwd',
      'https://u:p@image.example.com/a.jpg',
      'https://image.example.com:8080/a.jpg',
      'https://localhost/a.jpg',
      'https://LOCALHOST./a.jpg',
      'https://app.localhost/a.jpg',
      'https://printer.local/a.jpg',
      'https://metadata.google.internal/',
      'https://router/',
      'https://0.0.0.0/',
      'https://127.1/',
      'https://017700000001/',
      'https://100.64.0.1/',
      'https://198.18.0.1/',
      'https://224.0.0.1/',
      'https://[::]/',
      'https://[::ffff:10.0.0.1]/',
      'https://[64:ff9b::7f00:1]/',
      'https://[fe80::1]/',
      'https://[2001:db8::1]/',
      'https://[2002:7f00:1::]/',
    ]) {
      expect(imageUrlProblem(url), url).not.toBeNull();
    }
  });
});
