import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options.ts";

type Context = { params: Promise<{ nextauth: string[] }> };

// Built per request: the secret is set by server/index.ts at start, not at build.
async function handler(request: Request, context: Context) {
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
