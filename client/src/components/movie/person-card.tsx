import { Link } from 'wouter';
import { imageAt } from '../../lib/image.ts';
import { UserIcon } from '../ui/icons.tsx';

interface Props {
  id: number;
  name: string;
  role: string | null;
  profileUrl: string | null;
}

/** A cast member: photo, name, character; links to their page. */
export function PersonCard({ id, name, role, profileUrl }: Props) {
  return (
    <Link
      href={`/person/${id}`}
      aria-label={role ? `${name}, ${role}` : name}
      className="group block w-28 shrink-0 rounded-lg sm:w-32"
      data-testid="person-card"
    >
      <div className="aspect-[2/3] overflow-hidden rounded-lg bg-slate-800 ring-1 ring-white/10 transition group-hover:ring-rose-500/70">
        {profileUrl ? (
          <img
            src={imageAt(profileUrl, 'w185')}
            alt={name}
            width={185}
            height={278}
            loading="lazy"
            decoding="async"
            className="h-full w-full object-cover transition duration-300 group-hover:scale-105 motion-reduce:transition-none motion-reduce:group-hover:scale-100"
          />
        ) : (
          <div className="flex h-full items-center justify-center text-slate-500">
            <UserIcon width={36} height={36} />
          </div>
        )}
      </div>
      <p className="mt-2 line-clamp-2 text-sm font-medium leading-tight text-slate-100 group-hover:text-white">
        {name}
      </p>{' '}
      {role && <p className="line-clamp-2 text-xs text-slate-400">{role}</p>}
    </Link>
  );
}
