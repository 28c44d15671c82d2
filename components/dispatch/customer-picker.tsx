"use client";

import { type ReactNode, useEffect, useState } from "react";
import { callApi } from "@/components/ui/call-api.ts";
import type { CustomerMatch } from "@/lib/customers/search-customers.ts";
import { TextField } from "../ui/text-field.tsx";
import { inputClass } from "./new-job-fields.ts";

type Props = {
  chosen: CustomerMatch | null;
  adding: boolean;
  onChoose: (customer: CustomerMatch) => void;
  onClear: () => void;
  onAdding: (adding: boolean) => void;
  errors: Record<string, string>;
  fieldError: (id: string, ...names: string[]) => ReactNode;
  describedBy: (id: string, ...names: string[]) => string | undefined;
};

/** Who the job is for: a customer found by name, phone or email, or a new one. */
export function CustomerPicker({
  chosen,
  adding,
  onChoose,
  onClear,
  onAdding,
  errors,
  fieldError,
  describedBy,
}: Props) {
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<CustomerMatch[] | null>(null);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    if (chosen || adding) return;
    const text = query.trim();
    if (text.length < 2) {
      setMatches(null);
      return;
    }
    setSearching(true);
    const timer = setTimeout(async () => {
      const result = await callApi<CustomerMatch[]>(`/api/customers?q=${encodeURIComponent(text)}`, { method: "GET" });
      setSearching(false);
      setMatches(result.ok ? result.data : []);
    }, 250);
    return () => clearTimeout(timer);
  }, [query, chosen, adding]);

  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={describedBy("customer", "customer")}>
      <legend className="mb-1 text-lg font-semibold">Customer</legend>
      {chosen ? (
        <div className="flex items-start justify-between gap-2 rounded-lg border border-slate-300 bg-white px-3 py-2">
          <div>
            <p className="font-semibold">{chosen.name}</p>
            <p className="text-sm text-slate-700">
              {[chosen.phone, chosen.email, chosen.address].filter(Boolean).join(" · ") || "No details on file"}
            </p>
          </div>
          <button
            type="button"
            onClick={onClear}
            className="min-h-10 shrink-0 text-sm font-medium text-blue-800 underline"
          >
            Change
          </button>
        </div>
      ) : adding ? (
        <div className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-3">
          <TextField id="name" label="Name" error={errors["customer.name"]} maxLength={100} className={inputClass} />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              id="phone"
              label="Phone"
              error={errors["customer.phone"]}
              type="tel"
              maxLength={30}
              className={inputClass}
            />
            <TextField
              id="email"
              label="Email"
              error={errors["customer.email"]}
              type="email"
              maxLength={254}
              className={inputClass}
            />
          </div>
          <button
            type="button"
            onClick={() => onAdding(false)}
            className="self-start text-sm font-medium text-blue-800 underline"
          >
            Search instead
          </button>
        </div>
      ) : (
        <div className="flex flex-col gap-2">
          <label htmlFor="customer-search" className="font-medium">
            Find by name, phone or email
          </label>
          <input
            id="customer-search"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            autoComplete="off"
            maxLength={100}
            aria-describedby="customer-results"
            className={inputClass}
          />
          <div id="customer-results" aria-live="polite" className="flex flex-col gap-1">
            {searching && <p className="text-sm text-slate-700">Searching…</p>}
            {!searching && matches?.length === 0 && (
              <p className="text-sm text-slate-700">No customer matches “{query.trim()}”.</p>
            )}
            {!searching && matches && matches.length > 0 && (
              <ul
                aria-label="Matching customers"
                className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white"
              >
                {matches.map((customer) => (
                  <li key={customer.id}>
                    <button
                      type="button"
                      onClick={() => onChoose(customer)}
                      className="flex w-full flex-col items-start px-3 py-2 text-left hover:bg-slate-100"
                    >
                      <span className="font-semibold">{customer.name}</span>
                      <span className="text-sm text-slate-700">
                        {[customer.phone, customer.email, customer.address].filter(Boolean).join(" · ")}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <button
            type="button"
            onClick={() => onAdding(true)}
            className="min-h-10 self-start rounded-lg border border-slate-400 bg-white px-3 text-slate-800 hover:bg-slate-100"
          >
            Add a new customer
          </button>
        </div>
      )}
      {fieldError("customer", "customer")}
    </fieldset>
  );
}
