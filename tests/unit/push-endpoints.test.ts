import { describe, expect, it } from "vitest";
import { DEFAULT_PUSH_HOSTS, isAllowedEndpoint } from "../../lib/push/push-endpoints.ts";

const defaults = { hosts: DEFAULT_PUSH_HOSTS, allowHttp: false };

describe("push endpoints the server will send to", () => {
  it("accept the browsers' push services over https", () => {
    for (const endpoint of [
      "https://fcm.googleapis.com/fcm/send/abc:APA91b",
      "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
      "https://web.push.apple.com/QGuQyavXutnMz",
      "https://wns2-par02p.notify.windows.com/w/?token=BQYAAA",
    ]) {
      expect(isAllowedEndpoint(endpoint, defaults), endpoint).toBe(true);
    }
  });

  it("refuse anything else: other hosts, look-alikes, other ports, plain http, credentials, non-URLs", () => {
    for (const endpoint of [
      "http://fcm.googleapis.com/fcm/send/x",
      "https://fcm.googleapis.com:8443/fcm/send/x",
      "https://fcm.googleapis.com.evil.test/fcm/send/x",
      "https://evilfcm.googleapis.com/x",
      "https://push.services.mozilla.com.evil.test/x",
      "https://notify.windows.com/x",
      "https://user:pw@web.push.apple.com/x",
      "https://127.0.0.1/x",
      "https://169.254.169.254/latest/meta-data",
      "file:///etc/passwd",
      "not a url",
    ]) {
      expect(isAllowedEndpoint(endpoint, defaults), endpoint).toBe(false);
    }
  });

  it("a host:port entry allows exactly that port, and http only when allowed", () => {
    const local = { hosts: ["127.0.0.1:4000"], allowHttp: true };
    expect(isAllowedEndpoint("http://127.0.0.1:4000/push/1", local)).toBe(true);
    expect(isAllowedEndpoint("http://127.0.0.1:4001/push/1", local)).toBe(false);
    expect(isAllowedEndpoint("http://127.0.0.1:4000/push/1", { ...local, allowHttp: false })).toBe(false);
  });
});
