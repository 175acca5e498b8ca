-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "requestHash" TEXT;
