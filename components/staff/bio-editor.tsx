"use client";

import { type FormEvent, useId, useState } from "react";
import { MAX_BIO_LENGTH } from "@/lib/staff/text-limits.ts";
import { callApi } from "../ui/call-api.ts";

/** The line homeowners read on a technician's card, edited in place. */
export function BioEditor({ userId, name, initial }: { userId: string; name: string; initial: string }) {
  const id = useId();
  const [bio, setBio] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const [state, setState] = useState<{ busy: boolean; note: string | null; failed: boolean }>({
    busy: false,
    note: null,
    failed: false,
  });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setState({ busy: true, note: null, failed: false });
    const result = await callApi<{ bio: string }>(`/api/staff/${userId}/bio`, { method: "PUT", body: { bio } });
    if (result.ok) {
      setBio(result.data.bio);
      setSaved(result.data.bio);
      setState({ busy: false, note: "Saved. Homeowners see it on their next update.", failed: false });
    } else setState({ busy: false, note: result.problem, failed: true });
  };

  return (
    <form onSubmit={save} className="flex w-full flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        What homeowners read about {name}
      </label>
      <textarea
        id={id}
        value={bio}
        maxLength={MAX_BIO_LENGTH}
        rows={2}
        onChange={(event) => setBio(event.target.value)}
        placeholder="For example: “Gas heaters and boilers for 12 years.”"
        className="rounded-lg border border-slate-400 p-2 text-base"
      />
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={state.busy || bio === saved}
          className="min-h-10 rounded-lg bg-blue-700 px-3 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-50"
        >
          {state.busy ? "Saving…" : "Save bio"}
        </button>
        <span role="status" className={`text-sm ${state.failed ? "text-red-800" : "text-slate-700"}`}>
          {state.note}
        </span>
      </div>
    </form>
  );
}
