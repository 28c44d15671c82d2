/** A plain form post (app/api/sign-out): works with or without the page's script. */
export function SignOutButton() {
  return (
    <form method="post" action="/api/sign-out">
      <button
        type="submit"
        className="rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap text-slate-800 underline hover:bg-slate-100"
      >
        Sign out
      </button>
    </form>
  );
}
