-- AlterEnum
ALTER TYPE "PushKind" ADD VALUE 'WAITING';
