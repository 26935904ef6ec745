import { describe, expect, it } from 'vitest';
import { imageAt, posterSrcSet } from './image.ts';

describe('image URLs', () => {
  it('changes only the size segment of a catalog image', () => {
    expect(imageAt('/img/w500/abc.jpg', 'w185')).toBe('/img/w185/abc.jpg');
    expect(posterSrcSet('/img/w342/abc.jpg')).toBe('/img/w185/abc.jpg 185w, /img/w342/abc.jpg 342w');
  });

  it("leaves a custom title's single-size image as it is", () => {
    const url = '/img/custom/6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b?v=0123456789';
    expect(imageAt(url, 'w185')).toBe(url);
    expect(posterSrcSet(url)).toBeUndefined();
  });
});
