interface Props {
  legend: string;
  names: [string, string];
  labels: [string, string];
  values: [string, string];
  min: number;
  max: number;
  step?: number;
  placeholder?: [string, string];
  onChange: (which: 0 | 1, value: string) => void;
}

const input =
  'w-full rounded-md border-0 bg-white/5 px-3 py-2 text-sm text-slate-100 ring-1 ring-white/15 placeholder:text-slate-500 focus:ring-2 focus:ring-rose-500 focus:outline-none';

/** A from–to pair of number inputs under one legend (year range, runtime range). */
export function RangeFields({ legend, names, labels, values, min, max, step = 1, placeholder, onChange }: Props) {
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-semibold text-slate-200">{legend}</legend>
      <div className="flex items-center gap-2">
        {([0, 1] as const).map((i) => (
          <div key={names[i]} className="flex-1">
            <label htmlFor={`filter-${names[i]}`} className="sr-only">
              {labels[i]}
            </label>
            <input
              id={`filter-${names[i]}`}
              name={names[i]}
              type="number"
              inputMode="numeric"
              min={min}
              max={max}
              step={step}
              value={values[i]}
              placeholder={placeholder?.[i] ?? labels[i]}
              onChange={(e) => onChange(i, e.target.value)}
              className={input}
            />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
