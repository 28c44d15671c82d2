import type { Db } from "../db.ts";
import type { ChannelName } from "./schemas.ts";

export type CustomerContact = {
  name: string;
  /** Normalised (lib/customers/schemas.ts normalizePhone), or null. */
  phone: string | null;
  /** Normalised (lower case), or null. */
  email: string | null;
  address: string | null;
  channel?: ChannelName;
  /**
   * The public form: find the customer only when the name matches too.
   * False (the office adding a customer): always a new record.
   */
  matchExisting: boolean;
};

export type FoundCustomer = { id: string; name: string; created: boolean };

/**
 * The company's customer with this phone or email (phone first: it is what
 * people give the same way each time) *and* this name (case and spacing
 * aside), or a new one. Phones stored before they were normalised are
 * compared by their digits too.
 *
 * A form anyone can fill in changes nothing on file and learns nothing from
 * it: a known customer's record is never written here, and a stranger who
 * types someone's number under another name gets a customer of their own, not
 * theirs (nor their name or address in the thread).
 */
export async function findOrCreateCustomer(
  db: Db,
  companyId: string,
  contact: CustomerContact,
): Promise<FoundCustomer> {
  const existing = contact.matchExisting
    ? await findByContact(db, companyId, contact.phone, contact.email, contact.name)
    : null;
  if (!existing) {
    const created = await db.customer.create({
      data: {
        companyId,
        name: contact.name,
        phone: contact.phone,
        email: contact.email,
        address: contact.address,
        preferredChannel: contact.channel ?? "WEB",
      },
      select: { id: true, name: true },
    });
    return { ...created, created: true };
  }
  return { id: existing.id, name: existing.name, created: false };
}

type CustomerRow = { id: string; name: string; phone: string | null; email: string | null; address: string | null };

async function findByContact(
  db: Db,
  companyId: string,
  phone: string | null,
  email: string | null,
  name: string,
): Promise<CustomerRow | null> {
  if (!phone && !email) return null;
  const rows = await db.$queryRaw<CustomerRow[]>`
    SELECT "id", "name", "phone", "email", "address"
    FROM "Customer"
    WHERE "companyId" = ${companyId}::uuid
      AND ((${phone}::text IS NOT NULL AND regexp_replace("phone", '[^0-9+]', '', 'g') = ${phone}::text)
        OR (${email}::text IS NOT NULL AND lower("email") = ${email}::text))
      AND lower(regexp_replace(btrim("name"), '\s+', ' ', 'g')) = lower(regexp_replace(btrim(${name}::text), '\s+', ' ', 'g'))
    ORDER BY (${phone}::text IS NOT NULL AND regexp_replace("phone", '[^0-9+]', '', 'g') = ${phone}::text) DESC,
      "createdAt" ASC
    LIMIT 1`;
  return rows[0] ?? null;
}
