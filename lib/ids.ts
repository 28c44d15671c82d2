import { z } from "zod";

export const idSchema = z.uuid({ message: "must be a valid id" });

export const isUuid = (value: string): boolean => idSchema.safeParse(value).success;
