import type { MovieDetail, PersonDetail, TvDetail } from '#shared/contracts/catalog';
import type { HeadTags } from './head.ts';
import { formatRuntime } from './format.ts';

// Head tags and schema.org JSON-LD for the title and person pages. Paths stay relative here
// ("/movie/1", "/img/…"); renderHead makes them absolute with the server's public origin.

const people = (names: string[]) => names.map((name) => ({ '@type': 'Person', name }));

function rating(value: number | null, count: number | null) {
  return value && count
    ? { '@type': 'AggregateRating', ratingValue: value, bestRating: 10, ratingCount: count }
    : undefined;
}

/** ISO 8601 duration: 96 → "PT1H36M". */
const isoDuration = (minutes: number | null) =>
  minutes && minutes > 0
    ? `PT${Math.floor(minutes / 60) ? `${Math.floor(minutes / 60)}H` : ''}${minutes % 60 ? `${minutes % 60}M` : ''}`
    : undefined;

const list = (names: string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');

export function movieHead(m: MovieDetail): HeadTags {
  const directors = m.credits.crew.filter((c) => c.job === 'Director').map((c) => c.name);
  const cast = m.credits.cast.slice(0, 3).map((c) => c.name);
  const description = [
    `${m.title}${m.year ? ` (${m.year})` : ''}${m.genres.length ? `, ${m.genres.map((g) => g.name.toLowerCase()).join(', ')}` : ''}${formatRuntime(m.runtime) ? `, ${formatRuntime(m.runtime)}` : ''}.`,
    directors.length ? `Directed by ${list(directors)}.` : '',
    cast.length ? `Starring ${list(cast)}.` : '',
    m.voteAverage ? `Rated ${m.voteAverage.toFixed(1)}/10.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    title: m.year ? `${m.title} (${m.year})` : m.title,
    description,
    canonicalPath: `/movie/${m.id}`,
    // Link previews are landscape: the backdrop fits them better than the poster.
    image: m.backdropUrl ?? m.posterUrl,
    type: 'video.movie',
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'Movie',
      name: m.title,
      url: `/movie/${m.id}`,
      image: m.posterUrl ?? undefined,
      datePublished: m.releaseDate ?? undefined,
      genre: m.genres.map((g) => g.name),
      duration: isoDuration(m.runtime),
      inLanguage: m.originalLanguage ?? undefined,
      director: directors.length ? people(directors) : undefined,
      actor: m.credits.cast.length ? people(m.credits.cast.slice(0, 10).map((c) => c.name)) : undefined,
      aggregateRating: rating(m.voteAverage, m.voteCount),
    },
  };
}

export function tvHead(t: TvDetail): HeadTags {
  const cast = t.credits.cast.slice(0, 3).map((c) => c.name);
  const description = [
    `${t.title}${t.year ? ` (${t.year})` : ''}${t.networks.length ? ` on ${list(t.networks)}` : ''}.`,
    t.numberOfSeasons
      ? `${t.numberOfSeasons} season${t.numberOfSeasons === 1 ? '' : 's'}${t.numberOfEpisodes ? `, ${t.numberOfEpisodes} episodes` : ''}.`
      : '',
    cast.length ? `Starring ${list(cast)}.` : '',
    t.voteAverage ? `Rated ${t.voteAverage.toFixed(1)}/10.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    title: t.year ? `${t.title} (TV series ${t.year})` : `${t.title} (TV series)`,
    description,
    canonicalPath: `/tv/${t.id}`,
    image: t.backdropUrl ?? t.posterUrl,
    type: 'video.tv_show',
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'TVSeries',
      name: t.title,
      url: `/tv/${t.id}`,
      image: t.posterUrl ?? undefined,
      startDate: t.releaseDate ?? undefined,
      endDate: t.status === 'Ended' ? (t.lastAirDate ?? undefined) : undefined,
      genre: t.genres.map((g) => g.name),
      numberOfSeasons: t.numberOfSeasons ?? undefined,
      numberOfEpisodes: t.numberOfEpisodes ?? undefined,
      creator: t.createdBy.length ? people(t.createdBy.map((c) => c.name)) : undefined,
      actor: t.credits.cast.length ? people(t.credits.cast.slice(0, 10).map((c) => c.name)) : undefined,
      aggregateRating: rating(t.voteAverage, t.voteCount),
    },
  };
}

export function personHead(p: PersonDetail): HeadTags {
  const known = [...p.credits.cast, ...p.credits.crew]
    .sort((a, b) => (b.popularity ?? 0) - (a.popularity ?? 0))
    .map((c) => c.title)
    .filter((t, i, all) => all.indexOf(t) === i)
    .slice(0, 3);
  return {
    title: p.name,
    description: `${p.name}${p.knownForDepartment ? `, ${p.knownForDepartment.toLowerCase()}` : ''}${known.length ? `, known for ${list(known)}` : ''}: movie and TV credits.`,
    canonicalPath: `/person/${p.id}`,
    image: p.profileUrl,
    type: 'profile',
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'Person',
      name: p.name,
      url: `/person/${p.id}`,
      image: p.profileUrl ?? undefined,
      birthDate: p.birthday ?? undefined,
      deathDate: p.deathday ?? undefined,
      birthPlace: p.placeOfBirth ?? undefined,
      jobTitle: p.knownForDepartment ?? undefined,
    },
  };
}
