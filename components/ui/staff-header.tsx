import Link from "next/link";
import { SignOutButton } from "../auth/sign-out-button.tsx";

type NavLink = { href: string; label: string };
type Props = { company: string; name: string; roleLabel: string; back?: NavLink; links?: NavLink[] };

export function StaffHeader({ company, name, roleLabel, back, links = [] }: Props) {
  return (
    <header className="flex items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-2">
      <div className="flex min-w-0 items-center gap-3">
        {back && (
          <Link
            href={back.href}
            className="shrink-0 rounded-lg px-2 py-2 text-base font-medium whitespace-nowrap text-blue-800 underline"
          >
            ← {back.label}
          </Link>
        )}
        <p className="truncate text-sm text-slate-700">
          <span className="font-semibold text-slate-900">Trio</span> · {company}
        </p>
      </div>
      {/* On a phone many links wrap onto a second line here rather than push "Sign out" off the screen. */}
      <div className="flex flex-wrap items-center justify-end gap-1">
        <p className="hidden text-sm text-slate-700 sm:block">
          {name} · {roleLabel}
        </p>
        {links.map((link) => (
          <Link
            key={link.href}
            href={link.href}
            className="rounded-lg px-2 py-2 text-sm font-medium whitespace-nowrap text-blue-800 underline hover:bg-slate-100 sm:px-3"
          >
            {link.label}
          </Link>
        ))}
        <SignOutButton />
      </div>
    </header>
  );
}
