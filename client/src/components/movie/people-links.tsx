import { Fragment } from 'react';
import { Link } from 'wouter';

/** "A, B and C", each a link to the person's page; repeated people appear once. */
export function PeopleLinks({ people }: { people: { id: number; name: string }[] }) {
  const unique = people.filter((p, i) => people.findIndex((q) => q.id === p.id) === i);
  if (unique.length === 0) return null;
  return (
    <>
      {unique.map((p, i) => (
        <Fragment key={p.id}>
          {i > 0 && (i === unique.length - 1 ? ' and ' : ', ')}
          <Link
            href={`/person/${p.id}`}
            className="text-slate-100 underline decoration-white/30 underline-offset-4 hover:text-rose-300 hover:decoration-rose-300"
          >
            {p.name}
          </Link>
        </Fragment>
      ))}
    </>
  );
}
