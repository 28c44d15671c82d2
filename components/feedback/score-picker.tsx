"use client";

type Props = {
  name: string;
  legend: string;
  /** Read with the legend: what the ends of the scale mean. */
  hint: string;
  min: number;
  max: number;
  value: number | null;
  onChange: (value: number) => void;
  /** The words a screen reader hears for one choice, e.g. "2 of 5". */
  labelOf: (value: number) => string;
  columns: string;
};

/**
 * A row of large choices that is a real radio group: a fieldset with its
 * legend, one native radio per score (arrow keys move between them), each
 * drawn as a button-sized box. The radio itself lies, transparent, over its
 * box, so a tap lands on it and the focus ring shows where it is.
 */
export function ScorePicker({ name, legend, hint, min, max, value, onChange, labelOf, columns }: Props) {
  const scores = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <fieldset className="min-w-0">
      <legend className="text-base font-semibold text-slate-900">{legend}</legend>
      <p className="mb-2 text-sm text-slate-700">{hint}</p>
      <div className={`grid gap-2 ${columns}`}>
        {scores.map((score) => (
          <label key={score} className="relative block cursor-pointer">
            <input
              type="radio"
              name={name}
              value={score}
              checked={value === score}
              onChange={() => onChange(score)}
              className="peer absolute inset-0 m-0 h-full w-full cursor-pointer opacity-0"
            />
            <span
              aria-hidden="true"
              className="flex min-h-12 items-center justify-center rounded-xl border-2 border-slate-400 bg-white text-lg font-semibold text-slate-900 peer-checked:border-blue-800 peer-checked:bg-blue-700 peer-checked:text-white peer-focus-visible:outline peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-600"
            >
              {score}
            </span>
            <span className="sr-only">{labelOf(score)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
