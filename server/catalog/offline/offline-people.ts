// /person/{id} and its credits. The catalog knows people by their credits only: no biographies,
// birthdays or places, which stay empty or null rather than made up.
import type { OfflineCatalog, OfflinePerson, PersonCredit } from './offline-data.ts';
import type { SubResource } from './offline-movies.ts';
import { syntheticHexId } from './offline-scores.ts';
import { imageEntry, movieListItem, tvListItem } from './offline-shapes.ts';

function creditId(person: OfflinePerson, c: PersonCredit): string {
  if (c.kind === 'cast') return syntheticHexId('movie', c.movie.id, 'cast', person.id, c.order);
  if (c.kind === 'crew') return syntheticHexId('movie', c.movie.id, 'crew', person.id, c.job);
  return syntheticHexId('tv', c.show.id, 'creator', person.id);
}

type Media = 'movie' | 'tv' | 'combined';

/** One person's credits, in TMDB's {cast, crew} split; combined entries carry media_type. */
function personCredits(person: OfflinePerson, media: Media) {
  const cast: Record<string, unknown>[] = [];
  const crew: Record<string, unknown>[] = [];
  const tag = (mediaType: 'movie' | 'tv') => (media === 'combined' ? { media_type: mediaType } : {});
  for (const c of person.credits) {
    if (c.kind === 'creator') {
      if (media === 'movie') continue;
      crew.push({
        ...tvListItem(c.show),
        credit_id: creditId(person, c),
        department: 'Writing',
        episode_count: c.show.number_of_episodes ?? 0,
        job: 'Creator',
        ...tag('tv'),
      });
      continue;
    }
    if (media === 'tv') continue;
    const base = { ...movieListItem(c.movie), credit_id: creditId(person, c) };
    if (c.kind === 'cast') cast.push({ ...base, character: c.character, order: c.order, ...tag('movie') });
    else crew.push({ ...base, department: c.department, job: c.job, ...tag('movie') });
  }
  return { cast, crew };
}

export const PERSON_SUBRESOURCES: Record<string, SubResource<OfflinePerson>> = {
  combined_credits: { withId: true, build: (_catalog, person) => personCredits(person, 'combined') },
  movie_credits: { withId: true, build: (_catalog, person) => personCredits(person, 'movie') },
  tv_credits: { withId: true, build: (_catalog, person) => personCredits(person, 'tv') },
  external_ids: {
    withId: true,
    build: () => ({
      freebase_mid: null,
      freebase_id: null,
      imdb_id: null,
      tvrage_id: null,
      wikidata_id: null,
      facebook_id: null,
      instagram_id: null,
      tiktok_id: null,
      twitter_id: null,
      youtube_id: null,
    }),
  },
  images: { withId: true, build: (_catalog, person) => ({ profiles: [imageEntry(person.profile_path, 'poster')] }) },
};

export function personDetails(_catalog: OfflineCatalog, p: OfflinePerson): Record<string, unknown> {
  return {
    adult: false,
    also_known_as: [],
    biography: '',
    birthday: null,
    deathday: null,
    gender: p.gender ?? 0,
    homepage: null,
    id: p.id,
    imdb_id: null,
    known_for_department: p.known_for_department,
    name: p.name,
    place_of_birth: null,
    popularity: p.popularity,
    profile_path: p.profile_path,
  };
}
