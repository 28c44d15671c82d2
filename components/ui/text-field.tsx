// A labelled text field with its hint and its problem under it, both read
// with it (aria-describedby), as every form in Trio lays them out. The
// control's other attributes pass through.
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";

type FieldParts = {
  id: string;
  label: ReactNode;
  /** What is wrong with the value, under the field (id `<id>-error`). */
  error?: string;
  /** A hint under the field (id `<id>-hint`). */
  hint?: ReactNode;
  /** Other elements that describe it too (a group's shared hint). */
  describedBy?: string;
  labelClassName?: string;
};

type Own = keyof FieldParts | "aria-invalid" | "aria-describedby";

function Frame({
  id,
  label,
  error,
  hint,
  labelClassName = "font-medium",
  children,
}: FieldParts & { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

const controlAria = ({ id, error, hint, describedBy }: FieldParts) => ({
  id,
  "aria-invalid": Boolean(error),
  "aria-describedby":
    [describedBy, hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined,
});

export function TextField(props: FieldParts & Omit<InputHTMLAttributes<HTMLInputElement>, Own>) {
  const { id, label, error, hint, describedBy, labelClassName, ...input } = props;
  const parts = { id, label, error, hint, describedBy, labelClassName };
  return (
    <Frame {...parts}>
      <input name={id} {...input} {...controlAria(parts)} />
    </Frame>
  );
}

export function TextAreaField(props: FieldParts & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Own>) {
  const { id, label, error, hint, describedBy, labelClassName, ...area } = props;
  const parts = { id, label, error, hint, describedBy, labelClassName };
  return (
    <Frame {...parts}>
      <textarea name={id} {...area} {...controlAria(parts)} />
    </Frame>
  );
}
