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
};

export type FoundCustomer = { id: string; name: string; created: boolean };

/**
 * The company's customer with this phone or email (phone first: it is what
 * people give the same way each time), or a new one. Phones stored before
 * they were normalised are compared by their digits too.
 *
 * A known customer keeps their name and what is on file: a form anyone can
 * fill in only adds what was missing (and the channel they now ask for),
 * never overwrites, so a stranger who knows someone's number can't change
 * their record.
 */
export async function findOrCreateCustomer(
  db: Db,
  companyId: string,
  contact: CustomerContact,
): Promise<FoundCustomer> {
  const existing = await findByContact(db, companyId, contact.phone, contact.email);
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
  const fill = {
    ...(existing.phone ? {} : contact.phone ? { phone: contact.phone } : {}),
    ...(existing.email ? {} : contact.email ? { email: contact.email } : {}),
    ...(existing.address ? {} : contact.address ? { address: contact.address } : {}),
    ...(contact.channel ? { preferredChannel: contact.channel } : {}),
  };
  if (Object.keys(fill).length > 0) await db.customer.update({ where: { id: existing.id }, data: fill });
  return { id: existing.id, name: existing.name, created: false };
}

type CustomerRow = { id: string; name: string; phone: string | null; email: string | null; address: string | null };

export async function findByContact(
  db: Db,
  companyId: string,
  phone: string | null,
  email: string | null,
): Promise<CustomerRow | null> {
  if (!phone && !email) return null;
  const rows = await db.$queryRaw<CustomerRow[]>`
    SELECT "id", "name", "phone", "email", "address"
    FROM "Customer"
    WHERE "companyId" = ${companyId}::uuid
      AND ((${phone}::text IS NOT NULL AND regexp_replace("phone", '[^0-9+]', '', 'g') = ${phone}::text)
        OR (${email}::text IS NOT NULL AND lower("email") = ${email}::text))
    ORDER BY (${phone}::text IS NOT NULL AND regexp_replace("phone", '[^0-9+]', '', 'g') = ${phone}::text) DESC,
      "createdAt" ASC
    LIMIT 1`;
  return rows[0] ?? null;
}
