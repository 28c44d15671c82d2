"use client";

import { useEffect, useRef, useState } from "react";
import type { QuickReplyView } from "@/lib/quick-replies/quick-reply-view.ts";
import { SUGGESTED_QUICK_REPLIES } from "@/lib/quick-replies/suggested.ts";
import { fillQuickReply, MAX_QUICK_REPLIES, type QuickReplyFacts } from "@/lib/quick-replies/template.ts";
import { callApi } from "../ui/call-api.ts";
import { QuickReplyForm } from "./quick-reply-form.tsx";

type Props = { initial: QuickReplyView[]; sample: QuickReplyFacts };
type Listed = { replies: QuickReplyView[] };

const smallButton =
  "min-h-10 rounded-lg border border-slate-400 bg-white px-3 text-sm font-medium hover:bg-slate-100 disabled:opacity-40";

/** The office's list of quick replies: add, change, move and delete, each saved at once. */
export function QuickReplyEditor({ initial, sample }: Props) {
  const [replies, setReplies] = useState(initial);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [note, setNote] = useState<{ text: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  // After a move, the moved reply's button keeps the focus, so a keyboard user can move it again.
  const focusNext = useRef<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    const key = focusNext.current;
    if (busy || !key) return;
    focusNext.current = null;
    const [id] = key.split(":");
    const target = buttons.current.get(key);
    (target && !target.disabled ? target : buttons.current.get(`${id}:edit`))?.focus();
  });

  const remember = (key: string, element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  const apply = async (
    call: Promise<{ ok: true; data: Listed } | { ok: false; problem: string }>,
    done: string,
  ): Promise<string | null> => {
    setBusy(true);
    const result = await call;
    setBusy(false);
    if (!result.ok) {
      setNote({ text: result.problem, failed: true });
      return result.problem;
    }
    setReplies(result.data.replies);
    setNote({ text: done, failed: false });
    return null;
  };

  const add = (text: string) =>
    apply(callApi<Listed>("/api/quick-replies", { method: "POST", body: { text } }), "Added.");
  const save = async (id: string, text: string) => {
    const problem = await apply(
      callApi<Listed>(`/api/quick-replies/${id}`, { method: "PATCH", body: { text } }),
      "Saved.",
    );
    if (!problem) stopEditing(id);
    return problem;
  };
  const stopEditing = (id: string) => {
    focusNext.current = `${id}:edit`;
    setEditing(null);
  };
  const askDelete = (id: string) => {
    focusNext.current = `${id}:keep`;
    setDeleting(id);
  };
  const keep = (id: string) => {
    focusNext.current = `${id}:delete`;
    setDeleting(null);
  };
  const move = (id: string, position: number, direction: "up" | "down") => {
    focusNext.current = `${id}:${direction}`;
    void apply(
      callApi<Listed>(`/api/quick-replies/${id}`, { method: "PATCH", body: { position } }),
      direction === "up" ? "Moved up." : "Moved down.",
    );
  };
  const remove = (id: string, index: number) => {
    // The focus goes on to the reply that takes its place (or the one before it).
    const neighbour = replies[index + 1] ?? replies[index - 1];
    focusNext.current = neighbour ? `${neighbour.id}:edit` : null;
    setDeleting(null);
    void apply(callApi<Listed>(`/api/quick-replies/${id}`, { method: "DELETE" }), "Deleted.");
  };
  const addSuggested = async () => {
    for (const text of SUGGESTED_QUICK_REPLIES) if (await add(text)) return;
  };

  return (
    <div className="flex flex-col gap-4">
      <p role="status" className={`min-h-6 text-sm ${note?.failed ? "text-red-800" : "text-slate-700"}`}>
        {note?.text}
      </p>
      {replies.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-400 bg-white p-4">
          <p className="font-semibold">No quick replies yet.</p>
          <p className="mb-3 text-slate-700">
            Quick replies sit above the message box on every job: one tap puts the words in, ready to edit and send.
            Start with a few common ones, or write your own below.
          </p>
          <button
            type="button"
            disabled={busy}
            onClick={addSuggested}
            className="min-h-11 rounded-lg bg-blue-700 px-4 font-semibold text-white hover:bg-blue-800 disabled:opacity-50"
          >
            Add {SUGGESTED_QUICK_REPLIES.length} suggested replies
          </button>
        </div>
      ) : (
        <ol
          aria-label="Quick replies"
          className="flex flex-col divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white"
        >
          {replies.map((reply, index) => (
            <li key={reply.id} className="flex flex-col gap-2 px-4 py-3">
              {editing === reply.id ? (
                <QuickReplyForm
                  label={`Change quick reply ${index + 1}`}
                  submitLabel="Save"
                  initial={reply.text}
                  sample={sample}
                  onSave={(text) => save(reply.id, text)}
                  onCancel={() => stopEditing(reply.id)}
                />
              ) : (
                <>
                  <p className="font-medium break-words">{reply.text}</p>
                  <p className="text-sm text-slate-700">Reads: {fillQuickReply(reply.text, sample)}</p>
                  {deleting === reply.id ? (
                    <fieldset className="flex min-w-0 flex-wrap items-center gap-2" aria-label="Delete this reply?">
                      <span className="text-sm">Delete this quick reply?</span>
                      <button
                        type="button"
                        onClick={() => remove(reply.id, index)}
                        className={`${smallButton} text-red-800`}
                      >
                        Delete
                      </button>
                      <button
                        type="button"
                        ref={(element) => remember(`${reply.id}:keep`, element)}
                        onClick={() => keep(reply.id)}
                        className={smallButton}
                      >
                        Keep it
                      </button>
                    </fieldset>
                  ) : (
                    <div className="flex flex-wrap gap-2">
                      {(
                        [
                          ["edit", "Edit", () => setEditing(reply.id), false],
                          ["up", "Move up", () => move(reply.id, index - 1, "up"), index === 0],
                          ["down", "Move down", () => move(reply.id, index + 1, "down"), index === replies.length - 1],
                          ["delete", "Delete", () => askDelete(reply.id), false],
                        ] as const
                      ).map(([key, word, act, off]) => (
                        <button
                          key={key}
                          ref={(element) => remember(`${reply.id}:${key}`, element)}
                          type="button"
                          onClick={act}
                          disabled={off || busy}
                          aria-label={`${word}: ${reply.text}`}
                          className={smallButton}
                        >
                          {word}
                        </button>
                      ))}
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      <section aria-labelledby="add-quick-reply" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="add-quick-reply" className="mb-2 text-lg font-semibold">
          Add a quick reply{" "}
          <span className="text-sm font-normal text-slate-700">
            ({replies.length} of {MAX_QUICK_REPLIES})
          </span>
        </h2>
        {replies.length >= MAX_QUICK_REPLIES ? (
          <p className="text-slate-700">
            The list is full. Delete one you don't use to make room: more than {MAX_QUICK_REPLIES} chips are scrolled
            past, not tapped.
          </p>
        ) : (
          <QuickReplyForm label="New quick reply" submitLabel="Add quick reply" sample={sample} onSave={add} />
        )}
      </section>
    </div>
  );
}
