import { z } from "zod";
import { channelSchema } from "../customers/schemas.ts";
import { idSchema } from "../ids.ts";

export const chooseChannelInputSchema = z.strictObject({ jobId: idSchema, channel: channelSchema });
export type ChooseChannelInput = z.infer<typeof chooseChannelInputSchema>;
