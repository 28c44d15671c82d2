// The world a run plays in: who connects, with which cookie, to which job.
// The Trio node seeds it; the load generator connects it to both targets.

export const SENDER_ROLES = ["HOMEOWNER", "TECHNICIAN", "DISPATCHER"] as const;
export type SenderRole = (typeof SENDER_ROLES)[number];

/**
 * Who a socket is. Trio learns it from the cookie; the relay, which has no
 * auth, from the handshake's `auth` payload.
 */
export type Identity = { role: SenderRole; name: string; companyId: string; jobId: string | null };

export type SocketPlan = {
  cookie: string;
  identity: Identity;
  /** The thread this socket joins; null for a board socket (company room only). */
  joins: string | null;
};

export type WorldJob = {
  id: string;
  companyId: string;
  /** Indexes into `sockets` of this job's homeowner, technician and dispatcher socket, in SENDER_ROLES order. */
  sockets: number[];
};

export type World = { jobs: WorldJob[]; sockets: SocketPlan[] };

export type WorldShape = { jobs: number; companies: number; boardsPerCompany: number };

/** Dispatchers per company: the board sockets and the jobs' dispatcher sockets are theirs. */
export const DISPATCHERS_PER_COMPANY = 3;
/** Jobs a technician holds at once. */
export const JOBS_PER_TECHNICIAN = 3;
