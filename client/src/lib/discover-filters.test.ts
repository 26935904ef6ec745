import { describe, expect, it } from 'vitest';
import { DiscoverQuery } from '#shared/contracts/catalog';
import { filtersToSearch, parseDiscoverFilters, toDiscoverQuery } from './discover-filters.ts';

describe('browse filters in the URL', () => {
  it('reads every filter from a shared link', () => {
    expect(
      parseDiscoverFilters(
        'genre=28,12&yearFrom=1990&yearTo=1999&minRating=7.5&runtimeMin=90&runtimeMax=150&language=en&sort=rating.asc&page=3',
      ),
    ).toEqual({
      genres: [28, 12],
      yearFrom: 1990,
      yearTo: 1999,
      minRating: 7.5,
      runtimeMin: 90,
      runtimeMax: 150,
      language: 'en',
      sort: 'rating.asc',
      page: 3,
    });
  });

  it('accepts genres repeated, as the form posts them without JavaScript, and drops duplicates', () => {
    expect(parseDiscoverFilters('genre=28&genre=12&genre=28').genres).toEqual([28, 12]);
  });

  it('writes a canonical query that reads back to the same filters', () => {
    const f = parseDiscoverFilters('sort=title.asc&genre=16&genre=35&yearTo=2005&page=2');
    const search = filtersToSearch(f);
    expect(search).toBe('?genre=16,35&yearTo=2005&sort=title.asc&page=2');
    expect(parseDiscoverFilters(search.slice(1))).toEqual(f);
  });

  it('leaves defaults out of the URL', () => {
    expect(filtersToSearch(parseDiscoverFilters('sort=popularity.desc&page=1'))).toBe('');
    expect(filtersToSearch(parseDiscoverFilters('sort=popularity'))).toBe('');
  });

  it('reads a reversed range the way it was meant', () => {
    const f = parseDiscoverFilters('yearFrom=2010&yearTo=2000&runtimeMin=180&runtimeMax=60');
    expect([f.yearFrom, f.yearTo, f.runtimeMin, f.runtimeMax]).toEqual([2000, 2010, 60, 180]);
  });

  it('drops what is malformed or out of range and keeps the rest', () => {
    const f = parseDiscoverFilters(
      'genre=action,28&yearFrom=1500&yearTo=abc&minRating=11&runtimeMin=-5&runtimeMax=99999&language=english&sort=budget.desc&page=0',
    );
    expect(f).toEqual({ genres: [28], sort: 'popularity.desc', page: 1 });
  });

  // The page and its server prefetch call /api/*/discover with this; a 400 there would turn a
  // shared link with one odd value into a 404 page.
  it.each([
    '',
    'genre=28&yearFrom=2100&yearTo=1870&minRating=10&runtimeMin=0&runtimeMax=1000&language=fr&sort=release_date.asc&page=500',
    'yearFrom=99999&page=100000&minRating=0.01&genre=,,,&sort=rating.',
    'genre=2147483648&runtimeMin=1e3&minRating=5e1&language=EN&sort=TITLE.asc',
    'yearFrom=1999.5&page=-3&minRating=.5&runtimeMax= 120 ',
  ])('turns %j into a query the discover API accepts', (search) => {
    const result = DiscoverQuery.safeParse(toDiscoverQuery(parseDiscoverFilters(search)));
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });
});
