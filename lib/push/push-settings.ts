import type { Env } from "../env.ts";
import { DEFAULT_PUSH_HOSTS, type EndpointRule } from "./push-endpoints.ts";

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

/** The keys the server signs pushes with; null until server/index.ts has provided them. */
export function vapidKeysOf(config: Env): VapidKeys | null {
  if (!config.VAPID_PUBLIC_KEY || !config.VAPID_PRIVATE_KEY) return null;
  return { publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY, subject: config.VAPID_SUBJECT };
}

export function endpointRuleOf(config: Env): EndpointRule {
  return {
    hosts: config.PUSH_ENDPOINT_HOSTS?.split(",") ?? DEFAULT_PUSH_HOSTS,
    allowHttp: config.PUSH_ALLOW_HTTP,
  };
}
