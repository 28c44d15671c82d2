/** A quick reply on the wire: its template (blanks unfilled) and place in the list. */
export type QuickReplyView = { id: string; text: string; position: number; updatedAt: string };

/** The company's list, in order, and its name (the {company} blank). */
export type QuickReplyList = { company: string; replies: QuickReplyView[] };

export const quickReplySelect = { id: true, text: true, position: true, updatedAt: true } as const;

export function toQuickReplyView(row: { id: string; text: string; position: number; updatedAt: Date }): QuickReplyView {
  return { id: row.id, text: row.text, position: row.position, updatedAt: row.updatedAt.toISOString() };
}
