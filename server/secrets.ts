import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import webPush from "web-push";

/**
 * The auth secret for the embedded default: made once and kept in DATA_DIR so
 * sessions survive a restart. Production deployments set NEXTAUTH_SECRET.
 */
export function loadOrCreateSecret(dataDir: string): string {
  const file = path.resolve(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The Web Push (VAPID) key pair for the embedded default: made once and kept
 * in DATA_DIR, so browsers' subscriptions (tied to the public key) survive a
 * restart. Production deployments may set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY.
 */
export function loadOrCreateVapidKeys(dataDir: string): { publicKey: string; privateKey: string } {
  const file = path.resolve(dataDir, "vapid-keys.json");
  if (existsSync(file)) {
    const kept = JSON.parse(readFileSync(file, "utf8")) as { publicKey?: unknown; privateKey?: unknown };
    if (typeof kept.publicKey === "string" && typeof kept.privateKey === "string") {
      return { publicKey: kept.publicKey, privateKey: kept.privateKey };
    }
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const keys = webPush.generateVAPIDKeys();
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}
