import { z } from "zod";

export const idSchema = z.uuid({ message: "must be a valid id" });
