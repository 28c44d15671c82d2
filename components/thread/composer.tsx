"use client";

import { type FormEvent, type KeyboardEvent, type ReactNode, useId, useRef, useState } from "react";
import {
  cleanMessageText,
  MAX_MESSAGE_LENGTH,
  messageLength,
  messageTextProblem,
} from "@/lib/messages/message-text.ts";
import type { VisibilityName } from "@/lib/messages/schemas.ts";
import { PhotoButton } from "./photo-button.tsx";

type Props = {
  /** A photo, shrunk and captioned, for the thread's outbox. */
  onSendPhoto: (photo: { blob: Blob; caption: string; visibility: VisibilityName }) => void;
  canWriteNotes: boolean;
  onSend: (body: string, visibility: VisibilityName) => void;
  onTyping: (visibility: VisibilityName) => void;
  /** The message box took focus (the technician's header folds to give the conversation room). */
  onFocus?: () => void;
  /** Ready-made texts above the box (staff's quick replies); `insert` puts one in the box, not sent. */
  quickReplies?: (insert: (text: string) => void) => ReactNode;
};

/**
 * On a touch screen Enter makes a new line (a phone keyboard has no Shift+Enter
 * worth the name) and the Send button sends; with a keyboard Enter sends.
 * Ctrl/Cmd+Enter always sends.
 */
const enterMakesNewLine = () => window.matchMedia("(pointer: coarse)").matches;

export function Composer({ canWriteNotes, onSend, onSendPhoto, onTyping, onFocus, quickReplies }: Props) {
  const [body, setBody] = useState("");
  const [note, setNote] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const problemId = useId();
  const visibility: VisibilityName = note ? "STAFF" : "EVERYONE";
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const insert = (text: string) => {
    setBody((current) => (current.trim() ? `${current.trimEnd()} ${text}` : text));
    setProblem(null);
    inputRef.current?.focus();
  };
  const remaining = MAX_MESSAGE_LENGTH - messageLength(cleanMessageText(body));

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    // The server's own rule, so nothing it would refuse leaves the box.
    const text = cleanMessageText(body);
    const refused = messageTextProblem(text);
    if (refused) return setProblem(refused);
    onSend(text, visibility);
    setBody("");
    setProblem(null);
    // A note is the exception: the next message goes to everyone again unless asked.
    setNote(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.metaKey) return submit(event);
    if (!event.shiftKey && !enterMakesNewLine()) submit(event);
  };

  return (
    <form
      onSubmit={submit}
      className={`border-t p-3 ${note ? "border-amber-400 bg-amber-50" : "border-slate-200 bg-white"}`}
    >
      {canWriteNotes && (
        // On a short screen (landscape, keyboard up) the box's amber colour and its placeholder say "note" instead.
        <label className="mb-2 flex w-fit cursor-pointer items-center gap-2 text-sm font-medium text-slate-800 [@media(max-height:480px)]:hidden">
          <input
            type="checkbox"
            checked={note}
            onChange={(e) => setNote(e.target.checked)}
            className="h-5 w-5 accent-amber-600"
          />
          Internal note: only staff see it
        </label>
      )}
      {quickReplies?.(insert)}
      <div className="flex items-end gap-2">
        <label htmlFor={inputId} className="sr-only">
          {note ? "Internal note" : "Message"}
        </label>
        <textarea
          ref={inputRef}
          id={inputId}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            if (e.target.value.trim()) onTyping(visibility);
          }}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          rows={2}
          placeholder={note ? "Write an internal note…" : "Write a message…"}
          aria-describedby={problem ? problemId : undefined}
          aria-invalid={problem ? true : undefined}
          className="field-sizing-content max-h-40 min-h-12 flex-1 resize-none rounded-xl border border-slate-400 bg-white px-3 py-2 text-base"
        />
        <PhotoButton canMarkStaffOnly={canWriteNotes} noteMode={note} onSend={onSendPhoto} />
        <button
          type="submit"
          className={`min-h-12 rounded-xl px-5 text-base font-semibold text-white ${
            note ? "bg-amber-700 hover:bg-amber-800" : "bg-blue-700 hover:bg-blue-800"
          }`}
        >
          {note ? "Add note" : "Send"}
        </button>
      </div>
      {problem && (
        <p id={problemId} role="alert" className="mt-1 text-sm text-red-800">
          {problem}
        </p>
      )}
      {remaining < 200 && (
        <p className="mt-1 text-sm text-slate-700" aria-live="polite">
          {remaining >= 0 ? `${remaining} characters left` : `${-remaining} too many characters`}
        </p>
      )}
    </form>
  );
}
