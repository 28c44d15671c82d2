"use client";

import { useEffect, useState } from "react";
import { type FactsJob, quickReplyFacts } from "@/lib/quick-replies/job-facts.ts";
import type { QuickReplyList } from "@/lib/quick-replies/quick-reply-view.ts";
import { fillQuickReply } from "@/lib/quick-replies/template.ts";
import { getSocket } from "../realtime/socket.ts";
import { callApi } from "../ui/call-api.ts";

type Props = { job: FactsJob; timeZone: string; onInsert: (text: string) => void };

/**
 * The company's quick replies as a row of big chips (scrolling sideways on a
 * phone), each already filled in for this job: a tap hands the text to the
 * message box, where it can still be changed before it is sent. The list is
 * fetched when the thread opens and again on every reconnect; staff only (the
 * door refuses homeowners).
 */
export function QuickReplies({ job, timeZone, onInsert }: Props) {
  const [list, setList] = useState<QuickReplyList | "failed" | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      void callApi<QuickReplyList>("/api/quick-replies", { method: "GET" }).then((result) => {
        if (live)
          setList((current) => (result.ok ? result.data : current && current !== "failed" ? current : "failed"));
      });
    load();
    // A page opened with no signal tries again when the line is back (and keeps a list it already has).
    const socket = getSocket();
    socket.on("connect", load);
    return () => {
      live = false;
      socket.off("connect", load);
    };
  }, []);

  if (list === "failed") {
    return (
      <p className="mb-2 text-sm text-slate-700 [@media(max-height:480px)]:hidden">
        Quick replies aren't available right now.
      </p>
    );
  }
  // Loading, or none kept: no row at all rather than an empty strip above the box.
  if (!list || list.replies.length === 0) return null;
  const facts = quickReplyFacts(job, { timeZone, company: list.company });

  return (
    // The row scrolls sideways instead of widening what holds it: a fieldset is as wide as its
    // content by default (min-w-0), and a scrolling row still asks its parents for all its
    // chips' width unless its inline size is contained.
    <fieldset
      aria-label="Quick replies"
      // With the keyboard up on a short screen (landscape), the conversation needs the room more.
      className="-mx-3 mb-2 flex min-w-0 gap-2 overflow-x-auto px-3 pb-1 [contain:inline-size] [@media(max-height:480px)]:hidden"
    >
      {list.replies.map((reply) => {
        const text = fillQuickReply(reply.text, facts);
        return (
          <button
            key={reply.id}
            type="button"
            onClick={() => onInsert(text)}
            className="min-h-11 max-w-64 shrink-0 truncate rounded-full border border-blue-300 bg-blue-50 px-4 text-sm font-medium text-blue-900 hover:bg-blue-100"
          >
            {text}
          </button>
        );
      })}
    </fieldset>
  );
}
