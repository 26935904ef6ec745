import { Link } from 'wouter';
import type { Genre } from '#shared/contracts/catalog';

/** A title's genres, each a link to the browse page filtered by it. */
export function GenreChips({ genres, kind }: { genres: Genre[]; kind: 'movie' | 'tv' }) {
  if (genres.length === 0) return null;
  const base = kind === 'movie' ? '/movies' : '/tv';
  return (
    <ul aria-label="Genres" className="flex flex-wrap gap-2">
      {genres.map((g) => (
        <li key={g.id}>
          <Link
            href={`${base}?genre=${g.id}`}
            className="inline-block rounded-full bg-white/10 px-3 py-1 text-xs font-medium text-slate-200 ring-1 ring-white/10 hover:bg-rose-600 hover:text-white"
          >
            {g.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
