import { describe, expect, it } from 'vitest';
import { loadOfflineCatalog, SYNTHETIC_PERSON_ID_OFFSET } from './offline-data.ts';
import { escapeXml, wrapText } from './offline-posters.ts';
import { derivedPopularity, paginate, syntheticHexId, trendingScore } from './offline-scores.ts';
import { normalizeTerm } from './offline-search.ts';

describe('offline catalog data', () => {
  it('gives every movie, show, season and person an image path the service can draw', async () => {
    const catalog = await loadOfflineCatalog();
    const paths = [
      ...catalog.movies.flatMap((m) => [m.poster_path, m.backdrop_path]),
      ...catalog.shows.flatMap((s) => [s.poster_path, s.backdrop_path, ...s.seasons.map((x) => x.poster_path)]),
      ...catalog.people.map((p) => p.profile_path),
    ];
    expect(paths.filter((p) => !catalog.images.has(p))).toEqual([]);
  });

  it('keys people by TMDB id where known, else above the synthetic offset', async () => {
    const catalog = await loadOfflineCatalog();
    expect(catalog.personById.get(525)?.name).toBe('Christopher Nolan');
    const synthetic = catalog.people.filter((p) => p.id > SYNTHETIC_PERSON_ID_OFFSET);
    expect(synthetic.length).toBeGreaterThan(5000);
    expect(catalog.people.filter((p) => p.id < SYNTHETIC_PERSON_ID_OFFSET).every((p) => p.id < 100_000_000)).toBe(true);
  });

  it('is loaded once per process', async () => {
    expect(await loadOfflineCatalog()).toBe(await loadOfflineCatalog());
  });
});

describe('scores', () => {
  it('paginates like TMDB', () => {
    const items = Array.from({ length: 45 }, (_, i) => i);
    expect(paginate(items, 3, (i) => i)).toEqual({
      page: 3,
      results: [40, 41, 42, 43, 44],
      total_pages: 3,
      total_results: 45,
    });
    expect(paginate([], 1, (i) => i)).toEqual({ page: 1, results: [], total_pages: 1, total_results: 0 });
  });

  it('derives more popularity for better rated and more recent films', () => {
    expect(derivedPopularity(8, null, 30)).toBeGreaterThan(derivedPopularity(6, null, 30));
    expect(derivedPopularity(7, null, 30)).toBeGreaterThan(derivedPopularity(7, null, 3000));
  });

  it('decays trending faster for the day than for the week', () => {
    expect(trendingScore(100, 365, 'day')).toBeLessThan(trendingScore(100, 365, 'week'));
    expect(trendingScore(100, 0, 'day')).toBe(100);
    expect(trendingScore(100, null, 'week')).toBe(0);
  });

  it('makes stable 24-hex credit ids', () => {
    expect(syntheticHexId('movie', 1, 'cast', 2)).toMatch(/^[0-9a-f]{24}$/);
    expect(syntheticHexId('movie', 1, 'cast', 2)).toBe(syntheticHexId('movie', 1, 'cast', 2));
    expect(syntheticHexId('movie', 1, 'cast', 2)).not.toBe(syntheticHexId('movie', 1, 'cast', 3));
  });
});

describe('search terms', () => {
  it('folds case, accents and ligatures', () => {
    expect(normalizeTerm('Amélie')).toBe('amelie');
    expect(normalizeTerm('ÆON Flux')).toBe('aeon flux');
    expect(normalizeTerm('Łódź')).toBe('lodz');
  });
});

describe('poster text', () => {
  it('escapes markup characters and drops characters XML forbids', () => {
    expect(escapeXml(`<b>"Tom" & 'Jerry'</b>\u0007`)).toBe(
      '&#60;b&#62;&#34;Tom&#34; &#38; &#39;Jerry&#39;&#60;/b&#62;',
    );
  });

  it('wraps on words and splits words longer than a line', () => {
    expect(wrapText('The Lord of the Rings', 10)).toEqual(['The Lord', 'of the', 'Rings']);
    expect(wrapText('Supercalifragilistic', 8)).toEqual(['Superca-', 'lifragi-', 'listic']);
  });
});
