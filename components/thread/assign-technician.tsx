"use client";

import { useId, useState } from "react";
import { callApi } from "@/components/ui/call-api.ts";
import type { TechnicianOption } from "@/lib/jobs/list-technicians.ts";

type Props = { jobId: string; current: string | null; technicians: TechnicianOption[] };

/** The dispatcher's say over who does the job; the thread and boards update through job:updated. */
export function AssignTechnician({ jobId, current, technicians }: Props) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const assign = async (technicianId: string) => {
    setBusy(true);
    setProblem(null);
    const result = await callApi(`/api/jobs/${jobId}/assignment`, {
      method: "PUT",
      body: { technicianId: technicianId || null },
    });
    setBusy(false);
    setProblem(result.ok ? null : result.problem);
  };

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        Technician
      </label>
      <select
        id={id}
        value={current ?? ""}
        disabled={busy}
        onChange={(event) => assign(event.target.value)}
        className="min-h-10 rounded-lg border border-slate-400 bg-white px-2 text-base"
      >
        <option value="">Not assigned</option>
        {technicians.map((tech) => (
          <option key={tech.id} value={tech.id}>
            {tech.name}
          </option>
        ))}
      </select>
      {problem && (
        <p role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      )}
    </div>
  );
}
