import type { PersonDetail } from '#shared/contracts/catalog';
import { PageTransition } from '../components/layout/page-transition.tsx';
import { CreditList, mergeCredits, type Credit } from '../components/movie/credit-list.tsx';
import { FactList } from '../components/movie/fact-list.tsx';
import { MediaRow } from '../components/movie/media-row.tsx';
import { UserIcon } from '../components/ui/icons.tsx';
import { personQuery, usePerson } from '../hooks/use-catalog.ts';
import { formatDate } from '../lib/format.ts';
import { imageAt } from '../lib/image.ts';
import { tmdbIdOf } from '../lib/ids.ts';
import { queryKeys } from '../lib/query-keys.ts';
import { personHead } from '../lib/seo.ts';
import type { Params, RouteDef } from '../route-types.ts';

/** Their best-known titles: in their own department first, by popularity, once each. */
function knownFor(person: PersonDetail): Credit[] {
  const main = person.knownForDepartment === 'Acting' ? person.credits.cast : person.credits.crew;
  const rest = person.knownForDepartment === 'Acting' ? person.credits.crew : person.credits.cast;
  const seen = new Set<string>();
  return [main, rest]
    .flatMap((list) => [...list].sort((a, b) => (b.popularity ?? 0) - (a.popularity ?? 0)))
    .filter((c) => {
      const key = `${c.mediaType}-${c.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 16);
}

export function PersonPage({ params }: { params: Params }) {
  const { data: person } = usePerson(tmdbIdOf(params));
  const known = knownFor(person);
  const roles = new Map(known.map((c) => [`${c.mediaType}-${c.id}`, c.character ?? c.job]));
  const acting = mergeCredits(person.credits.cast);
  const crew = mergeCredits(person.credits.crew);
  return (
    <PageTransition>
      <div className="flex flex-col gap-6 px-4 pt-10 sm:flex-row sm:gap-10 sm:px-6">
        <div className="w-40 shrink-0 self-start overflow-hidden rounded-xl bg-slate-800 shadow-2xl ring-1 ring-white/15 sm:w-56">
          {person.profileUrl ? (
            <img
              src={imageAt(person.profileUrl, 'w342')}
              alt={person.name}
              width={342}
              height={513}
              className="aspect-[2/3] h-auto w-full object-cover"
            />
          ) : (
            <div className="flex aspect-[2/3] items-center justify-center text-slate-500">
              <UserIcon width={56} height={56} />
            </div>
          )}
        </div>
        <div className="min-w-0 flex-1 sm:pt-4">
          {person.knownForDepartment && (
            <p className="text-xs font-semibold uppercase tracking-[0.2em] text-rose-300">
              {person.knownForDepartment}
            </p>
          )}
          <h1 className="mt-1 text-3xl font-extrabold tracking-tight sm:text-5xl">{person.name}</h1>
          <div className="mt-8">
            <FactList
              facts={[
                { label: 'Born', value: formatDate(person.birthday) },
                { label: 'Place of birth', value: person.placeOfBirth },
                { label: 'Died', value: formatDate(person.deathday) },
                { label: 'Acting credits', value: acting.length || null },
                { label: 'Crew credits', value: crew.length || null },
              ]}
            />
          </div>
        </div>
      </div>
      {known.length > 0 && (
        <MediaRow
          title="Known for"
          items={known}
          noteOf={(item) => roles.get(`${item.mediaType}-${item.id}`) ?? null}
        />
      )}
      <div className="px-4 sm:px-6">
        <CreditList title="Acting" credits={acting} />
        <CreditList title="Crew" credits={crew} />
      </div>
    </PageTransition>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: PersonPage,
  prefetch: ({ queryClient, api, params }) => queryClient.fetchQuery(personQuery(api, tmdbIdOf(params))),
  head: ({ params, queryClient }) => {
    const id = Number(params.id);
    const person = Number.isInteger(id)
      ? queryClient.getQueryData<PersonDetail>(queryKeys.catalog.person(id))
      : undefined;
    return person ? personHead(person) : { title: 'Person' };
  },
};
