-- CreateEnum
CREATE TYPE "TokenScope" AS ENUM ('SUBMIT', 'READ', 'ADMIN');

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "scope" "TokenScope" NOT NULL DEFAULT 'SUBMIT';
