import type { Genre } from '#shared/contracts/catalog';

interface Props {
  genres: Genre[];
  selected: number[];
  onToggle: (id: number, on: boolean) => void;
}

/** Genre checkboxes drawn as chips; each is a real checkbox with its label (name="genre" for the no-JS form). */
export function GenrePicker({ genres, selected, onToggle }: Props) {
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-semibold text-slate-200">Genres</legend>
      <div className="flex flex-wrap gap-2">
        {genres.map((g) => {
          const id = `genre-${g.id}`;
          const checked = selected.includes(g.id);
          return (
            <label
              key={g.id}
              htmlFor={id}
              className="cursor-pointer select-none rounded-full px-3 py-1 text-sm text-slate-300 ring-1 ring-white/15 transition hover:bg-white/10 has-[:checked]:bg-rose-600 has-[:checked]:text-white has-[:checked]:ring-rose-500 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-rose-500"
            >
              <input
                id={id}
                type="checkbox"
                name="genre"
                value={g.id}
                checked={checked}
                onChange={(e) => onToggle(g.id, e.target.checked)}
                className="sr-only"
              />
              {g.name}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
