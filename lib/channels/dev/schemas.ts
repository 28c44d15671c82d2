import { z } from "zod";
import { idSchema } from "../../ids.ts";
import { messageBodySchema } from "../../messages/schemas.ts";

export const devReplyInputSchema = z.strictObject({ id: idSchema, body: messageBodySchema });
