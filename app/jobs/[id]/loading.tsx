export default function Loading() {
  return (
    <div className="flex h-dvh items-center justify-center text-slate-700" role="status">
      Loading the conversation…
    </div>
  );
}
